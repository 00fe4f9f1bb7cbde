import { randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '../../../../shared/ports/clock.ts';
import type { FakeOAuthClient } from '../../oauth/fake-authorization-server.ts';
import { type NetworkSignIn, signInControls, startNetworkSignIn } from '../../oauth/network-sign-in.ts';
import { type FakeNetwork, numericId, params, startFakeNetwork } from '../fake-network.ts';
import { graphError, graphTime, graphToken, invalidToken, pick } from '../graph-fake.ts';

export type FacebookFakeOptions = {
  pageId: string;
  pageName?: string;
  port?: number;
  /** Whose time the user token lives on (60 days); a Page token lives until revoked. */
  clock?: Clock;
  clients?: readonly FakeOAuthClient[];
};

export type FacebookFake = FakeNetwork & {
  signIn: NetworkSignIn;
  /** As when she changes her password or loses her role on the Page: every token answers code 190. */
  revokeAll: () => void;
};

export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'] as const;

type PagePost = { id: string; message: string | undefined; link: string | undefined; createdAt: number };

/**
 * The Graph API for one Page: POST /{version}/{page-id}/feed and the feed read back. Errors are Meta's
 * `{ error: { code, … } }` (190 token, 506 duplicate status); every answer carries x-app-usage and
 * x-business-use-case-usage, the headers that say how close the Page is to being throttled.
 * Its sign-in is Facebook Login's: the consent page gives a user token (60 days, no refresh), which opens only
 * `GET /me/accounts`, the Pages she manages each with its Page token; the feed takes only a Page token.
 */
export const startFacebookFake = async ({
  pageId,
  pageName = 'Dimanche',
  port = 0,
  clock = systemClock,
  clients,
}: FacebookFakeOptions): Promise<FacebookFake> => {
  const signIn = await startNetworkSignIn('facebook', {
    policy: { accessTtlMs: 60 * 24 * 3_600_000, refreshes: false, rotates: false },
    subject: pageName,
    name: 'Facebook',
    scopes: FACEBOOK_SCOPES,
    clock,
    ...(clients ? { clients } : {}),
  });
  const pageTokens = new Map<string, { revoked: boolean }>();
  const pageTokenFor = () => {
    const token = `EAAG${randomBytes(32).toString('base64url')}`;
    pageTokens.set(token, { revoked: false });
    return token;
  };
  // Long-lived user tokens (fb_exchange_token): 60 days, and they open /me/accounts like the consent page's.
  const longLivedUsers = new Set<string>();
  const userToken = (token: string | undefined) =>
    signIn.accepts(token) || (token !== undefined && longLivedUsers.has(token));
  const pageToken = (token: string | undefined) =>
    token !== undefined && pageTokens.get(token)?.revoked === false;
  let posts: PagePost[] = [];
  let calls = 0;
  const permalink = (id: string) => `https://www.facebook.com/${pageId}/posts/${id.split('_')[1] ?? id}`;
  const network = await startFakeNetwork({
    controls: signInControls(signIn),
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
        // Facebook Login's short-lived user token traded for a 60-day one, from which Page tokens never expire.
        method: 'GET',
        path: /^\/(v\d+\.\d)\/oauth\/access_token$/,
        handle: (request) => {
          const query = params(request);
          if (query.grant_type !== 'fb_exchange_token')
            return graphError(400, 100, 'Unsupported grant_type for this endpoint');
          if (query.client_id !== signIn.app.clientId || query.client_secret !== signIn.app.clientSecret)
            return graphError(400, 1, 'Error validating client secret.');
          if (!userToken(query.fb_exchange_token)) return invalidToken();
          const token = `EAAL${randomBytes(32).toString('base64url')}`;
          longLivedUsers.add(token);
          return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 5_183_944 } };
        },
      },
      {
        method: 'GET',
        path: /^\/(v\d+\.\d)\/me\/accounts$/,
        handle: (request) => {
          if (!userToken(graphToken(request))) return invalidToken();
          const page = {
            id: pageId,
            name: pageName,
            category: 'Musician/Band',
            access_token: pageTokenFor(),
          };
          return { status: 200, body: { data: [{ ...page, tasks: ['CREATE_CONTENT', 'MANAGE'] }] } };
        },
      },
      {
        method: 'POST',
        path: /^\/(v\d+\.\d)\/([^/]+)\/feed$/,
        handle: (request, [, page]) => {
          if (!pageToken(graphToken(request))) return invalidToken();
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
          if (!pageToken(graphToken(request))) return invalidToken();
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
      {
        // The Page node, the cheapest read a Page token opens: how Dimanche checks it still lives.
        method: 'GET',
        path: /^\/(v\d+\.\d)\/([^/]+)$/,
        handle: (request, [, page]) => {
          if (!pageToken(graphToken(request))) return invalidToken();
          if (page !== pageId) return graphError(400, 100, '(#100) Unsupported get request.');
          return { status: 200, body: pick(params(request).fields, { id: pageId, name: pageName }) };
        },
      },
    ],
  });
  return {
    ...network,
    signIn,
    revokeAll: () => {
      signIn.server.revokeAll();
      longLivedUsers.clear();
      for (const token of pageTokens.values()) token.revoked = true;
    },
    close: async () => {
      await network.close();
      await signIn.server.close();
    },
  };
};
