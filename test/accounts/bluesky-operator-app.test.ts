import { describe, expect, it } from 'vitest';
import { newDpopKey } from '../../shared/adapters/oauth/dpop-key.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';

const CLIENT_ID = 'https://newsletter.example.org/studio/accounts/bluesky/client-metadata.json';

describe("the operator's Bluesky client (atproto OAuth)", () => {
  it('reads its client_id and ES256 private key; without it Bluesky offers the app password only', async () => {
    const { x, y, d } = await newDpopKey();
    const raw = JSON.stringify({
      bluesky: { clientId: CLIENT_ID, privateJwk: { kty: 'EC', crv: 'P-256', x, y, d, kid: 'k1' } },
    });

    expect(parseOperatorApps('SOCIAL_APPS', raw)).toEqual({
      bluesky: { clientId: CLIENT_ID, privateJwk: { kty: 'EC', crv: 'P-256', x, y, d, kid: 'k1' } },
    });
    expect(parseOperatorApps('SOCIAL_APPS', '{}').bluesky).toBeUndefined();
  });

  it.each([
    [
      'a client_id that is not the metadata document',
      { clientId: 'https://newsletter.example.org/', privateJwk: {} },
      /bluesky\.clientId/,
    ],
    [
      'a key without its private part',
      { clientId: CLIENT_ID, privateJwk: { kty: 'EC', crv: 'P-256', x: 'a'.repeat(43), y: 'a'.repeat(43) } },
      /bluesky\.privateJwk\.d/,
    ],
    [
      'another curve',
      { clientId: CLIENT_ID, privateJwk: { kty: 'EC', crv: 'P-384', x: 'a', y: 'a', d: 'a' } },
      /bluesky\.privateJwk\.crv/,
    ],
  ])('refuses %s, naming the field', (_, bluesky, message) => {
    expect(() => parseOperatorApps('SOCIAL_APPS', JSON.stringify({ bluesky }))).toThrow(message);
  });
});
