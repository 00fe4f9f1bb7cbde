import { receivesIssues, type Subscriber, type Suppression } from '../../domain/subscriber.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

/** Who a campaign frozen at `frozenAt` goes to: confirmed before it, not paused, not suppressed. */
export const inAudience = (record: Subscriber | Suppression, frozenAt: string): boolean =>
  receivesIssues(record) && (record.confirmedAt ?? record.createdAt) <= frozenAt;

/** How many a campaign started now would go to (the dry run, the eve reminder). */
export const countAudience = async (
  subscribers: Pick<SubscriberStore, 'listByStatus'>,
  now: Date,
): Promise<number> => {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await subscribers.listByStatus('confirmed', { limit: 500, ...(cursor ? { cursor } : {}) });
    count += page.items.filter((s) => inAudience(s, now.toISOString())).length;
    cursor = page.cursor;
  } while (cursor);
  return count;
};
