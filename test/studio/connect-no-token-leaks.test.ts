import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
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
});
