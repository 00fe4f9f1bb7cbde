import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { consent } from '../../infra/local/oauth/consent.ts';
import { localAtprotoKey } from '../../infra/local/social/bluesky/local-atproto-app.ts';
import { unbind } from '../../shared/adapters/social/bluesky/dpop-bound.ts';
import type { TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { accountsStudio, refreshTarget } from './accounts-support.ts';

let fakes: SocialFakes;
beforeAll(async () => {
  fakes = await startSocialFakes();
}, 60_000);
afterAll(() => fakes?.close());

describe('what the fakes issued never shows', () => {
  it('in any studio page or log line of the six connects, nor the operator’s app secrets', async () => {
    const t = await accountsStudio(fakes.urls);
    const pages: string[] = [];
    const keep = async (answer: Response) => {
      const html = await answer.text();
      pages.push(html);
      return html;
    };
    const pick = async (network: string, html: string, which: (ids: string[]) => string) => {
      const hold = /name="hold" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const ids = [...html.matchAll(/name="choice" value="([^"]+)"/g)].map((m) => m[1] ?? '');
      return keep(await t.post(`/studio/accounts/${network}/choose`, { hold, choice: which(ids) }));
    };
    for (const network of ['x', 'threads'] as const) await keep((await t.connect(network)).answer);
    await pick('facebook', await keep((await t.connect('facebook')).answer), (ids) => ids[0] ?? '');
    await pick('linkedin', await keep((await t.connect('linkedin')).answer), (ids) => ids.at(-1) ?? '');
    await keep((await t.connect('mastodon', 'allow', { instance: fakes.urls.mastodon })).answer);
    const bluesky = await t.begin('bluesky', {
      handle: 'dimanche.bsky.social',
      password: 'loca-lbsk-ypas-swrd',
    });
    pages.push(bluesky.html);
    for (const path of ['/studio/settings', '/studio', refreshTarget(bluesky.html) ?? '/studio/settings'])
      pages.push(await t.settings(path));

    const secrets: string[] = [];
    for (const account of await t.store.list()) {
      const tokens = JSON.parse(await t.sealer.open(account.sealed)) as TokenSet;
      secrets.push(tokens.accessToken, ...(tokens.refreshToken ? [tokens.refreshToken] : []));
    }
    for (const network of ['x', 'linkedin', 'facebook', 'threads'] as const) {
      const console = (await (await fetch(`${fakes.urls[network]}/__fake/oauth`)).json()) as {
        clientSecret: string;
      };
      secrets.push(console.clientSecret);
    }
    expect(await t.store.list()).toHaveLength(6);
    expect(secrets).toContain('loca-lbsk-ypas-swrd');
    expect(secrets.length).toBeGreaterThanOrEqual(11);
    const shown = [...pages, ...t.logged].join('\n');
    for (const secret of secrets)
      expect(shown.includes(secret), 'a secret in a page or a log line').toBe(false);
    expect(t.logged.some((line) => line.includes('account connected'))).toBe(true);
  });

  it('nor Bluesky’s OAuth tokens, their DPoP key or the operator’s client key, through connect and Déconnecter', async () => {
    const t = await accountsStudio(fakes.urls);
    const pages: string[] = [];
    const { html, to } = await t.begin('bluesky', { handle: 'dimanche.bsky.social' });
    pages.push(html);
    const back = await t.back((await consent(to ?? '')).back);
    pages.push(await back.text(), await t.settings(), await t.settings('/studio'));
    const stored = await t.store.get('bluesky');
    const tokens = JSON.parse(await t.sealer.open(stored?.sealed ?? '')) as TokenSet;
    const access = unbind('access', tokens.accessToken);
    const refresh = unbind('refresh', tokens.refreshToken ?? '');
    const operator = await localAtprotoKey(fakes.urls.bluesky);
    const secrets = [
      tokens.accessToken,
      tokens.refreshToken ?? '',
      access?.token ?? '',
      refresh?.token ?? '',
      String(access?.key.d ?? ''),
      operator.d ?? '',
    ];
    expect(secrets.every((secret) => secret.length > 20)).toBe(true);
    pages.push(await (await t.post('/studio/accounts/bluesky/disconnect')).text(), await t.settings());
    // What the world may read: the client metadata document carries the public half of the key only.
    pages.push(await (await t.app.request('/studio/accounts/bluesky/client-metadata.json')).text());
    const shown = [...pages, ...t.logged].join('\n');
    for (const secret of secrets)
      expect(shown.includes(secret), 'a secret in a page or a log line').toBe(false);
  });
});
