import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import type { SessionCheck } from '../../shared/ports/account-identity.ts';
import { connectWithAppPassword } from '../../shared/usecases/accounts/connect-app-password.ts';
import { instanceOrigin } from '../../shared/usecases/accounts/connect-instance.ts';
import { chooseAccount } from '../../shared/usecases/accounts/connect-network.ts';
import { movableClock } from '../support/test-app.ts';

const deps = () => ({
  accounts: memoryConnectedAccounts(),
  sealer: aesGcmSealer(randomBytes(32)),
  clock: movableClock(),
});

describe('her Mastodon address', () => {
  it.each([
    ['piaille.fr', 'https://piaille.fr'],
    [' https://piaille.fr/@dimanche ', 'https://piaille.fr'],
    ['@dimanche@piaille.fr', 'https://piaille.fr'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
  ])('%s is the instance %s', (typed, origin) => expect(instanceOrigin(typed)).toBe(origin));

  it.each(['', 'piaille', 'pas une adresse', 'ftp://piaille.fr', 'javascript:alert(1)'])(
    '%j is no instance',
    (typed) => expect(instanceOrigin(typed)).toBeUndefined(),
  );
});

describe('Bluesky by app password', () => {
  const session =
    (answer: SessionCheck, calls: string[] = []) =>
    async (identifier: string) => {
      calls.push(identifier);
      return answer;
    };

  it('opens one session, then keeps the app password sealed with her handle and PDS as the profile', async () => {
    const d = deps();
    const calls: string[] = [];
    const ok = { ok: true, handle: 'dimanche.bsky.social', service: 'https://bsky.social' } as const;
    const result = await connectWithAppPassword(
      'bluesky',
      { handle: '@Dimanche.bsky.social', password: 'abcd-efgh-ijkl-mnop' },
      { ...d, openSession: session(ok, calls) },
    );
    expect(result).toMatchObject({
      ok: true,
      account: { label: '@dimanche.bsky.social', canRefresh: false },
    });
    expect(calls).toEqual(['dimanche.bsky.social']);
    const stored = await d.accounts.get('bluesky');
    expect(stored?.profile).toEqual({ baseUrl: 'https://bsky.social', identifier: 'dimanche.bsky.social' });
    expect(JSON.parse(await d.sealer.open(stored?.sealed ?? ''))).toEqual({
      accessToken: 'abcd-efgh-ijkl-mnop',
    });
  });

  it('never sends a password that is not shaped like an app password', async () => {
    const d = deps();
    const calls: string[] = [];
    const result = await connectWithAppPassword(
      'bluesky',
      { handle: 'dimanche.bsky.social', password: 'my main password' },
      { ...d, openSession: session({ ok: false, error: 'refused' }, calls) },
    );
    expect(result).toEqual({ ok: false, error: 'not_app_password' });
    expect(calls).toEqual([]);
    expect(await d.accounts.list()).toEqual([]);
  });
});

describe('the pick after consent', () => {
  it('is held once: a second use, another network’s hold or an unknown choice saves nothing', async () => {
    const d = deps();
    const held = {
      tokens: { accessToken: 'user-token' },
      choices: [{ id: 'p1', label: 'Dimanche', profile: { pageId: 'p1' }, accessToken: 'page-token' }],
    };
    const hold = async (state: string, provider = 'facebook#choose') =>
      d.accounts.savePending({
        state,
        provider,
        codeVerifier: await d.sealer.seal(JSON.stringify(held)),
        validUntil: '2099-01-01T00:00:00Z',
      });
    await hold('h1');
    expect(await chooseAccount('linkedin', { hold: 'h1', id: 'p1' }, d)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    await hold('h2');
    expect(await chooseAccount('facebook', { hold: 'h2', id: 'nope' }, d)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    await hold('h3');
    expect(await chooseAccount('facebook', { hold: 'h3', id: 'p1' }, d)).toMatchObject({ ok: true });
    expect(await chooseAccount('facebook', { hold: 'h3', id: 'p1' }, d)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    const stored = await d.accounts.get('facebook');
    expect(JSON.parse(await d.sealer.open(stored?.sealed ?? ''))).toEqual({ accessToken: 'page-token' });
    expect(await d.accounts.list()).toHaveLength(1);
  });
});
