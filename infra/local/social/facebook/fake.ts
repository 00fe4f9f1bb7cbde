import { type FakeNetwork, numericId, params, startFakeNetwork } from '../fake-network.ts';
import { graphError, graphTime, graphToken, invalidToken, pick } from '../graph-fake.ts';

export type FacebookFakeOptions = { pageId: string; pageAccessToken: string; port?: number };

type PagePost = { id: string; message: string | undefined; link: string | undefined; createdAt: number };

/**
 * The Graph API for one Page: POST /{version}/{page-id}/feed and the feed read back. Errors are Meta's
 * `{ error: { code, … } }` (190 token, 506 duplicate status); every answer carries x-app-usage and
 * x-business-use-case-usage, the headers that say how close the Page is to being throttled.
 */
export const startFacebookFake = async ({
  pageId,
  pageAccessToken,
  port = 0,
}: FacebookFakeOptions): Promise<FakeNetwork> => {
  let posts: PagePost[] = [];
  let calls = 0;
  const permalink = (id: string) => `https://www.facebook.com/${pageId}/posts/${id.split('_')[1] ?? id}`;
  return startFakeNetwork({
    port,
    posts: () => posts.map((post) => ({ ...post, permalink_url: permalink(post.id) })),
    reset: () => {
      posts = [];
    },
    notFound: (request) => graphError(400, 2500, `Unknown path components: ${request.path}`),
    decorate: (answer) => {
      calls += 1;
      const usage = { call_count: Math.min(100, calls), total_cputime: 1, total_time: 1 };
      return {
        ...answer,
        headers: {
          'x-app-usage': JSON.stringify(usage),
          'x-business-use-case-usage': JSON.stringify({
            [pageId]: [{ type: 'pages', ...usage, estimated_time_to_regain_access: 0 }],
          }),
          ...answer.headers,
        },
      };
    },
    routes: [
      {
        method: 'POST',
        path: /^\/(v\d+\.\d)\/([^/]+)\/feed$/,
        handle: (request, [, page]) => {
          if (graphToken(request) !== pageAccessToken) return invalidToken();
          if (page !== pageId) return graphError(400, 100, '(#100) Unsupported post request.');
          const { message, link } = params(request);
          if (!message && !link) return graphError(400, 100, '(#100) Missing message or attachment');
          if (posts.some((post) => post.message === message && post.link === link))
            return graphError(400, 506, '(#506) Duplicate status message');
          const post = { id: `${pageId}_${numericId(16)}`, message, link, createdAt: Date.now() };
          posts.push(post);
          return { status: 200, body: { id: post.id } };
        },
      },
      {
        method: 'GET',
        path: /^\/(v\d+\.\d)\/([^/]+)\/feed$/,
        handle: (request, [, page]) => {
          if (graphToken(request) !== pageAccessToken) return invalidToken();
          if (page !== pageId) return graphError(400, 100, '(#100) Unsupported get request.');
          const { fields, limit = '25' } = params(request);
          const data = [...posts]
            .reverse()
            .slice(0, Number(limit))
            .map((post) =>
              pick(fields, {
                id: post.id,
                message: post.message,
                link: post.link,
                permalink_url: permalink(post.id),
                created_time: graphTime(post.createdAt),
              }),
            );
          return {
            status: 200,
            body: { data, paging: { cursors: { before: 'QVFIUmxtZA', after: 'QVFIUnBmZA' } } },
          };
        },
      },
    ],
  });
};
