import { randomUUID } from 'node:crypto';

export type QueuedMessage<T> = { id: string; body: T; receiveCount: number };

type Entry<T> = QueuedMessage<T> & { visibleAt: number; receipt?: string };

export type InProcessQueueOptions = { visibilityMs: number; maxReceives: number; now?: () => number };

/**
 * A queue with SQS's semantics, for one machine: a received message is invisible for the visibility timeout
 * and comes back unless deleted; after `maxReceives` receives it moves to the dead-letter list.
 */
export const inProcessQueue = <T>({ visibilityMs, maxReceives, now = Date.now }: InProcessQueueOptions) => {
  const entries = new Map<string, Entry<T>>();
  const deadLetters: QueuedMessage<T>[] = [];

  return {
    send: (body: T, delayMs = 0) => {
      const id = randomUUID();
      entries.set(id, { id, body, receiveCount: 0, visibleAt: now() + delayMs });
      return id;
    },

    receive: (max: number): (QueuedMessage<T> & { receipt: string })[] => {
      const out: (QueuedMessage<T> & { receipt: string })[] = [];
      for (const entry of entries.values()) {
        if (out.length >= max) break;
        if (entry.visibleAt > now()) continue;
        if (entry.receiveCount >= maxReceives) {
          entries.delete(entry.id);
          deadLetters.push({ id: entry.id, body: entry.body, receiveCount: entry.receiveCount });
          continue;
        }
        entry.receiveCount += 1;
        entry.visibleAt = now() + visibilityMs;
        entry.receipt = randomUUID();
        out.push({
          id: entry.id,
          body: entry.body,
          receiveCount: entry.receiveCount,
          receipt: entry.receipt,
        });
      }
      return out;
    },

    /** Only the latest receipt counts, as in SQS: a consumer whose message timed out cannot delete it. */
    delete: (id: string, receipt: string): boolean => {
      const entry = entries.get(id);
      if (entry?.receipt !== receipt) return false;
      entries.delete(id);
      return true;
    },

    changeVisibility: (id: string, receipt: string, delayMs: number) => {
      const entry = entries.get(id);
      if (entry?.receipt === receipt) entry.visibleAt = now() + delayMs;
    },

    size: () => entries.size,
    inFlight: () => [...entries.values()].filter((e) => e.visibleAt > now() && e.receiveCount > 0).length,
    deadLetters: () => [...deadLetters],
  };
};

export type InProcessQueue<T> = ReturnType<typeof inProcessQueue<T>>;

/** The queue as the use cases see it (`enqueue` with an SQS-style delay): the send, social and music queues. */
export const inProcessQueuePort = <T>(queue: InProcessQueue<T>) => ({
  enqueue: async (message: T, { delaySeconds = 0 }: { delaySeconds?: number } = {}) =>
    void queue.send(message, delaySeconds * 1000),
});
