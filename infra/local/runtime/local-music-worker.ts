import { Cron } from 'croner';
import { inProcessQueue, inProcessQueuePort } from './in-process-queue.ts';
import { startQueueWorkers } from './queue-workers.ts';
import type { MusicMessage } from '../../../shared/ports/music-queue.ts';
import { handleMusicMessage, type MusicWorkerDeps } from '../../../shared/usecases/music/music-worker.ts';
import { musicWorkerDeps } from '../../../functions/wiring/music.ts';

/**
 * The music worker on one machine: an in-process queue of SQS semantics, two consumers (Lambda's least for an
 * SQS source), and the eve check on its own cron. The queue comes first: the render step feeds it.
 */
export const createLocalMusic = (options: { visibilityMs?: number; maxReceives?: number }) => {
  const queue = inProcessQueue<MusicMessage>({
    visibilityMs: options.visibilityMs ?? 120_000,
    maxReceives: options.maxReceives ?? 5,
  });
  return {
    queue,
    musicQueue: inProcessQueuePort(queue),
    start: (
      deps: Omit<Parameters<typeof musicWorkerDeps>[0], 'queue'> & {
        /** Cron of the day-before check, in `timeZone`; none: no eve run (tests). */
        eveSchedule?: string;
      },
    ) => {
      const worker: MusicWorkerDeps = musicWorkerDeps({ ...deps, queue: inProcessQueuePort(queue) });
      const workers = startQueueWorkers(
        queue,
        async (message) => {
          const result = await handleMusicMessage(message, worker);
          deps.logger.info('music message handled', { ...message, result });
          return { ok: true };
        },
        { workers: 2, onError: (error) => deps.logger.error('music message failed', { error }) },
      );
      const eve = deps.eveSchedule
        ? new Cron(deps.eveSchedule, { timezone: deps.timeZone, protect: true }, () => {
            queue.send({ kind: 'check', reason: 'eve' });
          })
        : undefined;
      return {
        nextEve: () => eve?.nextRun()?.toISOString(),
        stop: async () => {
          eve?.stop();
          await workers.stop();
        },
      };
    },
  };
};
