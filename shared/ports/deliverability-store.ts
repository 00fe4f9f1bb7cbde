import type { HealthReport } from '../domain/deliverability/health-item.ts';

/** The last run of the deliverability checks, which the studio shows without calling AWS on each page. */
export type DeliverabilityStore = {
  save: (report: HealthReport) => Promise<void>;
  latest: () => Promise<HealthReport | undefined>;
};
