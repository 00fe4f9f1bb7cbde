import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consent } from '../../infra/local/oauth/consent.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { unbind } from '../../shared/adapters/social/bluesky/dpop-bound.ts';
import type { TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { accountsStudio } from '../studio/accounts-support.ts';

const HANDLE = 'dimanche.bsky.social';
let fakes: SocialFakes;
let control: ReturnType<typeof fakeControl>;
beforeAll(async () => {
  fakes = await startSocialFakes();
  control = fakeControl(fakes.urls.bluesky);
}, 60_000);
afterAll(() => fakes?.close());
beforeEach(() => control.command('oauth', { enabled: true }));

describe('Bluesky by atproto OAuth from Réglages, against the fake PDS', () => {
  it('her handle alone leads to her server’s consent page, and back to Réglages connected, tokens bound and sealed', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('bluesky', { handle: `@${HANDLE}`, password: '' });
    expect(to?.startsWith(`${fakes.urls.bluesky}/oauth/authorize?`)).toBe(true);

    const { back } = await consent(to ?? '');
    expect(back.href.startsWith('https://newsletter.example.org/studio/accounts/bluesky/callback?')).toBe(
      true,
    );
    const answer = await t.back(back);
    const html = await answer.text();

    expect(answer.status).toBe(200);
    const stored = await t.store.get('bluesky');
    expect(stored).toMatchObject({
      label: `@${HANDLE}`,
      profile: { baseUrl: fakes.urls.bluesky, identifier: HANDLE },
      state: 'connected',
      canRefresh: true,
    });
    expect(stored?.accessExpiresAt).toBeDefined();
    const tokens = JSON.parse(await t.sealer.open(stored?.sealed ?? '')) as TokenSet;
    const access = unbind('access', tokens.accessToken);
    const refresh = unbind('refresh', tokens.refreshToken ?? '');
    expect(access?.did).toBe('did:plc:dimanche2local3fake4pds');
    expect(refresh).toMatchObject({
      issuer: fakes.urls.bluesky,
      tokenEndpoint: `${fakes.urls.bluesky}/oauth/token`,
    });
    // Neither token nor key is on a page or in a log line.
    const shown = [html, await t.settings('/studio/settings'), ...t.logged].join('\n');
    for (const secret of [access?.token, refresh?.token, access?.key.d, tokens.accessToken])
      expect(shown.includes(secret ?? 'none')).toBe(false);
  });

  it('Déconnecter forgets an account connected by OAuth and withdraws the grant at her server', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('bluesky', { handle: HANDLE });
    await t.back((await consent(to ?? '')).back);
    const stored = await t.store.get('bluesky');
    const tokens = JSON.parse(await t.sealer.open(stored?.sealed ?? '')) as TokenSet;
    const access = unbind('access', tokens.accessToken);
    const before = (await control.requests()).length;

    const answer = await t.post('/studio/accounts/bluesky/disconnect');
    expect(answer.status).toBe(303);
    expect(await t.store.get('bluesky')).toBeUndefined();
    // One call, to her server's revocation endpoint, with the operator's assertion (no token in a URL).
    const calls = (await control.requests()).slice(before);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /oauth/revoke']);
    expect(calls[0]?.body).toContain('client_assertion=');
    // The whole grant is gone there: the access token it gave opens nothing any more.
    const feed = await fetch(`${fakes.urls.bluesky}/xrpc/com.atproto.server.getSession`, {
      headers: { authorization: `DPoP ${access?.token ?? ''}` },
    });
    expect(feed.status).toBe(401);
    expect(((await feed.json()) as { error: string }).error).toBe('InvalidToken');
  });

  it('she refuses on her server’s page: a French page, nothing saved', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('bluesky', { handle: HANDLE });
    const answer = await t.back((await consent(to ?? '', 'deny')).back);

    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('Connexion refusée');
    expect(await t.store.get('bluesky')).toBeUndefined();
  });

  it('a callback used again, or after ten minutes, is refused; the account stays as the first made it', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('bluesky', { handle: HANDLE });
    const { back } = await consent(to ?? '');
    expect((await t.back(back)).status).toBe(200);
    const first = await t.store.get('bluesky');

    const replayed = await t.back(back);
    expect(replayed.status).toBe(409);
    expect(await replayed.text()).toContain('revenez aux Réglages');

    const late = await t.begin('bluesky', { handle: HANDLE });
    const { back: lateBack } = await consent(late.to ?? '');
    t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000).toISOString());
    expect((await t.back(lateBack)).status).toBe(409);
    expect(await t.store.get('bluesky')).toEqual(first);
  });

  it('a forged code is refused by her server: a French page, nothing saved', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('bluesky', { handle: HANDLE });
    const { back } = await consent(to ?? '');
    back.searchParams.set('code', 'cod-forged');

    const answer = await t.back(back);
    expect(answer.status).toBe(502);
    expect(await t.store.get('bluesky')).toBeUndefined();
  });

  it('falls back to the app password, saying so in French, when her PDS publishes no OAuth metadata', async () => {
    await control.command('oauth', { enabled: false });
    const t = await accountsStudio(fakes.urls);
    const { answer, html } = await t.begin('bluesky', { handle: HANDLE });

    expect(answer.status).toBe(409);
    expect(html).toContain('Votre serveur Bluesky ne propose pas la connexion par sa page');
    expect(html).toContain('mot de passe d’application');
    expect(await t.store.get('bluesky')).toBeUndefined();
    // The app password still connects her.
    const withPassword = await t.begin('bluesky', { handle: HANDLE, password: 'loca-lbsk-ypas-swrd' });
    expect(withPassword.to).toBe('/studio/settings?connected=bluesky#social');
  });

  it('says so when the handle leads to no account', async () => {
    const t = await accountsStudio(fakes.urls);
    const { html } = await t.begin('bluesky', { handle: 'personne.example.org' });

    expect(html).toContain('Identifiant Bluesky introuvable');
  });

  it('serves the client metadata document at its client_id, the public half of the key only', async () => {
    const t = await accountsStudio(fakes.urls);
    const answer = await t.app.request('/studio/accounts/bluesky/client-metadata.json');
    const metadata = (await answer.json()) as Record<string, unknown> & { jwks: { keys: object[] } };

    expect(answer.status).toBe(200);
    expect(metadata).toMatchObject({
      client_id: 'https://newsletter.example.org/studio/accounts/bluesky/client-metadata.json',
      redirect_uris: ['https://newsletter.example.org/studio/accounts/bluesky/callback'],
      token_endpoint_auth_method: 'private_key_jwt',
      dpop_bound_access_tokens: true,
      scope: 'atproto transition:generic',
    });
    expect(metadata.jwks.keys).toHaveLength(1);
    expect(metadata.jwks.keys[0]).not.toHaveProperty('d');
  });
});
