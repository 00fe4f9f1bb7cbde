import { describe, expect, it } from 'vitest';
import { oauthProviderFor } from '../../shared/domain/accounts/sign-in.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';

const app = { clientId: 'dimanche', clientSecret: 'from-the-console' };

describe('how she connects each network, from its registry row', () => {
  it('names a sign-in for every network, each over https at the network itself', () => {
    for (const row of NETWORK_REGISTRY.rows) {
      const { signIn } = row;
      if (signIn.kind !== 'oauth') continue;
      for (const url of [signIn.authorizationEndpoint, signIn.tokenEndpoint, signIn.revocationEndpoint])
        if (url) expect(new URL(url).protocol, `${row.id}: ${url}`).toBe('https:');
    }
    expect(Object.fromEntries(NETWORK_REGISTRY.rows.map((row) => [row.id, row.signIn.kind]))).toEqual({
      mastodon: 'instance-oauth',
      bluesky: 'app-password',
      x: 'oauth',
      linkedin: 'oauth',
      facebook: 'oauth',
      threads: 'oauth',
    });
  });

  it('asks X for offline.access, whose refresh tokens rotate', () => {
    const x = oauthProviderFor('x', NETWORK_REGISTRY.row('x').signIn, app);
    expect(x).toMatchObject({ clientAuth: 'basic', rotatesRefreshTokens: true });
    expect(x?.scopes).toContain('offline.access');
  });

  it('points a network at one machine’s fake of it, keeping the paths', () => {
    const x = oauthProviderFor('x', NETWORK_REGISTRY.row('x').signIn, app, {
      origin: 'http://127.0.0.1:4100',
    });
    expect(x?.tokenEndpoint).toBe('http://127.0.0.1:4100/2/oauth2/token');
    expect(x?.authorizationEndpoint).toBe('http://127.0.0.1:4100/i/oauth2/authorize');
  });

  it('builds a Mastodon provider on her own server, and none before she names it', () => {
    const signIn = NETWORK_REGISTRY.row('mastodon').signIn;
    expect(oauthProviderFor('mastodon', signIn, app)).toBeUndefined();
    expect(
      oauthProviderFor('mastodon', signIn, app, { instance: 'https://piaille.fr/@dimanche' })?.tokenEndpoint,
    ).toBe('https://piaille.fr/oauth/token');
  });

  it('is a public client (PKCE only) when the operator’s app has no secret', () => {
    expect(
      oauthProviderFor('linkedin', NETWORK_REGISTRY.row('linkedin').signIn, { clientId: 'dimanche' })
        ?.clientAuth,
    ).toBe('none');
  });

  it('opens no OAuth for Bluesky: her handle and an app password', () => {
    expect(oauthProviderFor('bluesky', NETWORK_REGISTRY.row('bluesky').signIn, app)).toBeUndefined();
  });
});
