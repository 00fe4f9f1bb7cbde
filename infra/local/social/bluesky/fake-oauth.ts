import { randomBytes } from 'node:crypto';
import type { JSONWebKeySet } from 'jose';
import { newDpopKey } from '../../../../shared/adapters/oauth/dpop-key.ts';
import type { Clock } from '../../../../shared/ports/clock.ts';
import type { FakeAnswer, FakeRequest, Route } from '../fake-network.ts';
import { clientAssertionVerifier, dpopVerifier, type ProofProblem, s256 } from './dpop-check.ts';
import { atprotoIdentityRoutes, originOf } from './fake-atproto-identity.ts';

const MINUTE = 60_000;
/** Bluesky's OAuth access tokens are short; the keep-alive job refreshes them ahead. */
const ACCESS_TTL_MS = 60 * MINUTE;
const SCOPE = 'atproto transition:generic';

type Pushed = {
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
  scope: string;
  jkt: string;
  expiresAt: number;
};
type Code = { pushed: Pushed; used: boolean; family: string; expiresAt: number };
type Family = { clientId: string; jkt: string; revoked: boolean };
type Held = { family: string; expiresAt: number };

export type AtprotoOAuthOptions = {
  did: string;
  handle: string;
  clock: Clock;
  /** Her client's metadata document, read at its client_id (an https URL; a loopback one on this machine). */
  clientMetadata?: (clientId: string) => Promise<unknown>;
};

const fetchMetadata = async (clientId: string) => (await fetch(clientId)).json() as Promise<unknown>;
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const token = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;
const form = (request: FakeRequest) => new URLSearchParams(request.body.toString('utf8'));
const header = (request: FakeRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Her PDS as its own authorization server, as atproto's OAuth profile has it: handle and DID resolution, the
 * protected-resource and authorization-server metadata, PAR, the consent page the other fakes show (Autoriser /
 * Refuser), and a token endpoint that checks PKCE, the client's private_key_jwt, and a DPoP proof on every
 * request (signature, htm/htu, jti replay, nonce); codes single-use (a replay revokes what it gave), refresh
 * tokens rotated, access tokens dying on the Clock. `enabled: false` is a PDS that offers no OAuth.
 */
export const atprotoOAuth = ({
  did,
  handle,
  clock,
  clientMetadata: read = fetchMetadata,
}: AtprotoOAuthOptions) => {
  /** Documents handed over by one machine's console, for a client_id the fake could not fetch (a test's studio). */
  const known = new Map<string, unknown>();
  const clientMetadata = async (clientId: string) => known.get(clientId) ?? read(clientId);
  /** One machine's operator key, made once per fake: the studio signs in with it, the refresh loop renews. */
  const localClient = newDpopKey().then(({ x = '', y = '', d = '' }) => ({
    kty: 'EC',
    crv: 'P-256',
    x,
    y,
    d,
    kid: 'local-1',
  }));
  const dpop = dpopVerifier();
  const assertions = clientAssertionVerifier();
  const pushed = new Map<string, Pushed>();
  const codes = new Map<string, Code>();
  const families = new Map<string, Family>();
  const access = new Map<string, Held>();
  const refresh = new Map<string, Held & { used: boolean }>();
  const state = { enabled: true, tokenRequests: 0 };
  const now = () => clock.now().getTime();

  const withNonce = (answer: FakeAnswer): FakeAnswer => ({
    ...answer,
    headers: { 'dpop-nonce': dpop.nonce(), 'cache-control': 'no-store', ...answer.headers },
  });
  const oauthError = (status: number, error: string, description: string) =>
    withNonce({ status, body: { error, error_description: description } });
  const proofError = (problem: ProofProblem) => oauthError(400, problem.error, problem.description);

  /** The client's metadata, checked as atproto requires of a confidential client; a string says what is wrong. */
  const clientOf = async (clientId: string | null) => {
    if (!clientId) return 'client_id missing';
    const metadata = (await clientMetadata(clientId).catch(() => undefined)) as
      | {
          client_id?: string;
          jwks?: JSONWebKeySet;
          redirect_uris?: string[];
          dpop_bound_access_tokens?: boolean;
        }
      | undefined;
    if (metadata?.client_id !== clientId) return 'client metadata not found at its client_id';
    if (metadata.dpop_bound_access_tokens !== true || !metadata.jwks) return 'client metadata incomplete';
    return { clientId, jwks: metadata.jwks, redirectUris: metadata.redirect_uris ?? [] };
  };

  /** DPoP proof and client assertion, as the PAR and token endpoints both require. */
  const authenticate = async (request: FakeRequest, body: URLSearchParams) => {
    const proof = await dpop.verify(header(request, 'dpop'), {
      method: 'POST',
      url: `${originOf(request)}${request.path}`,
    });
    if (!proof.ok) return proofError(proof);
    const client = await clientOf(body.get('client_id'));
    if (typeof client === 'string') return oauthError(401, 'invalid_client', client);
    const refused = await assertions.verify(body, client, originOf(request));
    if (refused) return oauthError(401, 'invalid_client', refused);
    return { jkt: proof.jkt, client };
  };

  const par = async (request: FakeRequest): Promise<FakeAnswer> => {
    const body = form(request);
    const found = await authenticate(request, body);
    if ('status' in found) return found;
    const redirectUri = body.get('redirect_uri') ?? '';
    if (!found.client.redirectUris.includes(redirectUri))
      return oauthError(400, 'invalid_request', 'redirect_uri not registered');
    if (body.get('code_challenge_method') !== 'S256' || !body.get('code_challenge'))
      return oauthError(400, 'invalid_request', 'PKCE S256 required');
    if (!(body.get('scope') ?? '').split(' ').includes('atproto'))
      return oauthError(400, 'invalid_scope', 'the atproto scope is required');
    if (body.get('login_hint') && ![handle, did].includes(body.get('login_hint') ?? ''))
      return oauthError(400, 'invalid_request', 'unknown login_hint');
    const requestUri = `urn:ietf:params:oauth:request_uri:${token('req')}`;
    pushed.set(requestUri, {
      clientId: found.client.clientId,
      redirectUri,
      state: body.get('state') ?? '',
      challenge: body.get('code_challenge') ?? '',
      scope: body.get('scope') ?? '',
      jkt: found.jkt,
      expiresAt: now() + 5 * MINUTE,
    });
    return withNonce({ status: 201, body: { request_uri: requestUri, expires_in: 300 } });
  };

  const page = (status: number, title: string, body: string): FakeAnswer => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
  });

  const authorize = (request: FakeRequest): FakeAnswer => {
    const fields = request.method === 'POST' ? form(request) : request.query;
    const requestUri = fields.get('request_uri') ?? '';
    const found = pushed.get(requestUri);
    if (!found || found.clientId !== fields.get('client_id') || found.expiresAt <= now())
      return page(400, 'Invalid request', '<p>Unknown or expired authorization request.</p>');
    if (request.method === 'GET') {
      const hidden = [
        ['request_uri', requestUri],
        ['client_id', found.clientId],
      ]
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value ?? '')}">`)
        .join('');
      return page(
        200,
        'Bluesky : autoriser cette application ?',
        `<p>Connectée en tant que <strong>@${escape(handle)}</strong>. L’application demande : ${escape(found.scope)}</p>` +
          `<form method="post" action="/oauth/authorize">${hidden}` +
          `<button name="decision" value="allow">Autoriser</button> <button name="decision" value="deny">Refuser</button></form>`,
      );
    }
    pushed.delete(requestUri);
    const back = new URL(found.redirectUri);
    back.searchParams.set('state', found.state);
    back.searchParams.set('iss', originOf(request));
    if (fields.get('decision') !== 'allow') back.searchParams.set('error', 'access_denied');
    else {
      const code = token('cod');
      codes.set(code, { pushed: found, used: false, family: token('fam'), expiresAt: now() + MINUTE });
      back.searchParams.set('code', code);
    }
    return { status: 302, headers: { location: back.href } };
  };

  const issue = (family: string) => {
    const accessToken = token('at');
    const refreshToken = token('rt');
    access.set(accessToken, { family, expiresAt: now() + ACCESS_TTL_MS });
    refresh.set(refreshToken, { family, expiresAt: now() + 90 * 24 * 60 * MINUTE, used: false });
    return withNonce({
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'DPoP',
        expires_in: ACCESS_TTL_MS / 1000,
        refresh_token: refreshToken,
        scope: SCOPE,
        sub: did,
      },
    });
  };

  const tokenEndpoint = async (request: FakeRequest): Promise<FakeAnswer> => {
    state.tokenRequests += 1;
    const body = form(request);
    const found = await authenticate(request, body);
    if ('status' in found) return found;
    const { jkt, client } = found;
    if (body.get('grant_type') === 'authorization_code') {
      const code = codes.get(body.get('code') ?? '');
      if (!code || code.pushed.clientId !== client.clientId)
        return oauthError(400, 'invalid_grant', 'Invalid code');
      if (code.used) {
        // A code used twice revokes what it gave (RFC 6749 §4.1.2).
        const family = families.get(code.family);
        if (family) family.revoked = true;
        return oauthError(400, 'invalid_grant', 'Code replayed');
      }
      code.used = true;
      if (code.expiresAt <= now()) return oauthError(400, 'invalid_grant', 'Code expired');
      if (code.pushed.redirectUri !== body.get('redirect_uri'))
        return oauthError(400, 'invalid_grant', 'redirect_uri mismatch');
      if (s256(body.get('code_verifier') ?? '') !== code.pushed.challenge)
        return oauthError(400, 'invalid_grant', 'PKCE verification failed');
      if (code.pushed.jkt !== jkt) return oauthError(400, 'invalid_dpop_proof', 'DPoP key mismatch');
      families.set(code.family, { clientId: client.clientId, jkt, revoked: false });
      return issue(code.family);
    }
    if (body.get('grant_type') === 'refresh_token') {
      const held = refresh.get(body.get('refresh_token') ?? '');
      const family = held && families.get(held.family);
      if (!held || !family || family.revoked || family.clientId !== client.clientId)
        return oauthError(400, 'invalid_grant', 'Invalid refresh token');
      if (family.jkt !== jkt) return oauthError(400, 'invalid_dpop_proof', 'DPoP key mismatch');
      if (held.used) {
        family.revoked = true;
        return oauthError(400, 'invalid_grant', 'Refresh token replayed');
      }
      if (held.expiresAt <= now()) return oauthError(400, 'invalid_grant', 'Refresh token expired');
      held.used = true;
      return issue(held.family);
    }
    return oauthError(400, 'unsupported_grant_type', body.get('grant_type') ?? '');
  };

  /** RFC 7009: the client's own grant ended, whichever of its tokens is given; 200 for an unknown one too. */
  const revoke = async (request: FakeRequest): Promise<FakeAnswer> => {
    const body = form(request);
    const client = await clientOf(body.get('client_id'));
    if (typeof client === 'string') return oauthError(401, 'invalid_client', client);
    const refused = await assertions.verify(body, client, originOf(request));
    if (refused) return oauthError(401, 'invalid_client', refused);
    const given = body.get('token') ?? '';
    const held = refresh.get(given) ?? access.get(given);
    const family = held && families.get(held.family);
    if (family && family.clientId === client.clientId) family.revoked = true;
    return { status: 200, body: {} };
  };

  const off = (): FakeAnswer => ({ status: 404, body: { error: 'NotFound', message: 'Not Found' } });
  const when =
    (handleIt: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>) => (request: FakeRequest) =>
      state.enabled ? handleIt(request) : off();

  const routes: Route[] = [
    ...atprotoIdentityRoutes({ did, handle, oauth: () => state.enabled }),
    { method: 'POST', path: /^\/oauth\/par$/, handle: when(par) },
    { method: 'GET', path: /^\/oauth\/authorize$/, handle: when(authorize) },
    { method: 'POST', path: /^\/oauth\/authorize$/, handle: when(authorize) },
    { method: 'POST', path: /^\/oauth\/token$/, handle: when(tokenEndpoint) },
    { method: 'POST', path: /^\/oauth\/revoke$/, handle: when(revoke) },
  ];

  /**
   * A PDS request carrying `Authorization: DPoP …`: undefined when the token is live and its proof good, else
   * the 401 a PDS answers (`use_dpop_nonce` with the nonce to use, `invalid_dpop_proof`, `invalid_token`).
   */
  const verifyAccess = async (request: FakeRequest): Promise<FakeAnswer | undefined> => {
    const accessToken = /^DPoP (.+)$/.exec(header(request, 'authorization') ?? '')?.[1] ?? '';
    const refusal = (error: string, description: string) =>
      withNonce({
        status: 401,
        headers: { 'www-authenticate': `DPoP error="${error}", error_description="${description}"` },
        body: { error: error === 'invalid_token' ? 'InvalidToken' : error, message: description },
      });
    const held = access.get(accessToken);
    const family = held && families.get(held.family);
    if (!held || !family || family.revoked) return refusal('invalid_token', 'Token could not be verified');
    const proof = await dpop.verify(header(request, 'dpop'), {
      method: request.method,
      url: `${originOf(request)}${request.path}`,
      accessToken,
    });
    if (!proof.ok) return refusal(proof.error, proof.description);
    if (proof.jkt !== family.jkt) return refusal('invalid_dpop_proof', 'DPoP key mismatch');
    if (held.expiresAt <= now()) return refusal('invalid_token', '"exp" claim timestamp check failed');
    return undefined;
  };

  return {
    routes,
    verifyAccess,
    /** Controls: the PDS stops (or starts again) offering OAuth; the nonce rotates. */
    setEnabled: (enabled: boolean) => void (state.enabled = enabled),
    localClientKey: () => localClient,
    knowClient: (metadata: { client_id?: unknown }) => void known.set(String(metadata.client_id), metadata),
    rotateNonce: dpop.rotateNonce,
    tokenRequests: () => state.tokenRequests,
    reset: () => {
      for (const map of [pushed, codes, families, access, refresh]) map.clear();
      dpop.reset();
      assertions.reset();
      Object.assign(state, { enabled: true, tokenRequests: 0 });
    },
  };
};
