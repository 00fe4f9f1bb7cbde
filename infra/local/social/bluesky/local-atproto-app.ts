import { atprotoClientMetadata } from '../../../../shared/adapters/oauth/atproto-client-metadata.ts';
import type { OperatorApp } from '../../../../shared/domain/accounts/sign-in.ts';

export class LocalAtprotoAppError extends Error {
  override name = 'LocalAtprotoAppError';
}

type LocalKey = { privateJwk: Readonly<Record<string, string>> };

/** The fake PDS's operator key for this machine (`/__fake/oauth/local-client`): never written anywhere. */
export const localAtprotoKey = async (fakeUrl: string) => {
  const answer = await fetch(`${fakeUrl}/__fake/oauth/local-client`);
  if (!answer.ok) throw new LocalAtprotoAppError(`${fakeUrl}: no local client key (${answer.status})`);
  return ((await answer.json()) as LocalKey).privateJwk;
};

/**
 * One machine's operator for Bluesky's OAuth: the fake's local key, the client_id the studio's metadata
 * address, and the document handed to the fake PDS, which could not fetch it from a studio only a test reaches.
 */
export const localAtprotoApp = async (fakeUrl: string, redirectUri: string): Promise<OperatorApp> => {
  const clientId = redirectUri.replace(/\/callback$/, '/client-metadata.json');
  const privateJwk = await localAtprotoKey(fakeUrl);
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
