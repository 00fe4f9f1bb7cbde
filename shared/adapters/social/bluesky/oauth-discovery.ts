import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, text } from '../identity-http.ts';

/** Where her PDS's sign-in lives, learned from her handle (https://atproto.com/specs/oauth, "Identity"). */
export type AtprotoSignIn = {
  did: string;
  handle: string;
  /** Her PDS: the resource server her posts go to. */
  pds: string;
  /** The authorization server's metadata, its `issuer` checked against the address it was asked at. */
  server: {
    issuer: string;
    authorizationEndpoint: string;
    tokenEndpoint: string;
    parEndpoint: string;
    revocationEndpoint?: string;
  };
};

/**
 * `no_oauth`: her PDS publishes no OAuth metadata (or not what atproto requires): she connects with an app
 * password instead. `unknown_handle`: the handle or its DID does not resolve. `unavailable`: try again later.
 */
export type Discovery =
  | { ok: true; signIn: AtprotoSignIn }
  | { ok: false; error: 'no_oauth' | 'unknown_handle' | 'unavailable'; detail: string };

export type DiscoveryOrigins = {
  /** A service answering `com.atproto.identity.resolveHandle` (bsky.social for everyone; a fake on one machine). */
  handleResolver: string;
  /** Where `did:plc` documents are read: https://plc.directory. */
  plcDirectory: string;
};

export const ATPROTO_ORIGINS: DiscoveryOrigins = {
  handleResolver: 'https://bsky.social',
  plcDirectory: 'https://plc.directory',
};

const DID = /^did:(plc:[a-z2-7]+|web:[a-z0-9.-]+(%3A\d+)?)$/;

/**
 * Her handle → DID → DID document → PDS → its protected-resource metadata → the authorization server's
 * metadata. Every address but the first two comes from an answer (hers to shape): all go through the guarded
 * client, and any missing or inconsistent piece of OAuth metadata means her PDS does not offer it.
 */
export const discoverAtprotoSignIn =
  (outbound: OutboundFetch, origins: DiscoveryOrigins = ATPROTO_ORIGINS) =>
  async (handle: string): Promise<Discovery> => {
    const get = (url: string) => identityCall(outbound, url, '');
    const resolved = await get(
      `${origins.handleResolver}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`,
    );
    if (!resolved.ok) return lost('unknown_handle', 'resolveHandle', resolved);
    const did = text(resolved.json.did);
    if (!did || !DID.test(did)) return { ok: false, error: 'unknown_handle', detail: 'not a DID' };
    const document = await get(didDocumentUrl(did, origins));
    if (!document.ok) return lost('unknown_handle', 'DID document', document);
    const pds = pdsOf(document.json, did);
    if (!pds) return { ok: false, error: 'unknown_handle', detail: 'no PDS in the DID document' };
    // The handle must point back at the DID that names it (bidirectional check), or anyone could claim hers.
    if (!alsoKnownAs(document.json).includes(`at://${handle}`))
      return { ok: false, error: 'unknown_handle', detail: 'the DID document does not claim this handle' };
    const resource = await get(`${pds}/.well-known/oauth-protected-resource`);
    if (!resource.ok) return lost('no_oauth', 'protected-resource metadata', resource);
    const servers = resource.json.authorization_servers;
    const issuer = Array.isArray(servers) ? text(servers[0]) : undefined;
    if (!issuer || !isOrigin(issuer))
      return { ok: false, error: 'no_oauth', detail: 'no authorization server' };
    const metadata = await get(`${issuer}/.well-known/oauth-authorization-server`);
    if (!metadata.ok) return lost('no_oauth', 'authorization-server metadata', metadata);
    const server = serverOf(metadata.json, issuer);
    if (!server) return { ok: false, error: 'no_oauth', detail: 'metadata without what atproto requires' };
    return { ok: true, signIn: { did, handle, pds, server } };
  };

const lost = (
  otherwise: 'no_oauth' | 'unknown_handle',
  what: string,
  answer: { ok: false; error: string; detail: string },
): Discovery => ({
  ok: false,
  // A refusal (404, a private address) says "no"; silence or a 5xx says "not now".
  error: answer.error === 'unavailable' ? 'unavailable' : otherwise,
  detail: `${what}: ${answer.detail}`,
});

const didDocumentUrl = (did: string, origins: DiscoveryOrigins) =>
  did.startsWith('did:plc:')
    ? `${origins.plcDirectory}/${did}`
    : `https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`;

const pdsOf = (document: Record<string, unknown>, did: string): string | undefined => {
  if (document.id !== did || !Array.isArray(document.service)) return undefined;
  const entry = (document.service as Record<string, unknown>[]).find(
    (service) =>
      (service.id === '#atproto_pds' || service.id === `${did}#atproto_pds`) &&
      service.type === 'AtprotoPersonalDataServer',
  );
  const endpoint = text(entry?.serviceEndpoint);
  return endpoint && isOrigin(endpoint) ? new URL(endpoint).origin : undefined;
};

const alsoKnownAs = (document: Record<string, unknown>): string[] =>
  Array.isArray(document.alsoKnownAs) ? document.alsoKnownAs.filter((a) => typeof a === 'string') : [];

const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search;
  } catch {
    return false;
  }
};

/** What atproto requires of the server (PAR, DPoP ES256, private_key_jwt, PKCE S256, the iss parameter). */
const serverOf = (json: Record<string, unknown>, issuer: string): AtprotoSignIn['server'] | undefined => {
  const has = (field: string, value: string) =>
    Array.isArray(json[field]) && (json[field] as unknown[]).includes(value);
  const authorizationEndpoint = text(json.authorization_endpoint);
  const tokenEndpoint = text(json.token_endpoint);
  const parEndpoint = text(json.pushed_authorization_request_endpoint);
  const revocationEndpoint = text(json.revocation_endpoint);
  if (
    json.issuer !== issuer ||
    !authorizationEndpoint ||
    !tokenEndpoint ||
    !parEndpoint ||
    !has('scopes_supported', 'atproto') ||
    !has('dpop_signing_alg_values_supported', 'ES256') ||
    !has('code_challenge_methods_supported', 'S256') ||
    !has('token_endpoint_auth_methods_supported', 'private_key_jwt')
  )
    return undefined;
  return {
    issuer,
    authorizationEndpoint,
    tokenEndpoint,
    parEndpoint,
    ...(revocationEndpoint ? { revocationEndpoint } : {}),
  };
};
