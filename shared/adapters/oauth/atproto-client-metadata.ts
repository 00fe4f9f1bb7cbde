import { ATPROTO_SCOPE, type AtprotoApp } from './atproto-oauth-client.ts';
import { publicJwkOf } from './dpop-key.ts';

/** Where the studio serves its client metadata document: its URL is the client_id (atproto has no registry). */
export const CLIENT_METADATA_PATH = '/oauth/bluesky/client-metadata.json';

/**
 * The operator's client as atproto's authorization servers read it at its client_id: a confidential web client
 * (sessions of public clients are capped at two weeks, too short for a weekly post) proving itself with
 * private_key_jwt, its public key inline, its tokens DPoP-bound. Only the public half of the key is in it.
 */
export const atprotoClientMetadata = (app: AtprotoApp, about: { clientName: string; clientUri: string }) => ({
  client_id: app.clientId,
  client_name: about.clientName,
  client_uri: about.clientUri,
  application_type: 'web',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: [app.redirectUri],
  scope: ATPROTO_SCOPE,
  token_endpoint_auth_method: 'private_key_jwt',
  token_endpoint_auth_signing_alg: 'ES256',
  dpop_bound_access_tokens: true,
  jwks: { keys: [publicJwkOf(app.privateJwk)] },
});
