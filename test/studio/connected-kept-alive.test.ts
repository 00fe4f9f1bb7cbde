import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountChecks } from '../../functions/wiring/account-checks.ts';
import { accountAccessDeps } from '../../functions/wiring/accounts.ts';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import { keepAccountsAlive } from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import { movableClock } from '../support/test-app.ts';
import { accountsStudio } from './accounts-support.ts';

const DAY = 86_400_000;
const NETWORKS = ['mastodon', 'x', 'linkedin', 'facebook', 'threads'] as const;
const clock = movableClock();
let fakes: SocialFakes;

// The fakes live on the test's clock; what they connect at start goes to a store nobody reads: every account
// here is made by the studio's "Connecter".
beforeAll(async () => {
  fakes = await startSocialFakes(
    {},
    { accounts: memoryConnectedAccounts(), sealer: aesGcmSealer(randomBytes(32)), clock },
  );
});
afterAll(() => fakes.close());

const hold = (html: string) => /name="hold" value="([^"]+)"/.exec(html)?.[1] ?? '';
const firstChoice = (html: string) => /name="choice" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('accounts connected from Réglages, then kept alive by the refresh job alone', () => {
  it('59 days on: X refreshed, Threads renewed with days to spare, the Page and Mastodon checked, LinkedIn untouched', async () => {
    const t = await accountsStudio(fakes.urls, { SOCIAL_NETWORKS: NETWORKS.join(',') }, { clock });
    await t.connect('x');
    await t.connect('threads');
    await t.connect('mastodon', 'allow', { instance: fakes.urls.mastodon });
    for (const network of ['facebook', 'linkedin']) {
      const html = await (await t.connect(network)).answer.text();
      await t.post(`/studio/accounts/${network}/choose`, { hold: hold(html), choice: firstChoice(html) });
    }
    for (const network of NETWORKS) expect((await t.store.get(network))?.state, network).toBe('connected');

    // The refresh function's own wiring, on the studio's table and key.
    const providers = NETWORKS.map((network) => fakes.providers[network]);
    const origins = providers.flatMap((p) => ('tokenEndpoint' in p ? [new URL(p.tokenEndpoint).origin] : []));
    const outbound = guardedFetch({ standIns: new StandIns([...origins, ...Object.values(fakes.urls)]) });
    const notices: ConnectedAccount[] = [];
    const access = accountAccessDeps(
      { doc: t.doc, tableName: t.tableName },
      {
        sealer: t.sealer,
        outbound,
        clock,
        reconnectNeeded: async (account) => void notices.push(account),
        threadsGraphOrigin: fakes.urls.threads,
      },
    );
    const checks = accountChecks(outbound);
    // Every four hours for 59 days: the hourly schedule, some runs lost (X's 2-hour token dies between two).
    const seen: Record<string, Set<string>> = {};
    for (let run = 0; run < 59 * 6; run += 1) {
      clock.set(new Date(clock.now().getTime() + DAY / 6).toISOString());
      const outcome = await keepAccountsAlive(providers, access, 75 * 60_000, checks);
      for (const [network, what] of Object.entries(outcome)) (seen[network] ??= new Set()).add(what);
    }
    expect(Object.fromEntries(Object.entries(seen).map(([n, s]) => [n, [...s].sort()]))).toEqual({
      mastodon: ['checked', 'fresh'],
      x: ['refreshed'],
      // No refresh, no check: its 60 days run (the eve reminder names it once they end).
      linkedin: ['fresh'],
      facebook: ['checked', 'fresh'],
      threads: ['fresh', 'refreshed'],
    });
    expect(notices).toEqual([]);
    // What each holds now opens its account at the fake, 59 days after she connected.
    for (const network of NETWORKS) {
      const account = await t.store.get(network);
      expect(account?.state, network).toBe('connected');
    }
    const threads = await t.store.get('threads');
    // Renewed with a quarter of its 60 days left (day 45), not in its last hour: 40 days and more to go.
    expect(Date.parse(threads?.accessExpiresAt ?? '') - clock.now().getTime()).toBeGreaterThan(40 * DAY);
  }, 120_000);
});
