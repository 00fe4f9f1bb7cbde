import { systemClock } from '../../../ports/clock.ts';
import type { SocialPublisher } from '../../../ports/social-publisher.ts';
import { graphOutcome } from '../graph-api.ts';
import { call, type PublisherOptions, read } from '../publish-http.ts';
import type { FacebookAccount } from './account.ts';

type FeedPost = { id: string; permalink_url?: string; link?: string; message?: string };

/** 506: duplicate status; 368: refused as already posted. */
const DUPLICATE_CODES = [506, 368];

/** A Facebook Page's feed through the Graph API with fetch. Facebook builds the card from `link`. */
export const facebookPublisher = (
  account: FacebookAccount,
  { timeoutMs = 15_000, clock = systemClock, fetch }: PublisherOptions = {},
): SocialPublisher => {
  const http = { timeoutMs, ...(fetch ? { fetch } : {}) };
  const feed = new URL(`/${account.graphVersion}/${account.pageId}/feed`, account.baseUrl);
  /** Page post ids are `{page-id}_{post-id}`. */
  const postUrl = (id: string) =>
    `https://www.facebook.com/${account.pageId}/posts/${id.split('_').pop() ?? id}`;
  return {
    network: 'facebook',
    idempotent: false,
    publish: async ({ post }) => {
      const result = await call(
        feed,
        {
          method: 'POST',
          body: new URLSearchParams({
            message: post.text,
            link: post.url,
            access_token: account.pageAccessToken,
          }),
        },
        http,
      );
      if (!result.ok) return result.outcome;
      const id = (result.answer.body as { id?: string } | undefined)?.id;
      if (result.answer.status === 200 && id) return { kind: 'published', postId: id, postUrl: postUrl(id) };
      return graphOutcome(result.answer, clock.now(), { duplicateCodes: DUPLICATE_CODES });
    },
    findRecent: async (url) => {
      const recent = new URL(feed);
      recent.search = new URLSearchParams({
        fields: 'id,permalink_url,link,message',
        limit: '25',
        access_token: account.pageAccessToken,
      }).toString();
      const { data = [] } = (await read(recent, {}, http)) as { data?: FeedPost[] };
      const found = data.find((candidate) => candidate.link === url || candidate.message?.includes(url));
      return found && { postId: found.id, postUrl: found.permalink_url ?? postUrl(found.id) };
    },
  };
};
