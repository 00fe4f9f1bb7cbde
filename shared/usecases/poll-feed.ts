import type { Clock } from '../ports/clock.ts';
import type {
  FeedItem,
  FeedItemOutcome,
  FeedParser,
  FeedPollState,
  FeedPollStore,
  FeedSource,
  FeedTrouble,
  ParsedFeed,
} from '../ports/feed-poll.ts';
import type { Logger } from '../ports/logger.ts';

export type PollFeedDeps = {
  source: FeedSource;
  parser: FeedParser;
  store: FeedPollStore;
  takeItem: (item: FeedItem, feed: Extract<ParsedFeed, { ok: true }>) => Promise<FeedItemOutcome>;
  warnAuthor: (trouble: FeedTrouble) => Promise<void>;
  clock: Clock;
  logger: Logger;
};

export type PollOutcome =
  | { kind: 'initialised'; seen: number }
  | { kind: 'not_modified' }
  | { kind: 'polled'; taken: number; ignored: number; retry: number }
  | { kind: 'failed'; failures: number; detail: string };

/** Failures in a row before the author hears of it: a blog down for a few minutes is not news. */
export const WARN_AFTER_FAILURES = 3;
/** Entries remembered: far more than any feed lists at once (WordPress: 10 by default). */
const SEEN_KEPT = 500;

/**
 * One poll of her feed. The first records what is there and takes none of it: no backlog goes to readers.
 * Afterwards each entry not seen before becomes a post, oldest first. A failed fetch or an unreadable feed
 * keeps what is known and counts; the third in a row warns her once. Never throws for the feed's sake, so a
 * broken feed is no crash loop.
 */
export const pollFeed = async (url: string, deps: PollFeedDeps): Promise<PollOutcome> => {
  const known = await deps.store.get(url);
  const now = deps.clock.now().toISOString();
  const fetched = await deps.source.fetch(url, known?.validators ?? {});
  if (fetched.kind === 'not_modified' && known) {
    await deps.store.put({ ...known, failures: 0, lastPolledAt: now });
    return { kind: 'not_modified' };
  }
  const parsed: ParsedFeed =
    fetched.kind === 'fetched'
      ? await deps.parser.parse(fetched.body)
      : { ok: false, detail: fetched.kind === 'failed' ? fetched.detail : '304 with nothing stored' };
  if (!parsed.ok || fetched.kind !== 'fetched') {
    const notPublic = fetched.kind === 'failed' && fetched.notPublic === true;
    return failed(url, known, parsed.ok ? 'no feed' : parsed.detail, now, deps, notPublic);
  }
  const validators = fetched.validators;
  if (!known?.initialisedAt) {
    const seen = parsed.items.map((item) => item.id).slice(0, SEEN_KEPT);
    await deps.store.put({ url, validators, seen, failures: 0, lastPolledAt: now, initialisedAt: now });
    deps.logger.info('feed initialised', { feedUrl: url, seen: seen.length });
    return { kind: 'initialised', seen: seen.length };
  }
  const counts = { taken: 0, ignored: 0, retry: 0 };
  const seen = new Set(known.seen);
  const fresh = parsed.items.filter((item) => !seen.has(item.id)).reverse();
  const done: string[] = [];
  for (const item of fresh) {
    const outcome = await deps.takeItem(item, parsed);
    counts[outcome] += 1;
    if (outcome !== 'retry') done.push(item.id);
  }
  // A retried entry keeps the old validators, so the next poll fetches the feed again instead of a 304.
  await deps.store.put({
    url,
    validators: counts.retry > 0 ? known.validators : validators,
    seen: [...done.reverse(), ...known.seen].slice(0, SEEN_KEPT),
    failures: 0,
    lastPolledAt: now,
    initialisedAt: known.initialisedAt,
  });
  if (fresh.length > 0) deps.logger.info('feed polled', { feedUrl: url, ...counts });
  return { kind: 'polled', ...counts };
};

const failed = async (
  url: string,
  known: FeedPollState | undefined,
  detail: string,
  now: string,
  deps: PollFeedDeps,
  notPublic = false,
): Promise<PollOutcome> => {
  const failures = (known?.failures ?? 0) + 1;
  await deps.store.put({
    url,
    validators: known?.validators ?? {},
    seen: known?.seen ?? [],
    failures,
    lastPolledAt: now,
    ...(known?.initialisedAt ? { initialisedAt: known.initialisedAt } : {}),
  });
  deps.logger.warn('feed poll failed', { feedUrl: url, failures, detail });
  if (failures === WARN_AFTER_FAILURES)
    await deps.warnAuthor({ url, failures, detail, ...(notPublic ? { notPublic: true as const } : {}) });
  return { kind: 'failed', failures, detail };
};
