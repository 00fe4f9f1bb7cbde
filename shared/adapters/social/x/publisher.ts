import { systemClock } from '../../../ports/clock.ts';
import type { PublishOutcome, SocialPublisher } from '../../../ports/social-publisher.ts';
import {
  call,
  detailOf,
  type HttpAnswer,
  outcomeOfStatus,
  type PublisherOptions,
  read,
} from '../publish-http.ts';
import { fromEpochSeconds, latest, notBefore } from '../rate-limit-reset.ts';
import type { XAccount } from './account.ts';

/** X counts per 15-minute window; the daily caps reset with their own headers. */
const RATE_WINDOW_MS = 15 * 60_000;

type Tweet = { id: string; entities?: { urls?: { expanded_url?: string; unwound_url?: string }[] } };

/**
 * X API v2 with fetch (twitter-api-v2 speaks HTTPS only, so it cannot talk to a local fake). X has no
 * idempotency key: a repeat makes a second post unless X calls it duplicate content (403).
 */
export const xPublisher = (
  account: XAccount,
  { timeoutMs = 15_000, clock = systemClock, fetch }: PublisherOptions = {},
): SocialPublisher => {
  const http = { timeoutMs, ...(fetch ? { fetch } : {}) };
  const headers = { authorization: `Bearer ${account.accessToken}` };
  let userId: string | undefined;

  return {
    network: 'x',
    idempotent: false,
    publish: async ({ post }) => {
      const result = await call(
        new URL('/2/tweets', account.baseUrl),
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ text: post.text }),
        },
        http,
      );
      if (!result.ok) return result.outcome;
      const id = (result.answer.body as { data?: { id?: string } } | undefined)?.data?.id;
      if (result.answer.status === 201 && id)
        return { kind: 'published', postId: id, postUrl: `https://x.com/${account.username}/status/${id}` };
      return xOutcome(result.answer, clock.now());
    },
    findRecent: async (url) => {
      userId ??= (
        (await read(new URL('/2/users/me', account.baseUrl), { headers }, http)) as { data: { id: string } }
      ).data.id;
      const timeline = new URL(`/2/users/${userId}/tweets`, account.baseUrl);
      timeline.search = new URLSearchParams({
        max_results: '20',
        exclude: 'replies,retweets',
        'tweet.fields': 'entities,created_at',
      }).toString();
      const { data = [] } = (await read(timeline, { headers }, http)) as { data?: Tweet[] };
      // The text holds a t.co link; the original URL is only in the entities.
      const tweet = data.find((candidate) =>
        (candidate.entities?.urls ?? []).some(
          (link) => link.expanded_url === url || link.unwound_url === url,
        ),
      );
      return tweet && { postId: tweet.id, postUrl: `https://x.com/${account.username}/status/${tweet.id}` };
    },
  };
};

export const xOutcome = (answer: HttpAnswer, now: Date): PublishOutcome => {
  const detail = detailOf(answer);
  if (answer.status === 403 && /duplicate content/i.test(answer.text)) return { kind: 'duplicate', detail };
  return outcomeOfStatus(answer, () => notBefore(xReset(answer.headers), now, RATE_WINDOW_MS));
};

/** The window that ran out: the 15-minute one, or the user's or the app's 24-hour cap. */
const xReset = (headers: Headers) =>
  latest(
    ...['x-rate-limit', 'x-user-limit-24hour', 'x-app-limit-24hour']
      .filter((prefix) => headers.get(`${prefix}-remaining`) === '0')
      .map((prefix) => fromEpochSeconds(headers.get(`${prefix}-reset`))),
  ) ?? fromEpochSeconds(headers.get('x-rate-limit-reset'));
