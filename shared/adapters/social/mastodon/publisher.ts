import { createRestAPIClient, MastoHttpError, type mastodon } from 'masto';
import { systemClock } from '../../../ports/clock.ts';
import type { PublishOutcome, SocialPublisher } from '../../../ports/social-publisher.ts';
import {
  describeError,
  type PublisherOptions,
  SocialLookupError,
  transportOutcome,
} from '../publish-http.ts';
import { fromTimestamp, notBefore } from '../rate-limit-reset.ts';
import type { MastodonAccount } from './account.ts';

/** Mastodon's default limit is 300 calls per 5 minutes per account. */
const RATE_WINDOW_MS = 5 * 60_000;

/**
 * Mastodon through `masto`. The Idempotency-Key makes a repeat within an hour return the first status
 * instead of a second one, so a call whose outcome is unknown can simply be made again.
 */
export const mastodonPublisher = (
  account: MastodonAccount,
  { timeoutMs = 15_000, clock = systemClock }: PublisherOptions = {},
): SocialPublisher => {
  const client = createRestAPIClient({
    url: account.baseUrl,
    accessToken: account.accessToken,
    timeout: timeoutMs,
  });
  return {
    network: 'mastodon',
    idempotent: true,
    publish: async ({ post, idempotencyKey }) => {
      try {
        const status = await client.v1.statuses.create(
          { status: post.text, visibility: 'public', language: post.language },
          { requestInit: { headers: { 'Idempotency-Key': idempotencyKey } } },
        );
        return { kind: 'published', postId: status.id, postUrl: status.url ?? status.uri };
      } catch (error) {
        return mastodonOutcome(error, clock.now());
      }
    },
    findRecent: async (url) => {
      try {
        const me = await client.v1.accounts.verifyCredentials();
        const statuses = await client.v1.accounts
          .$select(me.id)
          .statuses.list({ limit: 40, excludeReplies: true, excludeReblogs: true });
        const found = statuses.find((status) => mentionsUrl(status, url));
        return found && { postId: found.id, postUrl: found.url ?? found.uri };
      } catch (error) {
        throw new SocialLookupError(`Mastodon statuses: ${describeError(error)}`, { cause: error });
      }
    },
  };
};

/** Statuses come back as HTML: the link is in an href, with `&` escaped. */
const mentionsUrl = (status: mastodon.v1.Status, url: string) =>
  status.card?.url === url || status.content.includes(`href="${url.replaceAll('&', '&amp;')}"`);

export const mastodonOutcome = (error: unknown, now: Date): PublishOutcome => {
  if (!(error instanceof MastoHttpError)) return transportOutcome(error);
  const detail = `HTTP ${error.statusCode}: ${error.message}`;
  const headers = error.cause instanceof Response ? error.cause.headers : new Headers();
  if (error.statusCode === 401 || error.statusCode === 403) return { kind: 'needs_reconnect', detail };
  if (error.statusCode === 429) {
    const reset = fromTimestamp(headers.get('x-ratelimit-reset'));
    return { kind: 'rate_limited', retryAt: notBefore(reset, now, RATE_WINDOW_MS), detail };
  }
  if (error.statusCode >= 500) return { kind: 'unknown', detail };
  return { kind: 'rejected', detail };
};

/** What the composer needs from the instance: its own limit, and what a link counts. */
export const mastodonLimits = async (account: MastodonAccount, timeoutMs = 15_000) => {
  const client = createRestAPIClient({ url: account.baseUrl, timeout: timeoutMs });
  const { configuration } = await client.v2.instance.fetch();
  return {
    maxCharacters: configuration.statuses.maxCharacters,
    charactersReservedPerUrl: configuration.statuses.charactersReservedPerUrl,
  };
};
