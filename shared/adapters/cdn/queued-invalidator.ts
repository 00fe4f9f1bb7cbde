import type { CdnInvalidator } from '../../ports/public-objects.ts';

/** What the invalidation worker receives: the public paths one render changed. */
export type InvalidationMessage = { paths: string[] };

/**
 * The render step's side: the paths go on a queue that a small worker turns into CloudFront invalidations. A
 * render is then never held up or failed by CloudFront, the re-renders of one morning (the music worker's, as
 * tracks resolve) become one invalidation, and a refused one is retried, then kept in a dead-letter queue
 * that an alarm watches.
 */
export const queuedInvalidator = (queue: {
  enqueue: (message: InvalidationMessage) => Promise<void>;
}): CdnInvalidator => ({
  invalidate: async (paths) => {
    if (paths.length > 0) await queue.enqueue({ paths: [...paths] });
  },
});
