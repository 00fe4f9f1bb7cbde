import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '../../infra/local/social/mastodon/fake.ts';
import { signInToMastodon } from '../../infra/local/social/mastodon/stand-in.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { memoryInstanceApps } from '../../shared/adapters/oauth/memory-instance-apps.ts';
import type { AppRegistrar } from '../../shared/ports/instance-apps.ts';
import { instanceApp } from '../../shared/usecases/accounts/instance-app.ts';
import { movableClock } from '../support/test-app.ts';

let fake: MastodonFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const verify = (instance: MastodonFake, token: string) =>
  fetch(`${instance.url}/api/v1/accounts/verify_credentials`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('Mastodon: Dimanche’s app registered once per instance, then OAuth there', () => {
  it('registers on the first connect only, keeps the app, and the instance takes the token it issued', async () => {
    const clock = movableClock();
    fake = await startMastodonFake({ clock });
    const kept = { apps: memoryInstanceApps(), sealer: aesGcmSealer(randomBytes(32)) };
    const first = await signInToMastodon(fake, clock, kept);
    const second = await signInToMastodon(fake, clock, kept);
    expect(fake.registeredApps()).toHaveLength(1);
    expect(fake.registeredApps()[0]?.scopes).toContain('write:statuses');
    expect((await verify(fake, first.accessToken)).status).toBe(200);
    expect((await verify(fake, second.accessToken)).status).toBe(200);
    expect((await verify(fake, 'a-token-the-instance-never-issued')).status).toBe(401);
    fake.signIn.server.revokeAll();
    expect((await verify(fake, second.accessToken)).status).toBe(401);
  });

  it('keeps the app secret sealed, and uses the one kept when two connects register at once', async () => {
    const clock = movableClock();
    const apps = memoryInstanceApps();
    const sealer = aesGcmSealer(randomBytes(32));
    let n = 0;
    const register: AppRegistrar = async () => {
      n += 1;
      return { ok: true, clientId: `client-${n}`, clientSecret: `secret-${n}` };
    };
    const request = {
      clientName: 'Dimanche',
      redirectUri: 'https://d.example/cb',
      scopes: ['write:statuses'],
    };
    const deps = { apps, register, sealer, clock };
    const [a, b] = await Promise.all([
      instanceApp('https://piaille.fr/@dimanche', request, deps),
      instanceApp('https://piaille.fr', request, deps),
    ]);
    expect(a).toMatchObject({ ok: true, app: { clientId: 'client-1', clientSecret: 'secret-1' } });
    expect(b).toMatchObject({ ok: true, app: { clientId: 'client-1', clientSecret: 'secret-1' } });
    const kept = await apps.get('https://piaille.fr', request.redirectUri);
    expect(JSON.stringify(kept)).not.toContain('secret-1');
    expect(await instanceApp('https://piaille.fr', request, deps)).toMatchObject({ registered: false });
  });

  it('says so when the instance refuses the registration, and keeps nothing', async () => {
    const clock = movableClock();
    const apps = memoryInstanceApps();
    const register: AppRegistrar = async () => ({ ok: false, error: 'refused', detail: 'HTTP 422' });
    const request = {
      clientName: 'Dimanche',
      redirectUri: 'https://d.example/cb',
      scopes: ['write:statuses'],
    };
    const deps = { apps, register, sealer: aesGcmSealer(randomBytes(32)), clock };
    expect(await instanceApp('https://piaille.fr', request, deps)).toEqual({ ok: false, error: 'refused' });
    expect(await apps.get('https://piaille.fr', request.redirectUri)).toBeUndefined();
  });
});
