import { createHash, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, EmbeddedJWK, type JSONWebKeySet, jwtVerify } from 'jose';

/** How old a proof or an assertion may be, in real time: they travel with one request. */
const MAX_AGE_S = 60;

export type ProofProblem = { error: 'use_dpop_nonce' | 'invalid_dpop_proof'; description: string };

/**
 * What an atproto server checks of a DPoP proof (RFC 9449 §4.3): a `dpop+jwt` signed ES256 by the key in its
 * header, for this method and URL, fresh, never seen before, with the server's current nonce, and (at a
 * resource server) the hash of the access token it comes with. Answers the key's thumbprint.
 */
export const dpopVerifier = () => {
  const seen = new Set<string>();
  let nonce = randomBytes(16).toString('base64url');
  return {
    nonce: () => nonce,
    /** The server rotates its nonce: every proof made with the old one is refused with `use_dpop_nonce`. */
    rotateNonce: () => void (nonce = randomBytes(16).toString('base64url')),
    reset: () => seen.clear(),
    verify: async (
      proof: string | undefined,
      request: { method: string; url: string; accessToken?: string },
    ): Promise<{ ok: true; jkt: string } | ({ ok: false } & ProofProblem)> => {
      if (!proof) return { ok: false, error: 'invalid_dpop_proof', description: 'DPoP proof required' };
      try {
        const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
          typ: 'dpop+jwt',
          algorithms: ['ES256'],
          maxTokenAge: MAX_AGE_S,
        });
        const jkt = await calculateJwkThumbprint(protectedHeader.jwk ?? {});
        const bad = (description: string) => ({
          ok: false as const,
          error: 'invalid_dpop_proof' as const,
          description,
        });
        if (payload.htm !== request.method) return bad('htm mismatch');
        if (payload.htu !== request.url) return bad('htu mismatch');
        if (typeof payload.jti !== 'string' || seen.has(payload.jti)) return bad('DPoP proof replayed');
        if (request.accessToken !== undefined && payload.ath !== sha256(request.accessToken))
          return bad('ath mismatch');
        if (payload.nonce !== nonce)
          return {
            ok: false,
            error: 'use_dpop_nonce',
            description: 'Authorization server requires nonce in DPoP proof',
          };
        seen.add(payload.jti);
        return { ok: true, jkt };
      } catch (error) {
        return { ok: false, error: 'invalid_dpop_proof', description: (error as Error).message };
      }
    },
  };
};

export type DpopVerifier = ReturnType<typeof dpopVerifier>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
export const s256 = sha256;

/**
 * A confidential client's `private_key_jwt` (RFC 7523): signed by a key of the client's published set, issued
 * by and about its client_id, for this server, fresh and never replayed.
 */
export const clientAssertionVerifier = () => {
  const seen = new Set<string>();
  return {
    reset: () => seen.clear(),
    verify: async (
      form: URLSearchParams,
      client: { clientId: string; jwks: JSONWebKeySet },
      issuer: string,
    ): Promise<string | undefined> => {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        return 'client_assertion_type must be jwt-bearer';
      try {
        const { payload } = await jwtVerify(
          form.get('client_assertion') ?? '',
          createLocalJWKSet(client.jwks),
          {
            issuer: client.clientId,
            subject: client.clientId,
            audience: issuer,
            algorithms: ['ES256'],
            maxTokenAge: MAX_AGE_S,
          },
        );
        if (typeof payload.jti !== 'string' || seen.has(payload.jti)) return 'client assertion replayed';
        seen.add(payload.jti);
        return undefined;
      } catch (error) {
        return `client assertion: ${(error as Error).message}`;
      }
    },
  };
};
