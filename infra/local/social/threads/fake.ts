import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../../shared/ports/clock.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import type { FakeOAuthClient } from '../../oauth/fake-authorization-server.ts';
import { type NetworkSignIn, signInControls, startNetworkSignIn } from '../../oauth/network-sign-in.ts';
import { type FakeNetwork, type FakeRequest, numericId, params, startFakeNetwork } from '../fake-network.ts';
import { graphError, graphTime, graphToken, invalidToken, pick } from '../graph-fake.ts';

export type ThreadsFakeOptions = {
  userId: string;
  username?: string;
  port?: number;
  /** Whose time the tokens live on: an hour for the consent's, 60 days for the long-lived one. */
  clock?: Clock;
  clients?: readonly FakeOAuthClient[];
};

export type ThreadsFake = FakeNetwork & {
  signIn: NetworkSignIn;
  /** As when she removes the app in her Threads settings: every token answers code 190. */
  revokeAll: () => void;
};

export const THREADS_SCOPES = ['threads_basic', 'threads_content_publish'] as const;
const HOUR = 3_600_000;
const LONG_LIVED_MS = 60 * 24 * HOUR;

type Container = { id: string; status: 'FINISHED' | 'PUBLISHED' | 'EXPIRED'; text: string; link?: string };
type Media = { id: string; text: string; link_attachment_url?: string; permalink: string; createdAt: number };

/** Threads counts 500 characters, an emoji as its UTF-8 bytes. */
const threadsLength = (text: string) =>
  [...text].reduce(
    (sum, char) => sum + (/\p{Extended_Pictographic}/u.test(char) ? Buffer.byteLength(char) : 1),
    0,
  );

/**
 * The Threads API for one user: a TEXT container (POST /{user-id}/threads), then threads_publish; container
 * and media lookups by id; the user's threads. A container is published once; Meta's error shape.
 * Control: `POST /__fake/expire-containers` ages every unpublished container past its 24 hours.
 * Its sign-in is Meta's: the consent page's token lives an hour and opens nothing but `th_exchange_token`,
 * which gives a 60-day token; `th_refresh_token` renews one at least a day old. Any other token: code 190.
 */
export const startThreadsFake = async ({
  userId,
  username = 'dimanche.fm',
  port = 0,
  clock = systemClock,
  clients,
}: ThreadsFakeOptions): Promise<ThreadsFake> => {
  const signIn = await startNetworkSignIn('threads', {
    policy: { accessTtlMs: HOUR, refreshes: false, rotates: false },
    subject: username,
    name: 'Threads',
    scopes: THREADS_SCOPES,
    clock,
    ...(clients ? { clients } : {}),
  });
  const longLived = new Map<string, { issuedAt: number; expiresAt: number; revoked: boolean }>();
  const live = (token: string | undefined) => {
    const found = token === undefined ? undefined : longLived.get(token);
    return found && !found.revoked && found.expiresAt > clock.now().getTime() ? found : undefined;
  };
  const issueLongLived = () => {
    const token = `THAA${randomBytes(32).toString('base64url')}`;
    const at = clock.now().getTime();
    longLived.set(token, { issuedAt: at, expiresAt: at + LONG_LIVED_MS, revoked: false });
    return {
      status: 200,
      body: { access_token: token, token_type: 'bearer', expires_in: LONG_LIVED_MS / 1000 },
    };
  };
  const tokenRoutes = [
    {
      method: 'GET' as const,
      path: /^\/access_token$/,
      handle: (request: FakeRequest) => {
        const { grant_type: grant, client_secret: secret, access_token: short } = params(request);
        if (grant !== 'th_exchange_token') return graphError(400, 100, 'Unsupported grant_type');
        if (secret !== signIn.app.clientSecret)
          return graphError(400, 101, 'Error validating client secret.');
        return signIn.accepts(short) ? issueLongLived() : invalidToken();
      },
    },
    {
      method: 'GET' as const,
      path: /^\/refresh_access_token$/,
      handle: (request: FakeRequest) => {
        const { grant_type: grant, access_token: token } = params(request);
        if (grant !== 'th_refresh_token') return graphError(400, 100, 'Unsupported grant_type');
        const found = live(token);
        if (!found) return invalidToken();
        if (clock.now().getTime() - found.issuedAt < 24 * HOUR)
          return graphError(400, 100, 'The access token must be at least 24 hours old to be refreshed.');
        return issueLongLived();
      },
    },
  ];
  let containers = new Map<string, Container>();
  let media: Media[] = [];
  const ownUser = (id: string | undefined) => id === userId || id === 'me';

  const network = await startFakeNetwork({
    port,
    posts: () => media,
    reset: () => {
      containers = new Map();
      media = [];
    },
    notFound: (request) => graphError(400, 100, `Unsupported request: ${request.path}`),
    decorate: (answer) => ({
      ...answer,
      headers: {
        'x-app-usage': JSON.stringify({ call_count: 1, total_cputime: 1, total_time: 1 }),
        ...answer.headers,
      },
    }),
    controls: [
      ...signInControls(signIn),
      {
        method: 'POST',
        path: /^\/__fake\/expire-containers$/,
        handle: () => {
          for (const container of containers.values())
            if (container.status === 'FINISHED') container.status = 'EXPIRED';
          return { status: 204 };
        },
      },
    ],
    routes: [
      ...tokenRoutes,
      {
        method: 'GET',
        path: /^\/v1\.0\/me$/,
        handle: (request) =>
          live(graphToken(request))
            ? { status: 200, body: pick(params(request).fields, { id: userId, username }) }
            : invalidToken(),
      },
      {
        method: 'POST',
        path: /^\/v1\.0\/([^/]+)\/threads$/,
        handle: (request, [user]) => {
          if (!live(graphToken(request))) return invalidToken();
          if (!ownUser(user)) return graphError(400, 100, '(#100) Unsupported post request.');
          const { media_type: type, text = '', link_attachment: link } = params(request);
          if (type !== 'TEXT') return graphError(400, 100, '(#100) The parameter media_type is required.');
          if (!text.trim() || threadsLength(text) > 500)
            return graphError(400, 100, '(#100) Param text must be at most 500 characters long.', {
              error_subcode: 2207006,
            });
          const container: Container = {
            id: numericId(17),
            status: 'FINISHED',
            text,
            ...(link ? { link } : {}),
          };
          containers.set(container.id, container);
          return { status: 200, body: { id: container.id } };
        },
      },
      {
        method: 'POST',
        path: /^\/v1\.0\/([^/]+)\/threads_publish$/,
        handle: (request, [user]) => {
          if (!live(graphToken(request))) return invalidToken();
          if (!ownUser(user)) return graphError(400, 100, '(#100) Unsupported post request.');
          const container = containers.get(params(request).creation_id ?? '');
          if (!container)
            return graphError(400, 100, '(#100) Param creation_id must be a valid media container id');
          if (container.status === 'PUBLISHED')
            return graphError(400, 100, 'The media container has already been published', {
              error_subcode: 4279009,
            });
          if (container.status === 'EXPIRED')
            return graphError(400, 100, 'The media container has expired', { error_subcode: 4279008 });
          container.status = 'PUBLISHED';
          const id = numericId(17);
          media.push({
            id,
            text: container.text,
            ...(container.link ? { link_attachment_url: container.link } : {}),
            permalink: `https://www.threads.net/@${username}/post/${randomBytes(8).toString('base64url').slice(0, 11)}`,
            createdAt: Date.now(),
          });
          return { status: 200, body: { id } };
        },
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/([^/]+)\/threads$/,
        handle: (request, [user]) => {
          if (!live(graphToken(request))) return invalidToken();
          if (!ownUser(user)) return graphError(400, 100, '(#100) Unsupported get request.');
          const { fields, limit = '25' } = params(request);
          const data = [...media]
            .reverse()
            .slice(0, Number(limit))
            .map((item) =>
              pick(fields, { ...item, timestamp: graphTime(item.createdAt), media_type: 'TEXT_POST' }),
            );
          return { status: 200, body: { data, paging: { cursors: { before: 'QVFI', after: 'QVFJ' } } } };
        },
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/(\d+)$/,
        handle: (request, [id = '']) => {
          if (!live(graphToken(request))) return invalidToken();
          const { fields } = params(request);
          const container = containers.get(id);
          if (container) return { status: 200, body: pick(fields, { id, status: container.status }) };
          const item = media.find((candidate) => candidate.id === id);
          if (item)
            return { status: 200, body: pick(fields, { ...item, timestamp: graphTime(item.createdAt) }) };
          return graphError(400, 100, `(#100) Object with ID '${id}' does not exist`, { error_subcode: 33 });
        },
      },
    ],
  });
  return {
    ...network,
    signIn,
    revokeAll: () => {
      signIn.server.revokeAll();
      for (const token of longLived.values()) token.revoked = true;
    },
    close: async () => {
      await network.close();
      await signIn.server.close();
    },
  };
};
