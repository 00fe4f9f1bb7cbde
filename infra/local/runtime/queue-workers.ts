import type { InProcessQueue } from './in-process-queue.ts';

export type WorkOutcome = { ok: true } | { ok: false; retryAfterMs: number; requeue?: boolean };

/**
 * N consumers polling an in-process queue, as N Lambda instances poll SQS: a success deletes the message,
 * a failure hands it back after `retryAfterMs` (or as a new delayed message when asked to requeue), a thrown
 * error leaves it to its visibility timeout.
 */
export const startQueueWorkers = <T>(
  queue: InProcessQueue<T>,
  handle: (body: T) => Promise<WorkOutcome>,
  {
    workers,
    pollMs = 50,
    onError = () => {},
  }: { workers: number; pollMs?: number; onError?: (error: unknown) => void },
) => {
  let running = true;
  const loop = async () => {
    while (running) {
      const [message] = queue.receive(1);
      if (!message) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        continue;
      }
      try {
        const outcome = await handle(message.body);
        if (!running) return;
        if (outcome.ok) queue.delete(message.id, message.receipt);
        else if (outcome.requeue && queue.delete(message.id, message.receipt))
          queue.send(message.body, outcome.retryAfterMs);
        else queue.changeVisibility(message.id, message.receipt, outcome.retryAfterMs);
      } catch (error) {
        onError(error);
      }
    }
  };
  const loops = Array.from({ length: workers }, loop);
  return {
    /** Stops polling; handlers in flight finish, as a Lambda instance finishes its invocation. */
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
};
