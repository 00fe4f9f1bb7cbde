import { randomBytes } from 'node:crypto';
import twitter from 'twitter-text';
import type { Clock } from '../../../../shared/ports/clock.ts';
import type { FakeOAuthClient } from '../../oauth/fake-authorization-server.ts';
import { type NetworkSignIn, signInControls, startNetworkSignIn } from '../../oauth/network-sign-in.ts';
import { X_POLICY } from '../../oauth/policies.ts';
import {
  bearer,
  type FakeAnswer,
  type FakeNetwork,
  type FakeRequest,
  jsonBody,
  numericId,
  startFakeNetwork,
} from '../fake-network.ts';

export type XFakeOptions = {
  username?: string;
  port?: number;
  /** Whose time the tokens live on: 2 hours of it. */
  clock?: Clock;
  clients?: readonly FakeOAuthClient[];
};

export type XFake = FakeNetwork & { signIn: NetworkSignIn };

/** What the app asks on X's consent page: posting, reading back, and a refresh token. */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'] as const;

type UrlEntity = { start: number; end: number; url: string; expanded_url: string; display_url: string };
type Tweet = { id: string; text: string; submitted: string; urls: UrlEntity[]; createdAt: string };

const problem = (status: number, title: string, detail: string, type = 'about:blank'): FakeAnswer => ({
  status,
  body: { title, detail, type, status },
});

/**
 * X API v2 for one user: POST /2/tweets, /2/users/me and the user's timeline. Like X, it rewrites links to
 * t.co in the text (the original is only in `entities.urls[].expanded_url`), refuses the same text twice
 * (403 duplicate content), and sends x-rate-limit-* headers (reset in epoch seconds). It takes only the bearer
 * tokens its OAuth 2.0 server issued (PKCE, 2 hours on the Clock, refresh tokens rotating); any other, an
 * expired or a revoked one, gets X's 401.
 */
export const startXFake = async ({
  username = 'dimanche_fm',
  port = 0,
  clock,
  clients,
}: XFakeOptions = {}): Promise<XFake> => {
  const signIn = await startNetworkSignIn('x', {
    policy: X_POLICY,
    subject: `@${username}`,
    name: 'X',
    scopes: X_SCOPES,
    ...(clock ? { clock } : {}),
    ...(clients ? { clients } : {}),
  });
  const allowed = (request: FakeRequest) => signIn.accepts(bearer(request));
  const userId = '1456789012345678901';
  let tweets: Tweet[] = [];
  let calls = 0;
  const unauthorized = problem(401, 'Unauthorized', 'Unauthorized');

  const network = await startFakeNetwork({
    controls: signInControls(signIn),
    port,
    posts: () => tweets,
    reset: () => {
      tweets = [];
    },
    notFound: () => problem(404, 'Not Found Error', 'Sorry, that page does not exist.'),
    decorate: (answer) => {
      calls += 1;
      return {
        ...answer,
        headers: {
          'x-rate-limit-limit': '200',
          'x-rate-limit-remaining': String(Math.max(0, 200 - calls)),
          'x-rate-limit-reset': String(Math.ceil(Date.now() / 900_000) * 900),
          ...answer.headers,
        },
      };
    },
    routes: [
      {
        method: 'POST',
        path: /^\/2\/tweets$/,
        handle: (request) => {
          if (!allowed(request)) return unauthorized;
          const { text } = jsonBody<{ text?: string }>(request) ?? {};
          if (typeof text !== 'string' || !text.trim() || !twitter.parseTweet(text).valid)
            return {
              status: 400,
              body: {
                errors: [{ parameters: { text: [text ?? ''] }, message: 'Tweet text is empty or too long' }],
                title: 'Invalid Request',
                detail: 'One or more parameters to your request was invalid.',
                type: 'https://api.twitter.com/2/problems/invalid-request',
              },
            };
          if (tweets.some((tweet) => tweet.submitted === text))
            return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
          const tweet = {
            id: numericId(19),
            submitted: text,
            createdAt: new Date().toISOString(),
            ...shorten(text),
          };
          tweets.push(tweet);
          return {
            status: 201,
            body: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/2\/users\/me$/,
        handle: (request) =>
          allowed(request)
            ? { status: 200, body: { data: { id: userId, name: 'Dimanche', username } } }
            : unauthorized,
      },
      {
        method: 'GET',
        path: /^\/2\/users\/(\d+)\/tweets$/,
        handle: (request, [id]) => {
          if (!allowed(request)) return unauthorized;
          if (id !== userId) return problem(404, 'Not Found Error', `Could not find user with id: [${id}].`);
          const limit = Math.min(100, Number(request.query.get('max_results') ?? 10));
          const page = [...tweets].reverse().slice(0, limit);
          if (!page.length) return { status: 200, body: { meta: { result_count: 0 } } };
          return {
            status: 200,
            body: {
              data: page.map((tweet) => ({
                id: tweet.id,
                text: tweet.text,
                edit_history_tweet_ids: [tweet.id],
                created_at: tweet.createdAt,
                ...(tweet.urls.length ? { entities: { urls: tweet.urls } } : {}),
              })),
              meta: { result_count: page.length, newest_id: page[0]?.id, oldest_id: page.at(-1)?.id },
            },
          };
        },
      },
    ],
  });
  return {
    ...network,
    signIn,
    close: async () => {
      await network.close();
      await signIn.server.close();
    },
  };
};

/** Every link becomes a t.co link, as X stores it; entity indices count code points of the new text. */
const shorten = (submitted: string) => {
  let text = '';
  let from = 0;
  const urls: UrlEntity[] = [];
  for (const { url, indices } of twitter.extractUrlsWithIndices(submitted)) {
    const [start, end] = indices;
    text += submitted.slice(from, start);
    const short = `https://t.co/${randomBytes(8).toString('base64url').slice(0, 10)}`;
    const at = [...text].length;
    urls.push({
      start: at,
      end: at + short.length,
      url: short,
      expanded_url: url,
      display_url: url.replace(/^https?:\/\//, '').slice(0, 26),
    });
    text += short;
    from = end;
  }
  return { text: text + submitted.slice(from), urls };
};
