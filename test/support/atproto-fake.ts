import { startBlueskyFake } from '../../infra/local/social/bluesky/fake.ts';
import { atprotoClientMetadata } from '../../shared/adapters/oauth/atproto-client-metadata.ts';
import type { AtprotoApp, AtprotoServer } from '../../shared/adapters/oauth/atproto-oauth-client.ts';
import { newDpopKey } from '../../shared/adapters/oauth/dpop-key.ts';
import type { Clock } from '../../shared/ports/clock.ts';

/** The operator's confidential atproto client as the studio publishes it: a fresh ES256 key. */
export const operatorAtprotoApp = async (
  kid = 'k1',
): Promise<AtprotoApp & { privateJwk: Record<string, string> }> => {
  const { x = '', y = '', d = '' } = await newDpopKey();
  // As the operator writes it in the apps' secret: the key's fields only, all strings.
  const privateJwk: Record<string, string> = { kty: 'EC', crv: 'P-256', x, y, d, kid };
  return {
    clientId: 'https://newsletter.example.org/studio/accounts/bluesky/client-metadata.json',
    privateJwk,
    redirectUri: 'https://newsletter.example.org/studio/accounts/bluesky/callback',
  };
};

/** The fake PDS on `clock`, knowing the operator's client by its metadata document (and no other client). */
export const startAtprotoFake = (app: AtprotoApp, clock: Clock) => {
  const metadata = atprotoClientMetadata(app, {
    clientName: 'Dimanche',
    clientUri: 'https://newsletter.example.org',
  });
  return startBlueskyFake({
    appPassword: 'abcd-efgh-ijkl-mnop',
    clock,
    clientMetadata: async (clientId) => (clientId === app.clientId ? metadata : undefined),
  });
};

/** The fake PDS's authorization server, as discovery finds it. */
export const fakeAtprotoServer = (url: string): AtprotoServer => ({
  issuer: url,
  authorizationEndpoint: `${url}/oauth/authorize`,
  tokenEndpoint: `${url}/oauth/token`,
  parEndpoint: `${url}/oauth/par`,
});
