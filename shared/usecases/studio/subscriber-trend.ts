import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { withStatus } from '../subscribers/with-status.ts';

export type TrendPorts = { subscribers: { listByStatus: SubscriberStore['listByStatus'] }; clock: Clock };

/** Confirmed now, and who joined and left in the last seven days, from the records' own dates. */
export const subscriberTrend = async (ports: TrendPorts) => {
  const weekAgo = new Date(ports.clock.now().getTime() - 7 * 86_400_000).toISOString();
  const dates = { joined: 0, left: 0, confirmed: 0, confirmedAt: [] as string[] };
  for (const status of ['confirmed', 'unsubscribed'] as const) {
    for await (const s of withStatus(ports.subscribers, status)) {
      if (!('email' in s)) continue;
      if (status === 'confirmed') {
        dates.confirmed += 1;
        if ((s.confirmedAt ?? s.createdAt) >= weekAgo) dates.joined += 1;
      } else if ((s.unsubscribedAt ?? '') >= weekAgo) dates.left += 1;
      if (s.confirmedAt) dates.confirmedAt.push(s.confirmedAt);
    }
  }
  return dates;
};
