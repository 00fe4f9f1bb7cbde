import { receivesIssues, type Subscriber, type Suppression } from '../../domain/subscriber.ts';
import { type SubscribersByStatus, withStatus } from '../subscribers/with-status.ts';

/** Who a campaign frozen at `frozenAt` goes to: confirmed before it, not paused, not suppressed. */
export const inAudience = (record: Subscriber | Suppression, frozenAt: string): boolean =>
  receivesIssues(record) && (record.confirmedAt ?? record.createdAt) <= frozenAt;

/** How many a campaign started now would go to (the dry run, the eve reminder). */
export const countAudience = async (subscribers: SubscribersByStatus, now: Date): Promise<number> => {
  const frozenAt = now.toISOString();
  let count = 0;
  for await (const record of withStatus(subscribers, 'confirmed'))
    if (inAudience(record, frozenAt)) count += 1;
  return count;
};
