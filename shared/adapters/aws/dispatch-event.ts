import type { DispatchOptions } from '../../usecases/campaign/dispatch-sunday.ts';

/** What the admin function sends the dispatch function for one issue (the studio's "send now"). */
export const dispatchEvent = (series: number) => ({ manual: true, series });

/**
 * The dispatch function's event, read strictly: a `series` that is not an issue number is dropped rather than
 * guessed, and a manual event without one is refused by the use case's own rule (it sends the coming Sunday's).
 */
export const dispatchOptionsOf = (event: unknown): DispatchOptions => {
  const raw = (event ?? {}) as { dryRun?: unknown; manual?: unknown; series?: unknown };
  const series =
    typeof raw.series === 'number' && Number.isInteger(raw.series) && raw.series > 0 ? raw.series : undefined;
  return {
    dryRun: raw.dryRun === true,
    manual: raw.manual === true,
    ...(series ? { series } : {}),
  };
};
