import type { CdnInvalidator } from '../../ports/public-objects.ts';

/** What the invalidation worker receives: the public paths one render changed. */
export type InvalidationMessage = { paths: string[] };

/**
 * The render step's side: the paths go on a queue that a small worker turns into CloudFront invalidations. The
 * render function cannot name the distribution itself: the distribution sits in front of the API, which
 * invokes the render function, and CloudFormation refuses the cycle.
 */
export const queuedInvalidator = (queue: {
  enqueue: (message: InvalidationMessage) => Promise<void>;
}): CdnInvalidator => ({
  invalidate: async (paths) => {
    if (paths.length > 0) await queue.enqueue({ paths: [...paths] });
  },
});
