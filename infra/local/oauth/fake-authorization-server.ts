import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../shared/ports/clock.ts';

export type FakeOAuthClient = { clientId: string; clientSecret?: string; redirectUris: readonly string[] };

/** The network's lifetimes and habits, on the Clock: X's 2-hour access tokens that rotate, LinkedIn's 60 days. */
export type FakeOAuthPolicy = {
  /** `Infinity`: until revoked, and the token answer has no `expires_in`. */
  accessTtlMs: number;
  /** false: no refresh token at all (LinkedIn for most apps: sign in again after 60 days). */
  refreshes: boolean;
  /** Every refresh answers a new refresh token and kills the one used (X). */
  rotates: boolean;
  refreshTtlMs?: number;
  codeTtlMs?: number;
  /**
   * How long a spent rotated refresh token still answers a retry with the very answer it gave (the graceful
   * rotation some servers offer, up to a minute). 0 or absent: a reuse revokes the whole family at once, as
   * OAuth 2.1 §6.1 asks and as X does.
   */
  reuseGraceMs?: number;
  /** Token requests allowed per window of the Clock, per app (X: a 429 with `x-rate-limit-reset`). */
  rateLimit?: { limit: number; windowMs: number };
};

type Grant = { family: string; clientId: string; subject: string; scope: string; revoked: boolean };
type AccessToken = { grant: Grant; expiresAt: number };
type RefreshToken = {
  grant: Grant;
  expiresAt: number | undefined;
  used: boolean;
  /** What its one refresh answered, and when: a retry within the grace gets it again. */
  answered?: { at: number; body: Record<string, unknown> };
};
type Code = {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  family: string;
};

/**
 * A fault for the next token request:
 * - `{ status, headers?, body? }`: answered instead; nothing happens.
 * - `{ delayMs }`: carried out, then answered late.
 * - `{ lostAnswer: true }`: carried out, then the connection dropped: the client cannot know it worked.
 * - `{ replay: true }`: carried out and answered, then the same request arrives again (a retrying proxy, a
 *   client that gave up too early): the network sees the spent refresh token presented twice.
 */
export type TokenFault =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { delayMs: number }
  | { lostAnswer: true }
  | { replay: true };

type TokenReply = { status: number; body: unknown; headers?: Record<string, string> };

export type FakeAuthorizationServer = {
  origin: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string;
  /** The grant behind a bearer token, or undefined when unknown, expired on the Clock, or revoked: a 401. */
  verify: (accessToken: string) => { subject: string; scope: string } | undefined;
  /** As when she removes the app from her account on the network, or changes her password. */
  revokeAll: () => void;
  /** A developer app registered on the fly (Mastodon's `POST /api/v1/apps`). */
  registerClient: (client: FakeOAuthClient) => void;
  /** One more exact redirect address for an app, as its developer adds it in the network's console. */
  allowRedirect: (clientId: string, redirectUri: string) => void;
  nextTokenAnswer: (fault: TokenFault) => void;
  /** How many token requests each grant type got: the tests count refreshes. */
  tokenRequests: () => { authorization_code: number; refresh_token: number };
  close: () => Promise<void>;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const token = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;
const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

/**
 * A network's OAuth 2.0 server on 127.0.0.1, as unkind as the real ones: PKCE S256 required, redirect URIs
 * compared exactly (a wrong one gets an error page, never a redirect), codes single-use and short-lived (a
 * code used twice revokes what it gave), refresh tokens rotated and a reused one revoking its whole family,
 * access tokens dying on the Clock. Its consent page is a real form a browser test clicks.
 */
export const startFakeAuthorizationServer = async (options: {
  clock: Clock;
  clients: readonly FakeOAuthClient[];
  policy: FakeOAuthPolicy;
  /** Whom the consent page signs in as. */
  subject: string;
  /** The network's name on its consent page. */
  name: string;
}): Promise<FakeAuthorizationServer> => {
  const { clock, policy } = options;
  const codes = new Map<string, Code>();
  const accessTokens = new Map<string, AccessToken>();
  const refreshTokens = new Map<string, RefreshToken>();
  const grants = new Map<string, Grant>();
  const faults: TokenFault[] = [];
  const counts = { authorization_code: 0, refresh_token: 0 };
  const spent = { window: -1, count: 0 };
  const now = () => clock.now().getTime();
  const clients = options.clients.map((client) => ({ ...client, redirectUris: [...client.redirectUris] }));
  const clientOf = (id: string | null) => clients.find((client) => client.clientId === id);

  const send = (response: ServerResponse, status: number, body: string, type: string, headers = {}) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    response.end(body);
  };
  const json = (response: ServerResponse, status: number, body: unknown) =>
    send(response, status, JSON.stringify(body), 'application/json');
  const oauthError = (response: ServerResponse, status: number, error: string, description: string) =>
    json(response, status, { error, error_description: description });
  const page = (response: ServerResponse, status: number, title: string, body: string) =>
    send(
      response,
      status,
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
      'text/html; charset=utf-8',
    );

  const issue = (grant: Grant) => {
    const access = token('at');
    accessTokens.set(access, { grant, expiresAt: now() + policy.accessTtlMs });
    const answer: Record<string, unknown> = {
      access_token: access,
      token_type: 'bearer',
      // A token that lives until revoked (Mastodon's) says no lifetime at all.
      ...(Number.isFinite(policy.accessTtlMs) ? { expires_in: Math.floor(policy.accessTtlMs / 1000) } : {}),
      scope: grant.scope,
    };
    if (policy.refreshes) {
      const refresh = token('rt');
      refreshTokens.set(refresh, {
        grant,
        expiresAt: policy.refreshTtlMs === undefined ? undefined : now() + policy.refreshTtlMs,
        used: false,
      });
      answer.refresh_token = refresh;
    }
    return answer;
  };

  /** Confidential clients prove themselves by Basic or in the form; public ones send their id only. */
  const authenticate = (authorization: string | undefined, form: URLSearchParams) => {
    const basic = /^Basic (.+)$/i.exec(authorization ?? '');
    const [id, secret] = basic
      ? Buffer.from(basic[1] ?? '', 'base64')
          .toString('utf8')
          .split(':')
          .map((part) => decodeURIComponent(part))
      : [form.get('client_id'), form.get('client_secret')];
    const client = clientOf(id ?? null);
    if (!client) return undefined;
    if (client.clientSecret !== undefined && !same(client.clientSecret, secret ?? '')) return undefined;
    return client;
  };

  const authorize = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const form = request.method === 'POST' ? await readBody(request) : url.searchParams;
    const client = clientOf(form.get('client_id'));
    const redirectUri = form.get('redirect_uri') ?? '';
    if (!client || !client.redirectUris.includes(redirectUri))
      return page(response, 400, 'Invalid request', '<p>Unknown application or redirect address.</p>');
    const back = new URL(redirectUri);
    const state = form.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const challenge = form.get('code_challenge') ?? '';
    if (form.get('response_type') !== 'code' || form.get('code_challenge_method') !== 'S256' || !challenge) {
      back.searchParams.set('error', 'invalid_request');
      return send(response, 302, '', 'text/plain', { location: back.href });
    }
    if (request.method !== 'POST') {
      const hidden = [...form.entries()]
        .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
        .join('');
      return page(
        response,
        200,
        `${options.name} : autoriser cette application ?`,
        `<p>Connectée en tant que <strong>${escape(options.subject)}</strong>. L’application demande : ${escape(form.get('scope') ?? '')}</p>` +
          `<form method="post" action="/oauth/authorize">${hidden}` +
          `<button name="decision" value="allow">Autoriser</button> <button name="decision" value="deny">Refuser</button></form>`,
      );
    }
    if (form.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      return send(response, 302, '', 'text/plain', { location: back.href });
    }
    const code = token('code');
    codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      challenge,
      scope: form.get('scope') ?? '',
      expiresAt: now() + (policy.codeTtlMs ?? 60_000),
      used: false,
      family: token('family'),
    });
    back.searchParams.set('code', code);
    return send(response, 302, '', 'text/plain', { location: back.href });
  };

  const revokeFamily = (family: string) => {
    const grant = grants.get(family);
    if (grant) grant.revoked = true;
  };

  const reply = (status: number, body: unknown): TokenReply => ({ status, body });
  const refusal = (status: number, error: string, description: string) =>
    reply(status, { error, error_description: description });

  /** X's answer once the app spent its token requests for the window: no Retry-After, the reset in seconds. */
  const rateLimited = (): TokenReply | undefined => {
    if (!policy.rateLimit) return undefined;
    const { limit, windowMs } = policy.rateLimit;
    const window = Math.floor(now() / windowMs);
    if (window !== spent.window) Object.assign(spent, { window, count: 0 });
    spent.count += 1;
    const headers = {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - spent.count)),
      'x-rate-limit-reset': String(((window + 1) * windowMs) / 1000),
    };
    if (spent.count <= limit) return undefined;
    return { status: 429, headers, body: { errors: [{ code: 88, message: 'Rate limit exceeded' }] } };
  };

  const codeGrant = (clientId: string, form: URLSearchParams): TokenReply => {
    const code = codes.get(form.get('code') ?? '');
    if (!code || code.clientId !== clientId)
      return refusal(400, 'invalid_grant', 'Unknown authorization code');
    if (code.used) {
      // RFC 6749 §4.1.2: a code used twice revokes the tokens it gave.
      revokeFamily(code.family);
      return refusal(400, 'invalid_grant', 'Authorization code already used');
    }
    code.used = true;
    if (code.expiresAt <= now()) return refusal(400, 'invalid_grant', 'Authorization code expired');
    if (code.redirectUri !== form.get('redirect_uri'))
      return refusal(400, 'invalid_grant', 'redirect_uri does not match');
    if (sha256(form.get('code_verifier') ?? '') !== code.challenge)
      return refusal(400, 'invalid_grant', 'PKCE verification failed');
    const grant: Grant = {
      family: code.family,
      clientId,
      subject: options.subject,
      scope: code.scope,
      revoked: false,
    };
    grants.set(grant.family, grant);
    return reply(200, issue(grant));
  };

  const refreshGrant = (clientId: string, form: URLSearchParams): TokenReply => {
    if (!policy.refreshes) return refusal(400, 'unsupported_grant_type', 'No refresh for this app');
    const refresh = refreshTokens.get(form.get('refresh_token') ?? '');
    if (!refresh || refresh.grant.clientId !== clientId || refresh.grant.revoked)
      return refusal(400, 'invalid_grant', 'Invalid refresh token');
    if (refresh.used) {
      const grace = policy.reuseGraceMs ?? 0;
      if (refresh.answered && now() - refresh.answered.at < grace) return reply(200, refresh.answered.body);
      // A rotated token presented again: stolen or replayed, so the whole family dies.
      revokeFamily(refresh.grant.family);
      return refusal(400, 'invalid_grant', 'Refresh token already used');
    }
    if (refresh.expiresAt !== undefined && refresh.expiresAt <= now())
      return refusal(400, 'invalid_grant', 'Refresh token expired');
    const issued = issue(refresh.grant);
    if (!policy.rotates) {
      const { refresh_token: kept, ...rest } = issued;
      refreshTokens.delete(String(kept));
      return reply(200, rest);
    }
    refresh.used = true;
    refresh.answered = { at: now(), body: issued };
    return reply(200, issued);
  };

  const grantTokens = (authorization: string | undefined, form: URLSearchParams): TokenReply => {
    const grantType = form.get('grant_type');
    const limited = rateLimited();
    if (limited) return limited;
    const client = authenticate(authorization, form);
    if (!client) return refusal(401, 'invalid_client', 'Client authentication failed');
    if (grantType === 'authorization_code') return codeGrant(client.clientId, form);
    if (grantType === 'refresh_token') return refreshGrant(client.clientId, form);
    return refusal(400, 'unsupported_grant_type', `grant_type ${grantType ?? ''}`);
  };

  const tokenEndpoint = async (request: IncomingMessage, response: ServerResponse) => {
    const form = await readBody(request);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code' || grantType === 'refresh_token') counts[grantType] += 1;
    const fault = faults.shift();
    if (fault && 'status' in fault)
      return send(
        response,
        fault.status,
        JSON.stringify(fault.body ?? { error: 'temporarily_unavailable' }),
        'application/json',
        fault.headers,
      );
    const answer = grantTokens(request.headers.authorization, form);
    if (fault && 'lostAnswer' in fault) return void response.socket?.destroy();
    if (fault && 'replay' in fault) grantTokens(request.headers.authorization, form);
    const deliver = () =>
      send(response, answer.status, JSON.stringify(answer.body), 'application/json', answer.headers);
    if (fault && 'delayMs' in fault) return void setTimeout(deliver, fault.delayMs);
    return deliver();
  };

  const revoke = async (request: IncomingMessage, response: ServerResponse) => {
    const form = await readBody(request);
    if (!authenticate(request.headers.authorization, form))
      return oauthError(response, 401, 'invalid_client', 'Client authentication failed');
    const value = form.get('token') ?? '';
    const grant = accessTokens.get(value)?.grant ?? refreshTokens.get(value)?.grant;
    if (grant) grant.revoked = true;
    return send(response, 200, '', 'text/plain');
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route =
      url.pathname === '/oauth/authorize'
        ? authorize(request, response, url)
        : url.pathname === '/oauth/token' && request.method === 'POST'
          ? tokenEndpoint(request, response)
          : url.pathname === '/oauth/revoke' && request.method === 'POST'
            ? revoke(request, response)
            : Promise.resolve(oauthError(response, 404, 'not_found', url.pathname));
    route.catch((error: unknown) => {
      if (!response.headersSent) oauthError(response, 500, 'server_error', String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    authorizationEndpoint: `${origin}/oauth/authorize`,
    tokenEndpoint: `${origin}/oauth/token`,
    revocationEndpoint: `${origin}/oauth/revoke`,
    verify: (accessToken) => {
      const found = accessTokens.get(accessToken);
      if (!found || found.grant.revoked || found.expiresAt <= now()) return undefined;
      return { subject: found.grant.subject, scope: found.grant.scope };
    },
    revokeAll: () => {
      for (const grant of grants.values()) grant.revoked = true;
    },
    registerClient: (client) => void clients.push({ ...client, redirectUris: [...client.redirectUris] }),
    allowRedirect: (clientId, redirectUri) => {
      const client = clientOf(clientId);
      if (client && !client.redirectUris.includes(redirectUri)) client.redirectUris.push(redirectUri);
    },
    nextTokenAnswer: (fault) => void faults.push(fault),
    tokenRequests: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
