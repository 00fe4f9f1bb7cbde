import {
  receivesIssues,
  type Subscriber,
  type SubscriberStatus,
  type Suppression,
} from '../../domain/subscriber.ts';
import type { Page } from '../../ports/subscriber-store.ts';
import { withStatus } from '../subscribers/with-status.ts';

/** Who a campaign frozen at `frozenAt` goes to: confirmed before it, not paused, not suppressed. */
export const inAudience = (record: Subscriber | Suppression, frozenAt: string): boolean =>
  receivesIssues(record) && (record.confirmedAt ?? record.createdAt) <= frozenAt;

/** Subscribers of one status, a page at a time: how an audience is read. */
export type SubscribersByStatus = {
  listByStatus: (
    status: SubscriberStatus,
    options: { limit: number; cursor?: string },
  ) => Promise<Page<Subscriber | Suppression>>;
};

/** How many a campaign started now would go to (the dry run, the eve reminder). */
export const countAudience = async (subscribers: SubscribersByStatus, now: Date): Promise<number> => {
  const frozenAt = now.toISOString();
  let count = 0;
  for await (const record of withStatus(subscribers, 'confirmed'))
    if (inAudience(record, frozenAt)) count += 1;
  return count;
};
