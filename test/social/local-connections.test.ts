import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectLocally } from '../../infra/local/oauth/local-sign-in.ts';
import { xStandIn } from '../../infra/local/social/x/stand-in.ts';
import type { XFake } from '../../infra/local/social/x/fake.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { movableClock } from '../support/test-app.ts';

describe('the stand-ins’ connections in the runtime’s store, across restarts', () => {
  it('keeps a connection while its fake honours it, and connects again to a fake restarted elsewhere', async () => {
    const into = {
      accounts: memoryConnectedAccounts(),
      sealer: aesGcmSealer(randomBytes(32)),
      clock: movableClock(),
    };
    const first = await xStandIn(0, into);
    try {
      const connected = await into.accounts.get('x');
      expect(connected).toMatchObject({
        label: '@dimanche_fm',
        profile: { baseUrl: first.fake.url, username: 'dimanche_fm' },
        state: 'connected',
        canRefresh: true,
        version: 1,
      });
      // The same fake, still running: the kept connection is used, no sign-in.
      const kept = await connectLocally(
        'x',
        into,
        {
          label: '@dimanche_fm',
          profile: { baseUrl: first.fake.url, username: 'dimanche_fm' },
          accepts: (first.fake as XFake).signIn.accepts,
        },
        () => Promise.reject(new Error('signed in again')),
      );
      expect(kept.accessToken).toBe(first.account.accessToken);
    } finally {
      await first.fake.close();
    }
    // Restarted on another port, the fake knows none of yesterday's tokens: connected again, replacing it.
    const second = await xStandIn(0, into);
    try {
      expect(await into.accounts.get('x')).toMatchObject({
        profile: { baseUrl: second.fake.url },
        version: 2,
      });
      expect((second.fake as XFake).signIn.accepts(second.account.accessToken)).toBe(true);
    } finally {
      await second.fake.close();
    }
  });
});
