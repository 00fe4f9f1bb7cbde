import { randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '../../../../shared/ports/clock.ts';
import { type NetworkSignIn, startNetworkSignIn } from '../../oauth/network-sign-in.ts';
import {
  bearer,
  type FakeAnswer,
  type FakeNetwork,
  type FakeRequest,
  jsonBody,
  numericId,
  params,
  startFakeNetwork,
} from '../fake-network.ts';

export type MastodonFakeOptions = {
  /** Whose time the consent page's codes live on; Mastodon's tokens themselves do not expire. */
  clock?: Clock;
  username?: string;
  maxCharacters?: number;
  port?: number;
};

export type MastodonFake = FakeNetwork & {
  signIn: NetworkSignIn;
  /** The apps `POST /api/v1/apps` registered, oldest first: a connect must not add one each time. */
  registeredApps: () => ReadonlyArray<{ clientId: string; redirectUri: string; scopes: string }>;
};

/** Posting, and reading her own statuses back to find a post again. */
export const MASTODON_SCOPES = ['read:accounts', 'read:statuses', 'write:statuses'] as const;

type Status = {
  id: string;
  text: string;
  language: string | null;
  createdAt: string;
  idempotencyKey?: string;
};

const IDEMPOTENCY_TTL_MS = 60 * 60_000;
const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
const RATE_LIMIT = 300;

/**
 * A Mastodon instance: the statuses API and what masto reads back, answered like Mastodon 4 (snake_case
 * JSON, `{ error }` bodies, X-RateLimit-* headers, Idempotency-Key kept for an hour).
 */
export const startMastodonFake = async ({
  clock = systemClock,
  username = 'dimanche',
  maxCharacters = 500,
  port = 0,
}: MastodonFakeOptions = {}): Promise<MastodonFake> => {
  const signIn = await startNetworkSignIn('mastodon', {
    // Mastodon's user tokens live until revoked: its token answer has no expires_in.
    policy: { accessTtlMs: Number.POSITIVE_INFINITY, refreshes: false, rotates: false },
    subject: `@${username}`,
    name: 'Mastodon',
    scopes: MASTODON_SCOPES,
    clock,
  });
  const registered: Array<{ clientId: string; redirectUri: string; scopes: string }> = [];
  let statuses: Status[] = [];
  let keys = new Map<string, { statusId: string; at: number }>();
  let calls = 0;
  let base = '';
  const accountId = '109876543210987654';
  const account = () => ({
    id: accountId,
    username,
    acct: username,
    display_name: 'Dimanche',
    locked: false,
    bot: false,
    created_at: '2024-01-07T00:00:00.000Z',
    note: '<p>Une playlist chaque dimanche.</p>',
    url: `${base}/@${username}`,
    uri: `${base}/users/${username}`,
    avatar: `${base}/avatars/original/missing.png`,
    header: `${base}/headers/original/missing.png`,
    followers_count: 12,
    following_count: 3,
    statuses_count: statuses.length,
    emojis: [],
    fields: [],
  });
  const view = (status: Status) => ({
    id: status.id,
    created_at: status.createdAt,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: status.language,
    uri: `${base}/users/${username}/statuses/${status.id}`,
    url: `${base}/@${username}/${status.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: toHtml(status.text, base),
    reblog: null,
    application: { name: 'Dimanche', website: null },
    account: account(),
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    // Mastodon fetches the card after the status is created: it is never in the create answer.
    card: null,
    poll: null,
  });
  const error = (status: number, message: string): FakeAnswer => ({ status, body: { error: message } });
  const authorized = (request: FakeRequest) => signIn.accepts(bearer(request));

  const network = await startFakeNetwork({
    port,
    posts: () => statuses.map((status) => ({ ...status, url: `${base}/@${username}/${status.id}` })),
    reset: () => {
      statuses = [];
      keys = new Map();
    },
    notFound: () => error(404, 'Record not found'),
    decorate: (answer) => {
      calls += 1;
      const reset = new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString();
      return {
        ...answer,
        headers: {
          'x-ratelimit-limit': String(RATE_LIMIT),
          'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - calls)),
          'x-ratelimit-reset': reset,
          ...answer.headers,
        },
      };
    },
    routes: [
      {
        method: 'POST',
        path: /^\/api\/v1\/apps$/,
        handle: (request) => {
          const form = params(request);
          const redirectUri = form.redirect_uris ?? '';
          if (!form.client_name || !redirectUri)
            return error(422, "Validation failed: Application name can't be blank");
          const client = {
            clientId: randomBytes(32).toString('base64url'),
            clientSecret: randomBytes(32).toString('base64url'),
            redirectUris: redirectUri.split(/\s+/),
          };
          signIn.server.registerClient(client);
          registered.push({ clientId: client.clientId, redirectUri, scopes: form.scopes ?? 'read' });
          return {
            status: 200,
            body: {
              id: numericId(6),
              name: form.client_name,
              website: form.website ?? null,
              scopes: (form.scopes ?? 'read').split(' '),
              redirect_uri: redirectUri,
              redirect_uris: redirectUri.split(/\s+/),
              client_id: client.clientId,
              client_secret: client.clientSecret,
            },
          };
        },
      },
      { method: 'GET', path: /^\/oauth\/authorize$/, handle: (r) => proxied(signIn.server.origin, r) },
      ...(['authorize', 'token', 'revoke'] as const).map((step) => ({
        method: 'POST' as const,
        path: new RegExp(`^/oauth/${step}$`),
        handle: (request: FakeRequest) => proxied(signIn.server.origin, request),
      })),
      {
        method: 'GET',
        path: /^\/api\/v2\/instance$/,
        handle: () => ({
          status: 200,
          body: {
            domain: new URL(base).host,
            title: 'Fake Mastodon',
            version: '4.3.0',
            source_url: 'https://github.com/mastodon/mastodon',
            description: 'A local stand-in',
            usage: { users: { active_month: 1 } },
            thumbnail: { url: `${base}/thumbnail.png` },
            languages: ['fr', 'en'],
            configuration: {
              urls: { streaming: base.replace('http', 'ws') },
              accounts: { max_featured_tags: 10 },
              statuses: {
                max_characters: maxCharacters,
                max_media_attachments: 4,
                characters_reserved_per_url: 23,
              },
              media_attachments: { supported_mime_types: ['image/png'], image_size_limit: 16_777_216 },
              polls: {
                max_options: 4,
                max_characters_per_option: 50,
                min_expiration: 300,
                max_expiration: 2_629_746,
              },
              translation: { enabled: false },
            },
            registrations: { enabled: false, approval_required: false, message: null },
            contact: { email: 'admin@localhost', account: null },
            rules: [],
          },
        }),
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/accounts\/verify_credentials$/,
        handle: (request) =>
          authorized(request) ? { status: 200, body: account() } : error(401, 'The access token is invalid'),
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/accounts\/([^/]+)\/statuses$/,
        handle: (request, [id]) => {
          if (id !== accountId) return error(404, 'Record not found');
          const limit = Math.min(40, Number(request.query.get('limit') ?? 20));
          return { status: 200, body: [...statuses].reverse().slice(0, limit).map(view) };
        },
      },
      {
        method: 'POST',
        path: /^\/api\/v1\/statuses$/,
        handle: (request) => {
          if (!authorized(request)) return error(401, 'The access token is invalid');
          const key = request.headers['idempotency-key'];
          const known = typeof key === 'string' ? keys.get(`${bearer(request) ?? ''}:${key}`) : undefined;
          if (known && Date.now() - known.at < IDEMPOTENCY_TTL_MS) {
            const first = statuses.find((status) => status.id === known.statusId);
            if (first) return { status: 200, body: view(first) };
          }
          const body = request.headers['content-type']?.includes('json')
            ? (jsonBody<{ status?: string; language?: string }>(request) ?? {})
            : params(request);
          const text = body.status ?? '';
          if (!text.trim()) return error(422, "Validation failed: Text can't be blank");
          if (countCharacters(text) > maxCharacters)
            return error(422, `Validation failed: Text character limit of ${maxCharacters} exceeded`);
          const status: Status = {
            id: numericId(18),
            text,
            language: body.language ?? null,
            createdAt: new Date().toISOString(),
            ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
          };
          statuses.push(status);
          if (typeof key === 'string')
            keys.set(`${bearer(request) ?? ''}:${key}`, { statusId: status.id, at: Date.now() });
          return { status: 200, body: view(status) };
        },
      },
    ],
  });
  base = network.url;
  return {
    ...network,
    signIn,
    registeredApps: () => [...registered],
    close: async () => {
      await network.close();
      await signIn.server.close();
    },
  };
};

/** The instance's own OAuth pages and token endpoint, served by its authorization server as if one host. */
const proxied = async (origin: string, request: FakeRequest): Promise<FakeAnswer> => {
  const query = request.query.size ? `?${request.query.toString()}` : '';
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'authorization']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await fetch(`${origin}${request.path}${query}`, {
    method: request.method,
    headers,
    ...(request.method === 'POST' ? { body: request.body } : {}),
    redirect: 'manual',
  });
  const kept: Record<string, string> = {};
  for (const name of ['content-type', 'location', 'cache-control']) {
    const value = answer.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return { status: answer.status, headers: kept, body: Buffer.from(await answer.arrayBuffer()) };
};

/** Mastodon counts code points, every URL as 23. */
const countCharacters = (text: string) => [...text.replace(URL_PATTERN, 'x'.repeat(23))].length;

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Plain text as Mastodon renders it: paragraphs, line breaks, linked URLs and hashtags. */
const toHtml = (text: string, base: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => {
      let html = '';
      let from = 0;
      for (const match of paragraph.matchAll(/(https?:\/\/[^\s<>"]+)|(?<![\p{L}\p{N}])#([\p{L}\p{N}_]+)/gu)) {
        html += escapeHtml(paragraph.slice(from, match.index));
        const [whole, url, tag] = match;
        if (url) {
          const [, scheme = '', rest = ''] = /^(https?:\/\/)(.*)$/.exec(url) ?? [];
          html += `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeHtml(scheme)}</span><span class="ellipsis">${escapeHtml(rest.slice(0, 30))}</span><span class="invisible">${escapeHtml(rest.slice(30))}</span></a>`;
        } else {
          html += `<a href="${base}/tags/${encodeURIComponent(tag ?? '')}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag ?? '')}</span></a>`;
        }
        from = (match.index ?? 0) + whole.length;
      }
      return `<p>${(html + escapeHtml(paragraph.slice(from))).replaceAll('\n', '<br />')}</p>`;
    })
    .join('');
