import { escapeLittleText } from '../../../domain/social/compose-little-text.ts';
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
import { fromRetryAfter, notBefore } from '../rate-limit-reset.ts';
import type { LinkedInAccount } from './account.ts';

type LinkedInPost = { id: string; commentary?: string; content?: { article?: { source?: string } } };

const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;

/**
 * LinkedIn's Posts API with fetch (its official client hard-codes its host). The article card is built here:
 * a bare URL in the commentary gives none. LinkedIn refuses a repeat as DUPLICATE_POST and names the first.
 */
export const linkedInPublisher = (
  account: LinkedInAccount,
  { timeoutMs = 15_000, clock = systemClock, fetch }: PublisherOptions = {},
): SocialPublisher => {
  const http = { timeoutMs, ...(fetch ? { fetch } : {}) };
  const headers = {
    authorization: `Bearer ${account.accessToken}`,
    'linkedin-version': account.version,
    'x-restli-protocol-version': '2.0.0',
  };
  return {
    network: 'linkedin',
    idempotent: false,
    publish: async ({ post }) => {
      const body = {
        author: account.author,
        commentary: escapeLittleText(post.text),
        visibility: 'PUBLIC',
        distribution: {
          feedDistribution: 'MAIN_FEED',
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        content: {
          article: { source: post.card.url, title: post.card.title, description: post.card.description },
        },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
      };
      const result = await call(
        new URL('/rest/posts', account.baseUrl),
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        http,
      );
      if (!result.ok) return result.outcome;
      const urn = result.answer.headers.get('x-restli-id') ?? result.answer.headers.get('x-linkedin-id');
      if (result.answer.status === 201 && urn)
        return { kind: 'published', postId: urn, postUrl: postUrl(urn) };
      return linkedInOutcome(result.answer, clock.now());
    },
    findRecent: async (url) => {
      const finder = new URL('/rest/posts', account.baseUrl);
      finder.search = new URLSearchParams({
        author: account.author,
        q: 'author',
        count: '20',
        sortBy: 'LAST_MODIFIED',
      }).toString();
      const { elements = [] } = (await read(
        finder,
        { headers: { ...headers, 'x-restli-method': 'FINDER' } },
        http,
      )) as {
        elements?: LinkedInPost[];
      };
      const found = elements.find(
        (element) =>
          element.content?.article?.source === url ||
          (element.commentary ?? '').includes(escapeLittleText(url)),
      );
      return found && { postId: found.id, postUrl: postUrl(found.id) };
    },
  };
};

export const linkedInOutcome = (answer: HttpAnswer, now: Date): PublishOutcome => {
  const detail = detailOf(answer);
  if (answer.status === 422 && answer.text.includes('DUPLICATE_POST')) {
    const urn = /urn:li:(?:share|ugcPost):\d+/.exec(answer.text)?.[0];
    return urn
      ? { kind: 'duplicate', detail, post: { postId: urn, postUrl: postUrl(urn) } }
      : { kind: 'duplicate', detail };
  }
  // ACCESS_DENIED: the token lacks the permission (w_organization_social) or she lost her page's role. A new
  // consent is the only way back, as for a dead token.
  if (answer.status === 403) return { kind: 'needs_reconnect', detail };
  if (answer.status === 426)
    return { kind: 'rejected', detail: `the LinkedIn-Version is no longer served: ${detail}` };
  // Posting limits are daily and reset at midnight UTC; LinkedIn rarely says when.
  return outcomeOfStatus(answer, () =>
    notBefore(fromRetryAfter(answer.headers.get('retry-after'), now) ?? nextUtcMidnight(now), now, 60_000),
  );
};

const nextUtcMidnight = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
