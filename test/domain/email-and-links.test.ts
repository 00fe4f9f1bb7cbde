import { createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import { type EmailAddress, normaliseEmail } from '../../shared/domain/email-address.ts';

const KEY_A = { id: 'k2026a', secret: 'a'.repeat(40) };
const KEY_B = { id: 'k2026b', secret: 'b'.repeat(40) };

describe('email addresses', () => {
  it('are trimmed and folded to one form', () => {
    expect(normaliseEmail('  Chloe.Martin@Exemple.FR ')).toBe('chloe.martin@exemple.fr');
  });

  it.each([
    '',
    'chloe',
    'chloe@',
    '@exemple.fr',
    'chloe@exemple',
    'a b@exemple.fr',
    'chloe@exemple.fr\r\nBcc: x@y.fr',
    'chloe@[127.0.0.1]',
  ])('refuses %j', (raw) => {
    expect(normaliseEmail(raw)).toBeUndefined();
  });
});

describe('subscriber ids', () => {
  it('are the same for the same address and different for another, and depend on the key', () => {
    const ids = hmacSubscriberIds('k'.repeat(32));
    const a = ids.idFor('chloe@exemple.fr' as EmailAddress);
    expect(a).toMatch(/^sub_[A-Za-z0-9_-]{32}$/);
    expect(ids.idFor('chloe@exemple.fr' as EmailAddress)).toBe(a);
    expect(ids.idFor('chloe2@exemple.fr' as EmailAddress)).not.toBe(a);
    expect(hmacSubscriberIds('j'.repeat(32)).idFor('chloe@exemple.fr' as EmailAddress)).not.toBe(a);
  });
});

describe('signed links', () => {
  const claims = { purpose: 'unsubscribe' as const, subscriberId: 'sub_abc' as const };

  it('verify for their purpose and subscriber', async () => {
    const tokens = jwsLinkTokens([KEY_A]);
    const token = await tokens.sign(claims);
    expect(await tokens.verify(token, 'unsubscribe')).toEqual({ ok: true, claims });
    expect(await tokens.verify(token, 'preferences')).toEqual({ ok: false, error: 'wrong_purpose' });
  });

  it('refuse an altered, forged or truncated token', async () => {
    const tokens = jwsLinkTokens([KEY_A]);
    const token = await tokens.sign(claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ pur: 'unsubscribe', sub: 'sub_other' })).toString(
      'base64url',
    );
    const forged = await jwsLinkTokens([{ id: KEY_A.id, secret: 'f'.repeat(40) }]).sign(claims);
    for (const bad of [
      `${header}.${otherPayload}.${signature}`,
      forged,
      token.slice(0, -2),
      'not-a-token',
      '',
    ]) {
      expect(await tokens.verify(bad, 'unsubscribe')).toEqual({ ok: false, error: 'invalid' });
    }
    expect(payload).toBeTruthy();
  });

  it('keep verifying with an older key after rotation, and refuse an unknown key', async () => {
    const before = await jwsLinkTokens([KEY_A]).sign(claims);
    expect(await jwsLinkTokens([KEY_B, KEY_A]).verify(before, 'unsubscribe')).toMatchObject({ ok: true });
    expect(await jwsLinkTokens([KEY_B]).verify(before, 'unsubscribe')).toEqual({
      ok: false,
      error: 'invalid',
    });
  });

  it('are the very tokens jose signs, with and without an expiry', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const iat = Math.floor(now.getTime() / 1000);
    const byJose = (purpose: string, exp?: number) => {
      const jwt = new SignJWT({ pur: purpose })
        .setProtectedHeader({ alg: 'HS256', kid: KEY_A.id })
        .setSubject('sub_abc')
        .setIssuedAt(iat);
      if (exp !== undefined) jwt.setExpirationTime(exp);
      return jwt.sign(createSecretKey(Buffer.from(KEY_A.secret, 'utf8')));
    };
    const tokens = jwsLinkTokens([KEY_A, KEY_B], () => now);
    expect(await tokens.sign(claims)).toBe(await byJose('unsubscribe'));
    expect(
      await tokens.sign({ purpose: 'confirm', subscriberId: 'sub_abc' }, { expiresInSeconds: 3600 }),
    ).toBe(await byJose('confirm', iat + 3600));
  });

  it('expire when asked to', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    const tokens = jwsLinkTokens([KEY_A], () => now);
    const token = await tokens.sign(
      { purpose: 'confirm', subscriberId: 'sub_abc' },
      { expiresInSeconds: 3600 },
    );
    expect(await tokens.verify(token, 'confirm')).toMatchObject({ ok: true });
    now = new Date('2026-11-24T11:00:01Z');
    expect(await tokens.verify(token, 'confirm')).toEqual({ ok: false, error: 'expired' });
  });
});
