import type { RedriveQueue } from '../../infra/redrive/redrive.ts';
import type { InProcessQueue } from '../../infra/local/runtime/in-process-queue.ts';

/** The local queue as `npm run redrive` sees SQS: its messages as JSON bodies, and the queues it is a DLQ of. */
export const inProcessRedriveQueue = <T>(
  queue: InProcessQueue<T>,
  { sources = [] as string[], moved = [] as string[] } = {},
): RedriveQueue => ({
  deadLetterSources: async () => sources,
  moveBack: async () => {
    moved.push('task-1');
    return 'task-1';
  },
  receive: async () =>
    queue.receive(10).map((m) => ({ id: m.id, receipt: m.receipt, body: JSON.stringify(m.body) })),
  remove: async ({ id, receipt }) => void queue.delete(id, receipt),
});
