import { atprotoClientMetadata } from '../../../../shared/adapters/oauth/atproto-client-metadata.ts';
import { newDpopKey } from '../../../../shared/adapters/oauth/dpop-key.ts';
import type { OperatorApp } from '../../../../shared/domain/accounts/sign-in.ts';

export class LocalAtprotoAppError extends Error {
  override name = 'LocalAtprotoAppError';
}

/**
 * One machine's operator for Bluesky's OAuth: a client key made for this run (never written anywhere), its
 * client_id the studio's metadata address, and the document handed to the fake PDS, which could not fetch it
 * from a studio that only a test's requests reach.
 */
export const localAtprotoApp = async (fakeUrl: string, redirectUri: string): Promise<OperatorApp> => {
  const clientId = redirectUri.replace(/\/callback$/, '/client-metadata.json');
  const { d, x, y } = await newDpopKey();
  const privateJwk = { kty: 'EC', crv: 'P-256', x: x ?? '', y: y ?? '', d: d ?? '', kid: 'local-1' };
  const metadata = atprotoClientMetadata(
    { clientId, privateJwk, redirectUri },
    { clientName: 'Dimanche (local)', clientUri: new URL(redirectUri).origin },
  );
  const answer = await fetch(`${fakeUrl}/__fake/oauth/client-metadata`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(metadata),
  });
  if (!answer.ok)
    throw new LocalAtprotoAppError(`${fakeUrl}: the client metadata was refused (${answer.status})`);
  return { clientId, privateJwk };
};
