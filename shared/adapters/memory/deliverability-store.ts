import type { HealthReport } from '../../domain/deliverability/health-item.ts';
import type { DeliverabilityStore } from '../../ports/deliverability-store.ts';
import { stored } from './stored.ts';

/** The last run only: each one replaces the one before. */
export const memoryDeliverabilityStore = (): DeliverabilityStore => {
  let latest: HealthReport | undefined;
  return {
    save: async (report) => {
      latest = stored({ checkedAt: report.checkedAt, items: report.items });
    },
    latest: async () => (latest ? stored(latest) : undefined),
  };
};
