import type { IssueId } from '../../domain/issue.ts';
import { type TrackResolution, trackUrlKey } from '../../domain/music/track-resolution.ts';
import { type Platform, PLATFORMS } from '../../domain/platforms.ts';
import type { Clock } from '../../ports/clock.ts';
import type { LinkResolver } from '../../ports/link-resolver.ts';
import type { Logger } from '../../ports/logger.ts';
import type { MusicMessage, MusicQueue } from '../../ports/music-queue.ts';
import type { RateLimits } from '../../ports/rate-limits.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';

export type ResolveMessage = Extract<MusicMessage, { kind: 'resolve' }>;

export type ResolveTrackDeps = {
  links: TrackLinkStore;
  resolver: LinkResolver;
  rateLimits: RateLimits;
  queue: MusicQueue;
  clock: Clock;
  logger: Logger;
  /** The resolver's limit, shared by every worker instance through `rateLimits`. */
  rate: { limit: number; windowSeconds: number };
  /** Resolver failures (server errors, timeouts) before the track is saved as `failed`. */
  maxAttempts: number;
  /** Called once the URL has its resolution (fresh or cached): the issue may now have all of them. */
  settled?: (issueId: IssueId) => Promise<void>;
};

/**
 * cached: already resolved (or not found) by an earlier message; deferred: sent back to the queue as a new,
 * delayed message (`attempt` is the one it carries).
 */
export type ResolveTrackResult =
  | { outcome: 'cached'; status: TrackResolution['status'] }
  | { outcome: 'resolved'; missing: Platform[] }
  | { outcome: 'not_found' | 'failed'; detail: string }
  | { outcome: 'deferred'; reason: DeferReason; delaySeconds: number; attempt: number };

/** rate_limit: our shared window is full; resolver_rate_limited: the API said 429; resolver_unavailable: it failed. */
export type DeferReason = 'rate_limit' | 'resolver_rate_limited' | 'resolver_unavailable';

/** SQS delays a message by 900 s at most; a longer wait simply comes back and is deferred again. */
const MAX_DELAY_SECONDS = 900;
const RATE_KEY = 'resolver';

/** 30 s, 60 s, 120 s… : a resolver that is down for a while is not asked again every few seconds. */
const backoffSeconds = (failures: number) => 30 * 2 ** Math.max(0, failures - 1);

/**
 * One track URL of an issue: from the cache when it is there, else from the resolver, within the rate that
 * every worker instance shares. A `failed` entry is not a cache hit: a later ingest of the URL tries again.
 * A message may come twice (the queue delivers at least once): the second finds the cache.
 */
export const resolveTrack = async (
  message: ResolveMessage,
  deps: ResolveTrackDeps,
): Promise<ResolveTrackResult> => {
  const result = await resolveOnce(message, deps);
  deps.logger.info('track resolution', { issueId: message.issueId, url: message.url, ...result });
  if (result.outcome !== 'deferred') await deps.settled?.(message.issueId);
  return result;
};

const resolveOnce = async (message: ResolveMessage, deps: ResolveTrackDeps): Promise<ResolveTrackResult> => {
  const key = trackUrlKey(message.url);
  const cached = (await deps.links.getMany([key])).get(key);
  if (cached && cached.status !== 'failed') return { outcome: 'cached', status: cached.status };

  const attempt = message.attempt ?? 0;
  const defer = async (reason: DeferReason, seconds: number, next = attempt) => {
    const delaySeconds = Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(seconds)));
    await deps.queue.enqueue({ ...message, attempt: next }, { delaySeconds });
    return { outcome: 'deferred', reason, delaySeconds, attempt: next } as const;
  };

  const now = deps.clock.now();
  const allowed = await deps.rateLimits.hit(RATE_KEY, deps.rate, now);
  if (!allowed.ok) return defer('rate_limit', allowed.retryAfterSeconds);

  const answer = await deps.resolver.resolve(message.url);
  const at = deps.clock.now().toISOString();
  const save = (resolution: TrackResolution) => deps.links.save(resolution);
  switch (answer.kind) {
    case 'resolved': {
      const { kind: _kind, ...found } = answer;
      const missing = PLATFORMS.filter((platform) => !answer.links[platform]);
      await save({ key, url: message.url, status: 'resolved', ...found, missing, resolvedAt: at });
      return { outcome: 'resolved', missing };
    }
    case 'not_found':
      await save({ key, url: message.url, status: 'not_found', detail: answer.detail, resolvedAt: at });
      return { outcome: 'not_found', detail: answer.detail };
    case 'rate_limited':
      // Another client of the same key, or a window that drifted from ours: wait as long as the API says.
      return defer('resolver_rate_limited', answer.retryAfterSeconds);
    case 'unavailable': {
      const failures = attempt + 1;
      if (failures < deps.maxAttempts)
        return defer('resolver_unavailable', backoffSeconds(failures), failures);
      await save({ key, url: message.url, status: 'failed', detail: answer.detail, resolvedAt: at });
      return { outcome: 'failed', detail: answer.detail };
    }
  }
};
