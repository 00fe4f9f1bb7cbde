import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountChecks, withCheckedNetworks } from '../../functions/wiring/account-checks.ts';
import { accountAccessDeps, accountsRefresh, appProviders } from '../../functions/wiring/accounts.ts';
import { consent } from '../../infra/local/oauth/consent.ts';
import { startKmsStandIn, type KmsStandIn } from '../../infra/local/stand-ins/kms/kms-stand-in.ts';
import { startFacebookFake } from '../../infra/local/social/facebook/fake.ts';
import { signInToFacebook } from '../../infra/local/social/facebook/stand-in.ts';
import { startXFake, type XFake } from '../../infra/local/social/x/fake.ts';
import { kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import { beginConnect, finishConnect } from '../../shared/usecases/accounts/connect-account.ts';
import { kmsClient } from '../contract/kms-client.ts';
import { movableClock } from '../support/test-app.ts';
import { freshTable } from '../support/tables.ts';

const HOUR = 3_600_000;

let kms: KmsStandIn;
let x: XFake;
const clock = movableClock();
beforeAll(async () => {
  kms = await startKmsStandIn();
  x = await startXFake({ clock });
});
afterAll(async () => {
  await kms.close();
  await x.close();
});

const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

/** The refresh function's own wiring on the table, KMS and X's fakes, after she connected X from the studio. */
const connectedX = async () => {
  const table = await freshTable(inject('dynaliteUrl'));
  const notices: ConnectedAccount[] = [];
  const access = accountAccessDeps(table, {
    sealer: kmsTokenSealer(kmsClient(kms.url), kms.keyArns[0] ?? ''),
    outbound: guardedFetch({ standIns: new StandIns([x.signIn.server.origin]) }),
    clock,
    reconnectNeeded: async (account) => void notices.push(account),
  });
  const { provider, app } = x.signIn;
  const connect = {
    ...access,
    random: () => randomBytes(32).toString('base64url'),
    redirectUri: () => app.redirectUris[0] ?? '',
    identify: async () => '@dimanche_fm',
  };
  const { callback } = await consent(await beginConnect(provider, connect));
  expect((await finishConnect(provider, callback, connect)).ok).toBe(true);
  return { table, access, notices, refresh: accountsRefresh(access, async () => [provider]) };
};

describe('the hourly refresh, wired as on AWS', () => {
  it('keeps X’s 2-hour tokens alive hour after hour, sealed by KMS on the table', async () => {
    const { table, access, refresh } = await connectedX();
    for (let hour = 0; hour < 6; hour += 1) {
      later(HOUR);
      expect(await refresh()).toEqual({ x: 'refreshed' });
    }
    const account = await access.accounts.get('x');
    expect(account?.sealed).toMatch(/^kms\.v1\./);
    const tokens = JSON.parse(await access.sealer.open(account?.sealed ?? '')) as { accessToken: string };
    expect(x.signIn.accepts(tokens.accessToken)).toBe(true);
    // What DynamoDB holds: nothing of the tokens, only the sealed blob and the dates.
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'ACCOUNTS', sk: 'ACCOUNT#x' } }),
    );
    expect(JSON.stringify(Item)).not.toContain(tokens.accessToken);
  });

  it('turns a refused grant "à reconnecter" and tells her once, however many runs follow', async () => {
    const { notices, refresh } = await connectedX();
    x.signIn.server.revokeAll();
    later(HOUR);
    expect(await refresh()).toEqual({ x: 'to_reconnect' });
    later(HOUR);
    expect(await refresh()).toEqual({ x: 'to_reconnect' });
    expect(notices.map((account) => [account.provider, account.lastError])).toEqual([
      ['x', 'refresh_refused'],
    ]);
  });

  it('fails the run, not the account, when KMS will not open the token (a disabled key)', async () => {
    const { access, refresh } = await connectedX();
    const before = await access.accounts.get('x');
    kms.setEnabled(kms.keyArns[0] ?? '', false);
    try {
      later(HOUR);
      await expect(refresh()).rejects.toThrow(/KMS would not open/);
    } finally {
      kms.setEnabled(kms.keyArns[0] ?? '', true);
    }
    expect(await access.accounts.get('x')).toEqual(before);
  });
});

describe('the networks it refreshes', () => {
  it('are those signed in through a developer app the operator registered, in the registry’s order', () => {
    const providers = appProviders({
      linkedin: { clientId: 'li-app' },
      x: { clientId: 'x-app', clientSecret: 'x-secret' },
    });
    expect(providers.map((p) => p.id)).toEqual(['x', 'linkedin']);
    const [xProvider, linkedin] = providers;
    expect(xProvider).toMatchObject({
      clientId: 'x-app',
      clientSecret: 'x-secret',
      rotatesRefreshTokens: true,
    });
    expect(xProvider?.scopes).toContain('offline.access');
    expect(linkedin).toMatchObject({ clientId: 'li-app', clientAuth: 'none' });
    expect(appProviders({})).toEqual([]);
  });

  it('never include Mastodon or Bluesky, which need no app of the operator', () => {
    const everyApp = Object.fromEntries(NETWORK_REGISTRY.ids.map((id) => [id, { clientId: `${id}-app` }]));
    const ids = appProviders(everyApp).map((p) => p.id);
    expect(ids).not.toContain('mastodon');
    expect(ids).not.toContain('bluesky');
    expect(ids).toEqual(
      NETWORK_REGISTRY.rows.filter((row) => row.signIn.kind === 'oauth').map((row) => row.id),
    );
  });
});

describe('the tokens it checks (they never expire, and die with her password)', () => {
  it('adds Mastodon, which has no provider of the operator’s, and the networks the apps leave out', () => {
    const ids = withCheckedNetworks(appProviders({ x: { clientId: 'x-app' } })).map((p) => p.id);
    expect(ids).toEqual(['x', 'mastodon', 'facebook']);
    // A network with a provider already is not added twice.
    const both = withCheckedNetworks(appProviders({ facebook: { clientId: 'fb-app' } })).map((p) => p.id);
    expect(both.filter((id) => id === 'facebook')).toHaveLength(1);
  });

  it('turns her revoked Facebook Page "à reconnecter" on the table before Sunday, with one mail', async () => {
    const facebook = await startFacebookFake({ pageId: '104857600123456', clock });
    try {
      const pageToken = await signInToFacebook(facebook, clock, '104857600123456');
      const table = await freshTable(inject('dynaliteUrl'));
      const notices: ConnectedAccount[] = [];
      const outbound = guardedFetch({ standIns: new StandIns([facebook.url]) });
      const sealer = kmsTokenSealer(kmsClient(kms.url), kms.keyArns[0] ?? '');
      const access = accountAccessDeps(table, {
        sealer,
        outbound,
        clock,
        reconnectNeeded: async (account) => void notices.push(account),
      });
      await access.accounts.put(
        {
          provider: 'facebook',
          label: 'Dimanche',
          profile: { baseUrl: facebook.url, pageId: '104857600123456', graphVersion: 'v21.0' },
          state: 'connected',
          sealed: await sealer.seal(JSON.stringify({ accessToken: pageToken })),
          canRefresh: false,
          connectedAt: clock.now().toISOString(),
          version: 1,
        },
        undefined,
      );
      const refresh = accountsRefresh(access, async () => withCheckedNetworks([]), accountChecks(outbound));
      expect(await refresh()).toEqual({ mastodon: 'not_connected', facebook: 'checked' });
      facebook.revokeAll();
      later(6 * HOUR);
      expect(await refresh()).toMatchObject({ facebook: 'to_reconnect' });
      later(6 * HOUR);
      expect(await refresh()).toMatchObject({ facebook: 'to_reconnect' });
      expect(notices.map((account) => [account.provider, account.lastError])).toEqual([
        ['facebook', 'revoked'],
      ]);
    } finally {
      await facebook.close();
    }
  });
});
