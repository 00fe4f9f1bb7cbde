import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import type { TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { consent } from '../../infra/local/oauth/consent.ts';
import { accountsStudio, refreshTarget } from './accounts-support.ts';

let fakes: SocialFakes;
beforeAll(async () => {
  fakes = await startSocialFakes();
}, 60_000);
afterAll(() => fakes?.close());

const hiddenHold = (html: string) => /name="hold" value="([^"]+)"/.exec(html)?.[1] ?? '';
const choicesOf = (html: string) => [...html.matchAll(/name="choice" value="([^"]+)"/g)].map((m) => m[1]);

describe('Connecter from Réglages, against the fakes', () => {
  it('connects X: consent page, callback, then Réglages shows the handle', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('x');
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(refreshTarget(html)).toBe('/studio/settings?connected=x#social');
    const page = await t.settings(refreshTarget(html));
    expect(page).toContain('X connecté en tant que @dimanche_fm.');
    expect(page).toContain('Déconnecter');
    const stored = await t.store.get('x');
    expect(stored).toMatchObject({ label: '@dimanche_fm', state: 'connected', canRefresh: true });
    expect(stored?.profile).toEqual({ baseUrl: fakes.urls.x, username: 'dimanche_fm' });
  });

  it('connects Threads with the long-lived token traded for the consent page’s one', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('threads');
    expect(refreshTarget(await answer.text())).toBe('/studio/settings?connected=threads#social');
    const stored = await t.store.get('threads');
    expect(stored?.profile).toEqual({
      baseUrl: fakes.urls.threads,
      userId: '17841400000000001',
      username: 'dimanche.fm',
    });
    const tokens = JSON.parse(await t.sealer.open(stored?.sealed ?? '')) as TokenSet;
    expect(tokens.accessToken).toMatch(/^THAA/);
    expect(Date.parse(stored?.accessExpiresAt ?? '') - t.clock.now().getTime()).toBeGreaterThan(
      59 * 86_400_000,
    );
    // No refresh token, yet renewable (th_refresh_token): the refresh job renews it before the 60 days end.
    expect(stored?.canRefresh).toBe(true);
    expect(await t.settings()).toContain('accès renouvelé automatiquement par Dimanche');
  });

  it('connects Facebook: she picks the Page, and only the Page token is kept', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('facebook');
    const html = await answer.text();
    expect(html).toContain('Publier sur Facebook en tant que…');
    expect(html).not.toMatch(/EAAG|at_/);
    const chosen = await t.post('/studio/accounts/facebook/choose', {
      hold: hiddenHold(html),
      choice: choicesOf(html)[0] ?? '',
    });
    expect(refreshTarget(await chosen.text())).toBe('/studio/settings?connected=facebook#social');
    const stored = await t.store.get('facebook');
    expect(stored).toMatchObject({ label: 'Dimanche', canRefresh: false });
    expect(stored?.profile).toEqual({
      baseUrl: fakes.urls.facebook,
      pageId: '104857600123456',
      graphVersion: 'v21.0',
    });
    const tokens = JSON.parse(await t.sealer.open(stored?.sealed ?? '')) as TokenSet;
    expect(tokens).toEqual({ accessToken: expect.stringMatching(/^EAAG/) });
    // The Pages were read with the 60-day user token, so the Page token does not die with the consent's.
    const { requests } = (await (await fetch(`${fakes.urls.facebook}/__fake/requests`)).json()) as {
      requests: { path: string; query: Record<string, string>; headers: Record<string, string> }[];
    };
    const traded = requests.filter((r) => r.path === '/v21.0/oauth/access_token');
    expect(traded.at(-1)?.query.grant_type).toBe('fb_exchange_token');
    const pages = requests.filter((r) => r.path === '/v21.0/me/accounts');
    expect(pages.at(-1)?.headers.authorization).toMatch(/^Bearer EAAL/);
  });

  it('connects LinkedIn as the organisation page she administers, or as herself', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('linkedin');
    const html = await answer.text();
    expect(choicesOf(html)).toEqual(['urn:li:person:mE3mbr0Dim4nche', 'urn:li:organization:5515715']);
    const choose = (hold: string) =>
      t.post('/studio/accounts/linkedin/choose', { hold, choice: 'urn:li:organization:5515715' });
    expect((await choose(hiddenHold(html))).status).toBe(200);
    expect((await t.store.get('linkedin'))?.profile).toEqual({
      baseUrl: fakes.urls.linkedin,
      author: 'urn:li:organization:5515715',
      version: '202611',
    });
    // A double submit of the choice finds the hold used: a page saying so, the account as chosen.
    const again = await choose(hiddenHold(html));
    expect(again.status).toBe(409);
    const page = await again.text();
    expect(page).toContain('Cette connexion n’est plus valable');
    // Her next step is in Réglages, which the page says: its one button goes there.
    expect(page).toContain('href="/studio/settings#social"');
    expect(page).toContain('Revenir aux Réglages');
  });

  it('connects Mastodon on the instance she names: app registered there, then its consent page', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('mastodon', 'allow', { instance: fakes.urls.mastodon });
    expect(answer.status).toBe(200);
    const stored = await t.store.get('mastodon');
    expect(stored?.label).toMatch(/^@\w+@127\.0\.0\.1:\d+$/);
    expect(stored?.profile).toEqual({ baseUrl: fakes.urls.mastodon });
  });

  it('refuses a Mastodon address that leads to a private machine, in French, registering nothing', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer, html } = await t.begin('mastodon', { instance: 'http://192.168.1.10' });
    expect(answer.status).toBe(422);
    expect(html).toContain('Adresse refusée');
    expect(html).toContain('machine privée');
    expect((await t.begin('mastodon', { instance: 'pas une adresse' })).html).toContain(
      'Adresse d’instance invalide',
    );
  });

  it('connects Bluesky with her handle and an app password, checked by opening a session', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer, to } = await t.begin('bluesky', {
      handle: '@dimanche.bsky.social',
      password: 'loca-lbsk-ypas-swrd',
    });
    expect(answer.status).toBe(200);
    expect(to).toBe('/studio/settings?connected=bluesky#social');
    const stored = await t.store.get('bluesky');
    expect(stored?.profile).toEqual({ baseUrl: fakes.urls.bluesky, identifier: 'dimanche.bsky.social' });
    expect(await t.settings(to)).toContain('Bluesky connecté en tant que @dimanche.bsky.social.');
  });

  it('never sends what looks like a main password, and says a wrong app password was refused', async () => {
    const t = await accountsStudio(fakes.urls);
    const main = await t.begin('bluesky', { handle: 'dimanche.bsky.social', password: 'MonMotDePasse!' });
    expect(main.answer.status).toBe(422);
    expect(main.html).toContain('Ce n’est pas un mot de passe d’application');
    const wrong = await t.begin('bluesky', {
      handle: 'dimanche.bsky.social',
      password: 'aaaa-bbbb-cccc-dddd',
    });
    expect(wrong.answer.status).toBe(502);
    expect(await t.store.get('bluesky')).toBeUndefined();
  });
});

describe('every failure of the flow is a French page, with nothing half-written', () => {
  it('she refuses on the consent page', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('x', 'deny');
    expect(answer.status).toBe(403);
    const html = await answer.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Connexion refusée');
    expect(await t.store.get('x')).toBeUndefined();
  });

  it('a callback used again (Back, a reload) or too old is refused; the account stays as the first made it', async () => {
    const t = await accountsStudio(fakes.urls);
    const { returned } = await t.connect('x');
    const first = await t.store.get('x');
    const replayed = await t.back(returned);
    expect(replayed.status).toBe(409);
    expect(await replayed.text()).toContain('revenez aux Réglages');
    expect(await t.store.get('x')).toEqual(first);
    // Begun, then back more than ten minutes later.
    const { to } = await t.begin('x');
    const { back: late } = await consent(to ?? '');
    t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000).toISOString());
    expect((await t.back(late)).status).toBe(409);
    expect(await t.store.get('x')).toEqual(first);
  });

  it('a callback without her session spends nothing: it goes to sign-in, and the state still works after', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('x');
    const { back } = await consent(to ?? '');
    const first = await t.app.request(`${back.pathname}${back.search}`);
    const again = refreshTarget(await first.text()) ?? '';
    expect(again).toContain('bounced=1');
    const anonymous = await t.app.request(again);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/studio/sign-in');
    expect(await t.store.get('x')).toBeUndefined();
    expect((await t.back(back)).status).toBe(200);
    expect(await t.store.get('x')).toMatchObject({ state: 'connected' });
  });

  it('the network refuses the code, or does not answer whom it belongs to', async () => {
    const t = await accountsStudio(fakes.urls);
    const { to } = await t.begin('x');
    const { back } = await consent(to ?? '');
    back.searchParams.set('code', 'code_forged');
    const refused = await t.back(back);
    expect(refused.status).toBe(502);
    expect(await refused.text()).toContain('Le réseau a refusé la connexion');
    await fetch(`${fakes.urls.x}/__fake/next`, {
      method: 'POST',
      body: JSON.stringify({ match: '/2/users/me', status: 503 }),
    });
    const down = await t.connect('x');
    expect(down.answer.status).toBe(503);
    expect(await down.answer.text()).toContain('Le réseau ne répond pas');
    expect(await t.store.get('x')).toBeUndefined();
  });

  it('Déconnecter forgets it; a second click says there is nothing left to do', async () => {
    const t = await accountsStudio(fakes.urls);
    await t.connect('x');
    const gone = await t.post('/studio/accounts/x/disconnect');
    expect(gone.status).toBe(303);
    expect(gone.headers.get('location')).toBe('/studio/settings?disconnected=x#social');
    expect(await t.store.get('x')).toBeUndefined();
    expect(await t.settings('/studio/settings?disconnected=x')).toContain('X déconnecté.');
    expect((await t.post('/studio/accounts/x/disconnect')).status).toBe(409);
  });

  it('a form without the CSRF token changes nothing', async () => {
    const t = await accountsStudio(fakes.urls);
    const answer = await t.app.request('/studio/accounts/x/connect', {
      method: 'POST',
      headers: { cookie: t.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(answer.status).toBe(403);
  });

  it('a network whose app the operator has not registered says so instead of showing a button', async () => {
    const t = await accountsStudio({});
    const page = await t.settings();
    expect(page).toContain('n’a pas encore enregistré son application auprès de X');
    expect(page).not.toContain('action="/studio/accounts/x/connect"');
    const answer = await t.post('/studio/accounts/x/connect');
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain('Application non enregistrée');
  });
});

describe('a true state per network', () => {
  it('shows a broken account as to reconnect, its last error in words, and names it on Cette semaine', async () => {
    const t = await accountsStudio(fakes.urls, { SOCIAL_NETWORKS: 'x,linkedin' });
    await t.connect('x');
    const stored = await t.store.get('x');
    if (!stored) throw new Error('x not connected');
    await t.store.put(
      { ...stored, state: 'to_reconnect', lastError: 'refresh_refused', version: stored.version + 1 },
      stored.version,
    );
    const settings = await t.settings();
    expect(settings).toContain('À reconnecter');
    expect(settings).toContain('le réseau a refusé de renouveler l’accès');
    expect(settings).toContain('>Reconnecter X</button>');
    // Broken, it has no validity to speak of: the error says what to do.
    expect(settings).not.toContain('renouvelé automatiquement');
    const week = await t.settings('/studio');
    expect(week).toContain('X ne publiera pas dimanche : il est à reconnecter.');
    expect(week).toContain('LinkedIn ne publiera pas dimanche : il n’est pas connecté.');
    expect(week).not.toContain('Mastodon ne publiera pas');
    // Reconnecting mends it.
    await t.connect('x');
    expect(await t.store.get('x')).toMatchObject({ state: 'connected' });
    expect(await t.settings('/studio')).not.toContain('X ne publiera pas');
  });

  it('offers Bluesky’s own sign-in page first where the operator set its key, else the app password alone', async () => {
    const bluesky = (html: string) => {
      const start = html.indexOf('id="network-bluesky"');
      return html.slice(start, html.indexOf('</section>', start));
    };
    const withKey = bluesky(await (await accountsStudio(fakes.urls)).settings());
    expect(withKey).toContain('Dimanche vous envoie sur la page de votre serveur Bluesky');
    expect(withKey).toMatch(/<details><summary>Votre serveur n’a pas cette page/);
    expect(withKey).not.toMatch(/<input id="bluesky-password"[^>]*required/);
    // No Bluesky client among the operator's apps (here: no Bluesky fake's console to read it from).
    const { bluesky: _none, ...others } = fakes.urls;
    const withoutKey = bluesky(await (await accountsStudio(others)).settings());
    expect(withoutKey).not.toContain('<details>');
    expect(withoutKey).not.toContain('Dimanche vous envoie sur la page');
    expect(withoutKey).toMatch(/<input id="bluesky-password"[^>]*required/);
  });

  it('says how long each access lasts as far as she must act: renewed, reconnect before a date, no end', async () => {
    const t = await accountsStudio(fakes.urls, { SOCIAL_NETWORKS: 'x,linkedin,mastodon' });
    await t.connect('x');
    await t.connect('mastodon', 'allow', { instance: fakes.urls.mastodon });
    const chooser = await (await t.connect('linkedin')).answer.text();
    const [me] = choicesOf(chooser);
    expect(
      (await t.post('/studio/accounts/linkedin/choose', { hold: hiddenHold(chooser), choice: me ?? '' }))
        .status,
    ).toBe(200);
    const card = (network: string, html: string) => {
      const start = html.indexOf(`id="network-${network}"`);
      return html.slice(start, html.indexOf('</section>', start));
    };
    const settings = await t.settings();
    // X's 2-hour token: Dimanche renews it, she has nothing to do.
    expect(card('x', settings)).toContain('accès renouvelé automatiquement par Dimanche');
    // LinkedIn's 60 days, no refresh: the date she must reconnect by.
    expect(card('linkedin', settings)).toMatch(
      /accès valable jusqu’au \d+ \S+ \d{4}, \d\d:\d\d : le réseau ne le renouvelle pas, reconnectez-le avant/,
    );
    // Mastodon's never expires: no date; once the refresh job asked the instance, when it did.
    expect(card('mastodon', settings)).toContain('accès sans date de fin');
    expect(card('mastodon', settings)).not.toContain('vérifié');
    const mastodon = await t.store.get('mastodon');
    await t.store.put(
      { ...mastodon!, checkedAt: '2026-11-24T13:00:00Z', version: mastodon!.version + 1 },
      mastodon!.version,
    );
    expect(card('mastodon', await t.settings())).toMatch(
      /accès sans date de fin, vérifié auprès du réseau le/,
    );
  });
});
