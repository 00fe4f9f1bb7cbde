import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBlueskyFake } from '../../infra/local/social/bluesky/fake.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { blueskyPublisher } from '../../shared/adapters/social/bluesky/publisher.ts';
import { savedBlueskySession } from '../../shared/adapters/social/bluesky/saved-session.ts';
import type { ConnectedAccountStore } from '../../shared/ports/connected-account-store.ts';
import { saveConnected } from '../../shared/usecases/accounts/save-connected.ts';
import { composedPost } from './social-fixtures.ts';

const PASSWORD = 'abcd-efgh-ijkl-mnop';
const HANDLE = 'dimanche.bsky.social';
const HOUR = 3_600_000;
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
let now: Date;
const clock = { now: () => now };
const sealer = aesGcmSealer(randomBytes(32));
let accounts: ConnectedAccountStore;

/** A new process: a new publisher, nothing in memory but what the store holds. */
const coldStart = () =>
  blueskyPublisher(
    { baseUrl: fake.url, identifier: HANDLE, appPassword: PASSWORD },
    { timeoutMs: 2_000, clock, ...savedBlueskySession({ accounts, sealer }) },
  );
const connect = () =>
  saveConnected(
    'bluesky',
    { label: `@${HANDLE}`, profile: { baseUrl: fake.url, identifier: HANDLE } },
    { accessToken: PASSWORD },
    { accounts, sealer, clock },
  );
const calls = async (nsid: string) =>
  (await control.requests()).filter((r) => r.path === `/xrpc/${nsid}`).length;
const post = (publisher: ReturnType<typeof coldStart>, key: string) =>
  publisher.publish({ post: composedPost('bluesky'), idempotencyKey: key });

beforeAll(async () => {
  fake = await startBlueskyFake({ appPassword: PASSWORD, clock });
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(async () => {
  now = new Date('2026-11-29T09:00:00Z');
  accounts = memoryConnectedAccounts();
  await control.reset();
  await connect();
});

describe('the Bluesky session kept on her connected account', () => {
  it('is resumed by the next process: two cold starts, one createSession', async () => {
    expect((await post(coldStart(), 'k-1')).kind).toBe('published');
    expect((await post(coldStart(), 'k-2')).kind).toBe('published');

    expect(await control.posts()).toHaveLength(2);
    expect(await calls('com.atproto.server.createSession')).toBe(1);
  });

  it('costs each later cold start one refresh (its access token dead or not), the rotated session kept', async () => {
    await post(coldStart(), 'k-1');
    const first = (await accounts.get('bluesky'))?.sealedSession;
    now = new Date(now.getTime() + 3 * HOUR);

    expect((await post(coldStart(), 'k-2')).kind).toBe('published');
    expect((await post(coldStart(), 'k-3')).kind).toBe('published');

    // The agent resumes a session by refreshing it: one refresh per cold start, never a login.
    expect(await calls('com.atproto.server.createSession')).toBe(1);
    expect(await calls('com.atproto.server.refreshSession')).toBe(2);
    expect((await accounts.get('bluesky'))?.sealedSession).not.toBe(first);
  });

  it('keeps the session sealed: no JWT of it is readable in the stored account', async () => {
    await post(coldStart(), 'k-1');
    const stored = JSON.stringify(await accounts.get('bluesky'));
    const session = await savedBlueskySession({ accounts, sealer }).loadSession();

    expect(session?.did).toBe('did:plc:dimanche2local3fake4pds');
    expect(stored).not.toContain(session?.accessJwt ?? 'none');
    expect(stored).not.toContain(session?.refreshJwt ?? 'none');
  });

  it('is dropped by a reconnect, and never saved on an account connected as someone else', async () => {
    await post(coldStart(), 'k-1');
    await connect();
    expect((await accounts.get('bluesky'))?.sealedSession).toBeUndefined();

    const other = await accounts.get('bluesky');
    await accounts.put(
      { ...other!, profile: { baseUrl: fake.url, identifier: 'someone.else' }, version: other!.version + 1 },
      other!.version,
    );
    await post(coldStart(), 'k-2');
    expect((await accounts.get('bluesky'))?.sealedSession).toBeUndefined();
  });

  it('survives a concurrent write to the account: the save reads it again and wins on the next version', async () => {
    let raced = false;
    const racing: ConnectedAccountStore = {
      ...accounts,
      put: async (account, expected) => {
        if (!raced && account.sealedSession) {
          raced = true;
          const current = await accounts.get('bluesky');
          await accounts.put(
            { ...current!, refreshedAt: now.toISOString(), version: current!.version + 1 },
            current!.version,
          );
        }
        return accounts.put(account, expected);
      },
    };
    const hooks = savedBlueskySession({ accounts: racing, sealer });
    const publisher = blueskyPublisher(
      { baseUrl: fake.url, identifier: HANDLE, appPassword: PASSWORD },
      { timeoutMs: 2_000, clock, ...hooks },
    );
    await post(publisher, 'k-1');

    const stored = await accounts.get('bluesky');
    expect(raced).toBe(true);
    expect(stored?.refreshedAt).toBe(now.toISOString());
    expect(stored?.sealedSession).toBeDefined();
  });
});
