import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { loopbackOnlyFetch } from '../../infra/local/social/loopback-fetch.ts';
import { type SocialFakes, startSocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { threadsLongLivedTokens } from '../../shared/adapters/oauth/threads-long-lived.ts';
import { readConnectedSocialAccounts } from '../../shared/adapters/social/connected-social-accounts.ts';
import { currentSocialAccounts } from '../../shared/adapters/social/social-accounts-for.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { DEFAULT_COMPOSE_RULES } from '../../shared/domain/social/compose-rules.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../shared/domain/social/networks.ts';
import { isFinalSocialState } from '../../shared/domain/social/social-attempt.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { ConnectedAccountStore } from '../../shared/ports/connected-account-store.ts';
import type { AccessDeps, AccountProvider } from '../../shared/usecases/accounts/access-token.ts';
import { keepAccountsAlive } from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import { socialComposer } from '../../shared/usecases/social/social-composer.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import { BASE, deliverySetup, storedMailTo, waitFor } from '../support/delivery-setup.ts';
import { freshTable } from '../support/tables.ts';
import { createLocalMusic } from '../../infra/local/runtime/local-music-worker.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { loadMusicSettings } from '../../shared/domain/settings/music.ts';
import { examplePostBody } from '../builders/issue.ts';
import { accountsStudio, refreshTarget } from '../studio/accounts-support.ts';
import { signedPost } from '../support/signed-request.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SUNDAY = '2026-11-29T08:00:00Z';

/**
 * Issue 25 on the local runtime: the six stand-ins connected into one connected-account store on a movable
 * Clock (the fakes' clock too), the social worker reading a live token for each post, and time moved.
 */
let fakes: SocialFakes;
let setupClock: Clock | undefined;
let table: Awaited<ReturnType<typeof freshTable>>;
let store: ConnectedAccountStore & { crashAfterRotation: boolean };
let access: AccessDeps;
let providers: (AccountProvider & { id: SocialNetwork })[];
const notices: ConnectedAccount[] = [];
const clock: Clock = { now: () => setupClock?.now() ?? new Date(SUNDAY) };
const sealer = aesGcmSealer(randomBytes(32));

beforeEach(async () => {
  setupClock = undefined;
  notices.length = 0;
  // Her accounts on the runtime's own table, where the studio and the eve reminder read them too.
  table = await freshTable(inject('dynaliteUrl'));
  const inner = dynamoConnectedAccounts(table.doc, table.tableName);
  // A crash injected right after the rotated refresh token is saved, before the new access token is used.
  store = {
    ...inner,
    crashAfterRotation: false,
    put: async (account, expected) => {
      const saved = await inner.put(account, expected);
      if (saved && store.crashAfterRotation && account.refreshedAt) {
        store.crashAfterRotation = false;
        throw new Error('the process died here');
      }
      return saved;
    },
  };
  fakes = await startSocialFakes({}, { accounts: store, sealer, clock });
  providers = SOCIAL_NETWORKS.map((id) => ({ ...fakes.providers[id], id }));
  const origins = providers.flatMap((p) => ('tokenEndpoint' in p ? [new URL(p.tokenEndpoint).origin] : []));
  const outbound = guardedFetch({ standIns: new StandIns([...origins, fakes.urls.threads]) });
  access = {
    oauth: oauth4webapiClient({ outbound, clock }),
    accounts: store,
    sealer,
    clock,
    reconnectNeeded: async (account) => void notices.push(account),
    longLived: threadsLongLivedTokens({ outbound, clock, graphOrigin: fakes.urls.threads }),
  };
});
afterEach(() => fakes?.close());

const sunday = async () => {
  const t = await deliverySetup({
    table,
    env: { SOCIAL_NETWORKS: SOCIAL_NETWORKS.join(','), SOCIAL_REPORT_WAIT_SECONDS: '1' },
    visibilityMs: 400,
    social: (setup) => {
      setupClock = setup;
      return {
        accountsNow: currentSocialAccounts(readConnectedSocialAccounts(providers, access), {
          clock,
          fetch: loopbackOnlyFetch,
        }),
        compose: socialComposer({
          publicBaseUrl: BASE,
          seriesName: 'Online Sunday Morning Sound',
          hashtags: ['playlist'],
          networks: SOCIAL_NETWORKS,
          rules: DEFAULT_COMPOSE_RULES,
        }),
      };
    },
  });
  const social = dynamoSocialStore(t.doc, t.tableName);
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString());
  const run = async (series = 34) => {
    const issueId = `iss_${series}` as const;
    await t.addSubscribers(1, 'confirmed');
    const workers = t.startWorkers();
    // The issue by name, as `npm run sunday -- --now --issue 34` sends it, whatever the day.
    expect((await t.dispatch({ manual: true, series })).kind).toBe('dispatched');
    await waitFor(async () => {
      const list = await social.list(issueId);
      return list.length === SOCIAL_NETWORKS.length && list.every((a) => isFinalSocialState(a.state));
    }, 30_000);
    await waitFor(async () => (await t.campaigns.get(campaignIdFor(issueId)))?.reportedAt !== undefined);
    await workers.stop();
    return social.list(issueId);
  };
  const report = async () =>
    (await storedMailTo(t.domain)).find((m) => m.subject.startsWith('[Dimanche] Envoyé'))?.body.text ?? '';
  return { t, later, run, report };
};

const tokensOf = async (network: string) => {
  const account = await store.get(network);
  return JSON.parse(await sealer.open(account?.sealed ?? '')) as TokenSet;
};
const postsOn = (network: SocialNetwork) => fakeControl(fakes.urls[network]).posts();

/** One network's card in Réglages. */
const cardOf = (html: string, network: SocialNetwork) =>
  html.slice(html.indexOf(`id="network-${network}"`)).split('</section>')[0] ?? '';

/**
 * The eve check of the local runtime's music worker, sent as its cron sends it: the text of the reminder she
 * gets. Its link checks are cut short (this machine is offline); the issue was rendered when it came in.
 */
const eveReminder = async (t: Awaited<ReturnType<typeof deliverySetup>>) => {
  const music = createLocalMusic({});
  const worker = music.start({
    ...table,
    renderTrigger: { render: async () => ({ rendered: false }) },
    author: t.author,
    clock,
    logger: createJsonLogger({ service: 'test', level: 'silent' }),
    timeZone: 'Europe/Paris',
    sendTime: '09:00',
    settings: loadMusicSettings({ LINK_CHECK_TIMEOUT_MS: '200', LINK_CHECK_BUDGET_MS: '1000' }),
    networks: SOCIAL_NETWORKS,
    outbound: localOutbound({ standIns: [] }),
  });
  const reminders = async () =>
    (await storedMailTo(t.domain)).filter(
      (m) => m.destination.to.some((to) => to.includes('autrice@')) && m.subject.includes('part chez'),
    );
  music.queue.send({ kind: 'check', reason: 'eve' });
  await waitFor(async () => (await reminders()).length > 0, 30_000);
  await worker.stop();
  const found = await reminders();
  expect(found).toHaveLength(1);
  return found[0]?.body.text ?? '';
};

describe('her connected accounts post on Sunday, kept alive without her', () => {
  it('three hours on, X’s 2-hour token is refreshed, the rotated refresh token saved, and all six post', async () => {
    const s = await sunday();
    const before = await tokensOf('x');
    s.later(3 * HOUR);
    const attempts = await s.run();
    expect(Object.fromEntries(attempts.map((a) => [a.network, a.state]))).toEqual(
      Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, 'published'])),
    );
    const after = await tokensOf('x');
    expect(after.refreshToken).toBeDefined();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await store.get('x')).toMatchObject({
      state: 'connected',
      refreshedAt: clock.now().toISOString(),
    });
    for (const network of SOCIAL_NETWORKS) expect(await postsOn(network), network).toHaveLength(1);
  }, 90_000);

  it('61 days on, LinkedIn (no refresh) is to reconnect: skipped in French, one mail, the others post', async () => {
    const s = await sunday();
    // The refresh job ran the day before the 60 days ended: Threads' long-lived token renewed, X refreshed.
    s.later(60 * DAY - 10 * 60_000);
    expect(await keepAccountsAlive(providers, access, 15 * 60_000)).toMatchObject({
      x: 'refreshed',
      threads: 'refreshed',
      linkedin: 'fresh',
    });
    s.later(DAY);
    const attempts = await s.run();
    const state = Object.fromEntries(attempts.map((a) => [a.network, a.state]));
    expect(state).toEqual({
      mastodon: 'published',
      bluesky: 'published',
      x: 'published',
      linkedin: 'skipped',
      facebook: 'published',
      threads: 'published',
    });
    expect(await store.get('linkedin')).toMatchObject({ state: 'to_reconnect', lastError: 'expired' });
    expect(notices.map((account) => account.provider)).toEqual(['linkedin']);
    expect(await s.report()).toContain(
      '- LinkedIn — non publiée (à reconnecter\u00a0: «\u00a0Reconnecter\u00a0» dans Réglages)',
    );
    expect(await postsOn('linkedin')).toHaveLength(0);
  }, 90_000);

  it('loses nothing when the worker dies between saving the rotated refresh token and using the new token', async () => {
    const s = await sunday();
    s.later(3 * HOUR);
    store.crashAfterRotation = true;
    const attempts = await s.run();
    expect(store.crashAfterRotation).toBe(false);
    expect(attempts.find((a) => a.network === 'x')?.state).toBe('published');
    expect(await postsOn('x')).toHaveLength(1);
    expect(await store.get('x')).toMatchObject({ state: 'connected' });
    // The token saved before the crash is the one the network takes: three hours on, it refreshes again.
    s.later(3 * HOUR);
    expect(await keepAccountsAlive([providers[2] as AccountProvider], access, 15 * 60_000)).toEqual({
      x: 'refreshed',
    });
  }, 90_000);

  it('a post refused with 401 is retried once its token is refreshed; one that cannot be turns to reconnect, one mail', async () => {
    const s = await sunday();
    const unauthorized = { status: 401, body: { title: 'Unauthorized', status: 401 } };
    await fakeControl(fakes.urls.x).queue({ match: '/2/tweets', method: 'POST', ...unauthorized });
    await fakeControl(fakes.urls.linkedin).queue({ match: '/rest/posts', method: 'POST', ...unauthorized });
    const before = await tokensOf('x');
    const attempts = await s.run();
    const state = Object.fromEntries(attempts.map((a) => [a.network, a.state]));
    expect(state).toMatchObject({ x: 'published', linkedin: 'needs_reconnect', threads: 'published' });
    expect((await tokensOf('x')).accessToken).not.toBe(before.accessToken);
    expect(await postsOn('x')).toHaveLength(1);
    expect(await store.get('linkedin')).toMatchObject({ state: 'to_reconnect', lastError: 'revoked' });
    expect(notices.map((account) => account.provider)).toEqual(['linkedin']);
  }, 90_000);

  it('61 days on, the eve reminder names LinkedIn; reconnected through the studio, it posts the next Sunday', async () => {
    const s = await sunday();
    s.later(60 * DAY - 10 * 60_000);
    await keepAccountsAlive(providers, access, 15 * 60_000);
    s.later(DAY);
    expect((await s.run()).find((a) => a.network === 'linkedin')?.state).toBe('skipped');

    // The next issue comes in from her blog; the day before its Sunday, at the eve schedule's hour, the reminder.
    const next = sundayOnOrAfter(clock.now(), 'Europe/Paris');
    const sundayAt = (hoursUtc: number) => new Date(Date.parse(`${next}T00:00:00Z`) + hoursUtc * HOUR);
    s.t.clock.set(sundayAt(-16).toISOString());
    // The studio of this runtime, signed in anew at each visit (a session lasts 12 hours).
    const signedIn = () => accountsStudio(fakes.urls, {}, { table, clock: s.t.clock, sealer });
    const posted = await (
      await signedIn()
    ).app.request(
      '/webhooks/posts',
      signedPost({ ...examplePostBody(), series: 35, title: 'Le dimanche d’après', sunday: next }),
    );
    expect(posted.status).toBeLessThan(300);
    const reminder = await eveReminder(s.t);
    expect(reminder).toContain('Un réseau ne publiera pas l’annonce');
    expect(reminder).toContain('LinkedIn\u00a0: à reconnecter («\u00a0Reconnecter\u00a0» dans Réglages)');

    // That evening she opens Réglages and reconnects LinkedIn: Reconnecter, the consent page, her page.
    s.t.clock.set(sundayAt(-3).toISOString());
    const studio = await signedIn();
    expect(cardOf(await studio.settings(), 'linkedin')).toContain('À reconnecter');
    const { answer } = await studio.connect('linkedin');
    const choosing = await answer.text();
    const chosen = await studio.post('/studio/accounts/linkedin/choose', {
      hold: /name="hold" value="([^"]+)"/.exec(choosing)?.[1] ?? '',
      choice: [...choosing.matchAll(/name="choice" value="([^"]+)"/g)].at(-1)?.[1] ?? '',
    });
    expect(refreshTarget(await chosen.text())).toBe('/studio/settings?connected=linkedin#social');

    // Sunday: all six post #35, LinkedIn too, and Réglages says so.
    s.t.clock.set(sundayAt(8).toISOString());
    const attempts = await s.run(35);
    expect(Object.fromEntries(attempts.map((a) => [a.network, a.state]))).toEqual(
      Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, 'published'])),
    );
    expect(await postsOn('linkedin')).toHaveLength(1);
    const linkedin = cardOf(await (await signedIn()).settings(), 'linkedin');
    expect(linkedin).not.toContain('À reconnecter');
    expect(linkedin).toContain('Connecté en tant que Dimanche');
    expect(notices.map((account) => account.provider)).toEqual(['linkedin']);
  }, 120_000);
});
