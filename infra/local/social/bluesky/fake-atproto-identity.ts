import type { FakeAnswer, FakeRequest, Route } from '../fake-network.ts';

/** The fake's own address as the client reached it: its metadata names itself. */
export const originOf = (request: FakeRequest) => `http://${request.headers.host ?? '127.0.0.1'}`;

const json = (body: unknown): FakeAnswer => ({ status: 200, body });
const notFound = (): FakeAnswer => ({ status: 404, body: { error: 'NotFound', message: 'Not Found' } });

/** What atproto requires of an authorization server, as the reference PDS publishes it. */
const serverMetadata = (origin: string) => ({
  issuer: origin,
  authorization_endpoint: `${origin}/oauth/authorize`,
  token_endpoint: `${origin}/oauth/token`,
  pushed_authorization_request_endpoint: `${origin}/oauth/par`,
  revocation_endpoint: `${origin}/oauth/revoke`,
  require_pushed_authorization_requests: true,
  response_types_supported: ['code'],
  grant_types_supported: ['authorization_code', 'refresh_token'],
  code_challenge_methods_supported: ['S256'],
  token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['ES256'],
  scopes_supported: ['atproto', 'transition:generic'],
  dpop_signing_alg_values_supported: ['ES256'],
  authorization_response_iss_parameter_supported: true,
  client_id_metadata_document_supported: true,
});

/**
 * Her identity as a client finds it (https://atproto.com/specs/oauth, "Identity"): the handle resolved to her DID
 * (`resolveHandle`, as bsky.social answers it), her DID document as plc.directory serves it, naming this PDS,
 * and the PDS's protected-resource and authorization-server metadata, absent when `oauth()` says it offers none.
 */
export const atprotoIdentityRoutes = ({
  did,
  handle,
  oauth,
}: {
  did: string;
  handle: string;
  oauth: () => boolean;
}): Route[] => [
  {
    method: 'GET',
    path: /^\/xrpc\/com\.atproto\.identity\.resolveHandle$/,
    handle: (request) =>
      request.query.get('handle') === handle
        ? json({ did })
        : { status: 400, body: { error: 'InvalidRequest', message: 'Unable to resolve handle' } },
  },
  {
    method: 'GET',
    path: new RegExp(`^/${did.replaceAll(':', '\\:')}$`),
    handle: (request) =>
      json({
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        alsoKnownAs: [`at://${handle}`],
        service: [
          { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: originOf(request) },
        ],
      }),
  },
  {
    method: 'GET',
    path: /^\/\.well-known\/oauth-protected-resource$/,
    handle: (request) =>
      oauth()
        ? json({ resource: originOf(request), authorization_servers: [originOf(request)] })
        : notFound(),
  },
  {
    method: 'GET',
    path: /^\/\.well-known\/oauth-authorization-server$/,
    handle: (request) => (oauth() ? json(serverMetadata(originOf(request))) : notFound()),
  },
];
