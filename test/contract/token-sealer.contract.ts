import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TokenSealer } from '../../shared/ports/token-sealer.ts';

/** A sealer, and another of the same kind holding another key (a blob sealed by one must not open in the other). */
export type MakeSealers = () => Promise<{ sealer: TokenSealer; otherKey: TokenSealer }>;

const TOKEN_SET = JSON.stringify({
  accessToken: 'at-Zq8v1w-dimanche-secret-access',
  refreshToken: 'rt-9f3k-dimanche-secret-refresh',
  accessExpiresAt: '2026-12-07T20:00:00.000Z',
});
const UNICODE = 'Thé à l’œil 🎧 — 日曜日の音 — ✓ ñ';

/** Every form the plaintext could leak in: as is, and as base64 or base64url (a blob's usual dress). */
const leaksOf = (plaintext: string) => {
  const bytes = Buffer.from(plaintext, 'utf8');
  return [plaintext, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')];
};

/** An error as a crash report would print it: message, stack and every field down the `cause` chain. */
const printed = (error: unknown) => inspect(error, { depth: 12, showHidden: true, getters: false });

/** One base64url character changed in the middle of the sealed body (never a separator). */
const tampered = (sealed: string): string => {
  let at = Math.floor(sealed.length * 0.6);
  while (sealed[at] === '.') at += 1;
  const swap = sealed[at] === 'A' ? 'B' : 'A';
  return `${sealed.slice(0, at)}${swap}${sealed.slice(at + 1)}`;
};

const namedFailure = async (opening: Promise<string>): Promise<Error> => {
  const error: unknown = await opening.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toMatch(/^[A-Z][A-Za-z]+Error$/);
  return error as Error;
};

/** What every TokenSealer promises the refresh and publish steps: secret, bound to its key, tamper-evident. */
export const tokenSealerContract = (label: string, makeSealers: MakeSealers) => {
  describe(`token sealer on ${label}`, () => {
    let sealer: TokenSealer;
    let otherKey: TokenSealer;
    beforeEach(async () => {
      ({ sealer, otherKey } = await makeSealers());
    });

    it('opens what it sealed, unicode and a token set alike, and never seals twice the same way', async () => {
      for (const plaintext of [UNICODE, TOKEN_SET]) {
        const sealed = await sealer.seal(plaintext);
        expect(await sealer.open(sealed)).toBe(plaintext);
        expect(await sealer.seal(plaintext)).not.toBe(sealed);
      }
    });

    it('shows nothing of the plaintext in the sealed string', async () => {
      const sealed = await sealer.seal(TOKEN_SET);
      for (const leak of leaksOf(TOKEN_SET)) expect(sealed).not.toContain(leak);
      for (const part of ['at-Zq8v1w', 'rt-9f3k', 'dimanche-secret']) expect(sealed).not.toContain(part);
    });

    it('refuses a sealed string with one byte changed, with a named error', async () => {
      const sealed = await sealer.seal(TOKEN_SET);
      await namedFailure(sealer.open(tampered(sealed)));
      await namedFailure(sealer.open(sealed.slice(0, -4)));
      await namedFailure(sealer.open('not sealed at all'));
    });

    it('refuses a blob sealed with another key', async () => {
      const elsewhere = await otherKey.seal(TOKEN_SET);
      await namedFailure(sealer.open(elsewhere));
      expect(await otherKey.open(elsewhere)).toBe(TOKEN_SET);
    });

    it('tells nothing of the plaintext in a failure’s message or cause', async () => {
      const sealed = await sealer.seal(TOKEN_SET);
      const failures = [
        await namedFailure(sealer.open(tampered(sealed))),
        await namedFailure(sealer.open(await otherKey.seal(TOKEN_SET))),
      ];
      for (const failure of failures)
        for (const leak of [...leaksOf(TOKEN_SET), 'at-Zq8v1w', 'rt-9f3k'])
          expect(printed(failure)).not.toContain(leak);
    });
  });
};
