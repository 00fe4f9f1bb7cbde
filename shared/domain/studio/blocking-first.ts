import type { HealthReport } from '../deliverability/health-item.ts';

/** Blocking first: what she must pass on is at the top, the rest follows in the order it is fixed. */
export const blockingFirst = (report: HealthReport | undefined) => {
  const failing = report?.items.filter((i) => i.status === 'fail') ?? [];
  const ordered = report ? [...failing, ...report.items.filter((i) => i.status !== 'fail')] : [];
  return { failing, ordered };
};
