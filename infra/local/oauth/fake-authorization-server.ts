import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../shared/ports/clock.ts';

export type FakeOAuthClient = { clientId: string; clientSecret?: string; redirectUris: readonly string[] };

/** The network's lifetimes and habits, on the Clock: X's 2-hour access tokens that rotate, LinkedIn's 60 days. */
export type FakeOAuthPolicy = {
  accessTtlMs: number;
  /** false: no refresh token at all (LinkedIn for most apps: sign in again after 60 days). */
  refreshes: boolean;
  /** Every refresh answers a new refresh token and kills the one used (X). */
  rotates: boolean;
  refreshTtlMs?: number;
  codeTtlMs?: number;
};

type Grant = { family: string; clientId: string; subject: string; scope: string; revoked: boolean };
type AccessToken = { grant: Grant; expiresAt: number };
type RefreshToken = { grant: Grant; expiresAt: number | undefined; used: boolean };
type Code = {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
  used: boolean;
  family: string;
};

/** A fault for the next token request: answered instead, or answered late after doing the work. */
export type TokenFault = { status: number; body?: unknown } | { delayMs: number };

export type FakeAuthorizationServer = {
  origin: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string;
  /** The grant behind a bearer token, or undefined when unknown, expired on the Clock, or revoked: a 401. */
  verify: (accessToken: string) => { subject: string; scope: string } | undefined;
  /** As when she removes the app from her account on the network, or changes her password. */
  revokeAll: () => void;
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
  const now = () => clock.now().getTime();
  const clientOf = (id: string | null) => options.clients.find((client) => client.clientId === id);

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
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
      'text/html; charset=utf-8',
    );

  const issue = (grant: Grant) => {
    const access = token('at');
    accessTokens.set(access, { grant, expiresAt: now() + policy.accessTtlMs });
    const answer: Record<string, unknown> = {
      access_token: access,
      token_type: 'bearer',
      expires_in: Math.floor(policy.accessTtlMs / 1000),
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
  const authenticate = (request: IncomingMessage, form: URLSearchParams) => {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
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
        `${options.name}: authorize this app?`,
        `<p>Signed in as <strong>${escape(options.subject)}</strong>. The app asks: ${escape(form.get('scope') ?? '')}</p>` +
          `<form method="post" action="/oauth/authorize">${hidden}` +
          `<button name="decision" value="allow">Authorize app</button> <button name="decision" value="deny">Cancel</button></form>`,
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

  const tokenEndpoint = async (request: IncomingMessage, response: ServerResponse) => {
    const form = await readBody(request);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code' || grantType === 'refresh_token') counts[grantType] += 1;
    const fault = faults.shift();
    if (fault && 'status' in fault)
      return json(response, fault.status, fault.body ?? { error: 'temporarily_unavailable' });
    const answer = (status: number, body: unknown) =>
      fault && 'delayMs' in fault
        ? void setTimeout(() => json(response, status, body), fault.delayMs)
        : json(response, status, body);
    const client = authenticate(request, form);
    if (!client) return oauthError(response, 401, 'invalid_client', 'Client authentication failed');
    if (grantType === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== client.clientId)
        return oauthError(response, 400, 'invalid_grant', 'Unknown authorization code');
      if (code.used) {
        // RFC 6749 §4.1.2: a code used twice revokes the tokens it gave.
        revokeFamily(code.family);
        return oauthError(response, 400, 'invalid_grant', 'Authorization code already used');
      }
      code.used = true;
      if (code.expiresAt <= now())
        return oauthError(response, 400, 'invalid_grant', 'Authorization code expired');
      if (code.redirectUri !== form.get('redirect_uri'))
        return oauthError(response, 400, 'invalid_grant', 'redirect_uri does not match');
      if (sha256(form.get('code_verifier') ?? '') !== code.challenge)
        return oauthError(response, 400, 'invalid_grant', 'PKCE verification failed');
      const grant: Grant = {
        family: code.family,
        clientId: client.clientId,
        subject: options.subject,
        scope: code.scope,
        revoked: false,
      };
      grants.set(grant.family, grant);
      return answer(200, issue(grant));
    }
    if (grantType === 'refresh_token') {
      if (!policy.refreshes)
        return oauthError(response, 400, 'unsupported_grant_type', 'No refresh for this app');
      const refresh = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!refresh || refresh.grant.clientId !== client.clientId || refresh.grant.revoked)
        return oauthError(response, 400, 'invalid_grant', 'Invalid refresh token');
      if (refresh.used) {
        // A rotated token presented again: stolen or replayed, so the whole family dies.
        revokeFamily(refresh.grant.family);
        return oauthError(response, 400, 'invalid_grant', 'Refresh token already used');
      }
      if (refresh.expiresAt !== undefined && refresh.expiresAt <= now())
        return oauthError(response, 400, 'invalid_grant', 'Refresh token expired');
      if (policy.rotates) refresh.used = true;
      const issued = issue(refresh.grant);
      if (!policy.rotates) {
        const { refresh_token: _kept, ...rest } = issued;
        refreshTokens.delete(String(_kept));
        return answer(200, rest);
      }
      return answer(200, issued);
    }
    return oauthError(response, 400, 'unsupported_grant_type', `grant_type ${grantType ?? ''}`);
  };

  const revoke = async (request: IncomingMessage, response: ServerResponse) => {
    const form = await readBody(request);
    if (!authenticate(request, form))
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
    nextTokenAnswer: (fault) => void faults.push(fault),
    tokenRequests: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
