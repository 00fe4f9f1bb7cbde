import { type Clock, systemClock } from '../../../../shared/ports/clock.ts';
import { cidOf, fakeJwt, isRecordKey, isTid, nextTid } from './atproto-ids.ts';
import { type AtprotoOAuthOptions, atprotoOAuth } from './fake-oauth.ts';
import { postProblem } from './post-check.ts';
import {
  bearer,
  type FakeAnswer,
  type FakeNetwork,
  type FakeRequest,
  jsonBody,
  type Route,
  startFakeNetwork,
} from '../fake-network.ts';

export type BlueskyFakeOptions = {
  handle?: string;
  appPassword: string;
  port?: number;
  /** Whose time the sessions live on: access JWTs 2 hours, refresh JWTs 90 days, logins counted per day. */
  clock?: Clock;
  /** createSession calls allowed per day of the Clock (the PDS counts logins per account). */
  sessionsPerDay?: number;
  /** Her client's metadata document, read at its client_id by the PDS's OAuth server (fetched by default). */
  clientMetadata?: AtprotoOAuthOptions['clientMetadata'];
};

const HOUR = 3_600_000;
const ACCESS_TTL_MS = 2 * HOUR;
const REFRESH_TTL_MS = 90 * 24 * HOUR;

type StoredRecord = {
  uri: string;
  cid: string;
  collection: string;
  rkey: string;
  value: unknown;
  indexedAt: string;
};
type Session = { accessJwt: string; refreshJwt: string };

const MAX_BLOB_BYTES = 5_000_000;
const error = (status: number, name: string, message: string): FakeAnswer => ({
  status,
  body: { error: name, message },
});

/**
 * A PDS holding one account: sessions (createSession, refreshSession with rotating refresh tokens,
 * getSession), records with their record-key rules, blobs, and the author feed. Errors are XRPC's
 * `{ error, message }`; an expired access token gets 400 ExpiredToken, as the agent expects to refresh on.
 * Its OAuth side (fake-oauth.ts) signs her in as atproto's OAuth profile has it; the repo accepts either kind of
 * token. Controls: `POST /__fake/expire-session` (`{ "refresh": true }` expires the refresh tokens too),
 * `POST /__fake/oauth` (`{ "enabled": false }`: a PDS without OAuth; `{ "rotateNonce": true }`).
 */
export const startBlueskyFake = async ({
  handle = 'dimanche.bsky.social',
  appPassword,
  port = 0,
  clock = systemClock,
  sessionsPerDay = 30,
  clientMetadata,
}: BlueskyFakeOptions): Promise<FakeNetwork> => {
  const now = () => clock.now().getTime();
  const logins = { day: -1, count: 0 };
  const did = 'did:plc:dimanche2local3fake4pds';
  const oauth = atprotoOAuth({ did, handle, clock, ...(clientMetadata ? { clientMetadata } : {}) });
  let records: StoredRecord[] = [];
  let blobs = new Map<string, { size: number; mimeType: string }>();
  const access = new Map<string, { expired: boolean; expiresAt: number }>();
  const refresh = new Map<string, { expired: boolean; expiresAt: number }>();
  const dead = (token: { expired: boolean; expiresAt: number }) => token.expired || token.expiresAt <= now();

  const openSession = (): Session & Record<string, unknown> => {
    const session = {
      accessJwt: fakeJwt('com.atproto.access', did),
      refreshJwt: fakeJwt('com.atproto.refresh', did),
    };
    access.set(session.accessJwt, { expired: false, expiresAt: now() + ACCESS_TTL_MS });
    refresh.set(session.refreshJwt, { expired: false, expiresAt: now() + REFRESH_TTL_MS });
    return { ...session, handle, did, email: 'dimanche@example.org', emailConfirmed: true, active: true };
  };
  /** The XRPC error that refuses the request, if any: a session's bearer JWT, or an OAuth token with DPoP. */
  const authorize = async (request: FakeRequest): Promise<FakeAnswer | undefined> => {
    if (/^DPoP /.test(request.headers.authorization ?? '')) return oauth.verifyAccess(request);
    const token = access.get(bearer(request) ?? '');
    if (!token) return error(401, 'InvalidToken', 'Token could not be verified');
    if (dead(token)) return error(400, 'ExpiredToken', 'Token has expired');
    return undefined;
  };
  const ownRepo = (repo: string | null | undefined) => repo === did || repo === handle;
  const inCollection = (collection: string | null) => records.filter((r) => r.collection === collection);

  const xrpc = (method: 'GET' | 'POST', nsid: string, handleIt: Route['handle']): Route => ({
    method,
    path: new RegExp(`^/xrpc/${nsid.replaceAll('.', '\\.')}$`),
    handle: handleIt,
  });
  const authed =
    (handleIt: Route['handle']): Route['handle'] =>
    async (request, found) =>
      (await authorize(request)) ?? handleIt(request, found);

  const network = await startFakeNetwork({
    port,
    posts: () => records.filter((r) => r.collection === 'app.bsky.feed.post'),
    reset: () => {
      records = [];
      blobs = new Map();
      access.clear();
      refresh.clear();
      Object.assign(logins, { day: -1, count: 0 });
      oauth.reset();
    },
    notFound: (request) => error(501, 'MethodNotImplemented', `Method Not Implemented: ${request.path}`),
    decorate: (answer) => ({
      ...answer,
      headers: {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '4990',
        'ratelimit-reset': String(Math.ceil(Date.now() / 3_600_000) * 3600),
        'ratelimit-policy': '5000;w=3600',
        ...answer.headers,
      },
    }),
    controls: [
      {
        method: 'GET',
        path: /^\/__fake\/oauth\/local-client$/,
        handle: async () => ({ status: 200, body: { privateJwk: await oauth.localClientKey() } }),
      },
      {
        method: 'POST',
        path: /^\/__fake\/oauth\/client-metadata$/,
        handle: (request) => {
          oauth.knowClient(jsonBody<{ client_id?: unknown }>(request) ?? {});
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: /^\/__fake\/oauth$/,
        handle: (request) => {
          const { enabled = true, rotateNonce = false } =
            jsonBody<{ enabled?: boolean; rotateNonce?: boolean }>(request) ?? {};
          oauth.setEnabled(enabled);
          if (rotateNonce) oauth.rotateNonce();
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: /^\/__fake\/expire-session$/,
        handle: (request) => {
          const { refresh: alsoRefresh = false } = jsonBody<{ refresh?: boolean }>(request) ?? {};
          for (const token of access.values()) token.expired = true;
          if (alsoRefresh) for (const token of refresh.values()) token.expired = true;
          return { status: 204 };
        },
      },
    ],
    routes: [
      ...oauth.routes,
      xrpc('POST', 'com.atproto.server.createSession', (request) => {
        const day = Math.floor(now() / (24 * HOUR));
        if (day !== logins.day) Object.assign(logins, { day, count: 0 });
        logins.count += 1;
        if (logins.count > sessionsPerDay)
          return {
            ...error(429, 'RateLimitExceeded', 'Rate Limit Exceeded'),
            headers: {
              'ratelimit-limit': String(sessionsPerDay),
              'ratelimit-remaining': '0',
              'ratelimit-reset': String(((day + 1) * 24 * HOUR) / 1000),
              'ratelimit-policy': `${sessionsPerDay};w=86400`,
            },
          };
        const { identifier, password } = jsonBody<{ identifier?: string; password?: string }>(request) ?? {};
        if (!ownRepo(identifier) || password !== appPassword)
          return error(401, 'AuthenticationRequired', 'Invalid identifier or password');
        return { status: 200, body: openSession() };
      }),
      xrpc('POST', 'com.atproto.server.refreshSession', (request) => {
        const token = bearer(request) ?? '';
        const known = refresh.get(token);
        if (!known) return error(400, 'InvalidToken', 'Token could not be verified');
        if (dead(known)) return error(400, 'ExpiredToken', 'Token has expired');
        // Refresh tokens rotate: the one just used is spent.
        refresh.delete(token);
        const { email: _email, emailConfirmed: _confirmed, ...session } = openSession();
        return { status: 200, body: session };
      }),
      xrpc(
        'GET',
        'com.atproto.server.getSession',
        authed(() => ({
          status: 200,
          body: { handle, did, email: 'dimanche@example.org', emailConfirmed: true, active: true },
        })),
      ),
      xrpc(
        'POST',
        'com.atproto.repo.uploadBlob',
        authed((request) => {
          if (request.body.length > MAX_BLOB_BYTES)
            return error(400, 'BlobTooLarge', 'This file is too large');
          const mimeType = request.headers['content-type'] ?? 'application/octet-stream';
          const cid = cidOf(request.body, 'raw');
          blobs.set(cid, { size: request.body.length, mimeType });
          return {
            status: 200,
            body: { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.body.length } },
          };
        }),
      ),
      xrpc(
        'POST',
        'com.atproto.repo.createRecord',
        authed((request) => {
          const input = jsonBody<{ repo?: string; collection?: string; rkey?: string; record?: unknown }>(
            request,
          );
          if (!input?.collection || !input.record)
            return error(400, 'InvalidRequest', 'Input must have a collection and a record');
          if (!ownRepo(input.repo))
            return error(400, 'InvalidRequest', `Could not find repo: ${input.repo ?? ''}`);
          const rkey = input.rkey ?? nextTid();
          if (!isRecordKey(rkey) || (input.collection === 'app.bsky.feed.post' && !isTid(rkey)))
            return error(
              400,
              'InvalidRequest',
              `Invalid record key: ${rkey} (app.bsky.feed.post keys are TIDs)`,
            );
          const uri = `at://${did}/${input.collection}/${rkey}`;
          if (records.some((r) => r.uri === uri))
            return error(400, 'InvalidSwap', `Record already exists: ${uri}`);
          const problem =
            input.collection === 'app.bsky.feed.post' ? postProblem(input.record, blobs) : undefined;
          if (problem) return error(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`);
          const cid = cidOf(Buffer.from(JSON.stringify(input.record)), 'dag-cbor');
          const indexedAt = new Date().toISOString();
          records.push({ uri, cid, collection: input.collection, rkey, value: input.record, indexedAt });
          return {
            status: 200,
            body: {
              uri,
              cid,
              commit: { cid: cidOf(Buffer.from(uri + cid), 'dag-cbor'), rev: nextTid() },
              validationStatus: 'valid',
            },
          };
        }),
      ),
      xrpc('GET', 'com.atproto.repo.getRecord', (request) => {
        const uri = `at://${did}/${request.query.get('collection') ?? ''}/${request.query.get('rkey') ?? ''}`;
        const record = ownRepo(request.query.get('repo')) ? records.find((r) => r.uri === uri) : undefined;
        if (!record) return error(400, 'RecordNotFound', `Could not locate record: ${uri}`);
        return { status: 200, body: { uri: record.uri, cid: record.cid, value: record.value } };
      }),
      xrpc('GET', 'com.atproto.repo.listRecords', (request) => {
        if (!ownRepo(request.query.get('repo'))) return error(400, 'InvalidRequest', 'Could not find repo');
        const limit = Math.min(100, Number(request.query.get('limit') ?? 50));
        const reverse = request.query.get('reverse') === 'true';
        const cursor = request.query.get('cursor');
        // Ordered by record key, newest first unless reversed: a key says when only if it is a real TID.
        const sorted = inCollection(request.query.get('collection'))
          .sort((a, b) => (reverse ? a.rkey.localeCompare(b.rkey) : b.rkey.localeCompare(a.rkey)))
          .filter((r) => !cursor || (reverse ? r.rkey > cursor : r.rkey < cursor));
        const page = sorted.slice(0, limit);
        return {
          status: 200,
          body: {
            records: page.map(({ uri, cid, value }) => ({ uri, cid, value })),
            ...(sorted.length > limit && page.length ? { cursor: page[page.length - 1]?.rkey } : {}),
          },
        };
      }),
      xrpc('GET', 'app.bsky.feed.getAuthorFeed', (request) => {
        if (!ownRepo(request.query.get('actor'))) return error(400, 'InvalidRequest', 'Profile not found');
        const limit = Math.min(100, Number(request.query.get('limit') ?? 50));
        const feed = inCollection('app.bsky.feed.post')
          .slice()
          .reverse()
          .slice(0, limit)
          .map(({ uri, cid, value, indexedAt }) => ({
            post: {
              uri,
              cid,
              author: { did, handle, displayName: 'Dimanche' },
              record: value,
              replyCount: 0,
              repostCount: 0,
              likeCount: 0,
              quoteCount: 0,
              indexedAt,
              labels: [],
            },
          }));
        return { status: 200, body: { feed } };
      }),
    ],
  });
  return network;
};
