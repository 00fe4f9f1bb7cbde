import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { type EmailAddress, legacySpellings } from '../../shared/domain/email-address.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { mailsTo } from '../support/mail-store.ts';
import { SUBSCRIBER_ID_KEY } from '../support/signed-request.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';
import { fromIp, linkIn, type TestApp, tokenFor } from './support.ts';

/**
 * One reader, changed by the requests a person (or someone holding a forwarded mail) can make, in any order:
 * sign-up under any spelling of the address, confirmation, preference changes, unsubscribe, and export or
 * erasure through the mailed link. The reader starts as a record stored before the canonical form (its domain
 * in Unicode), so every step must find that record and no other is ever made.
 */
type Status = 'confirmed' | 'pending' | 'unsubscribed' | 'erased';
type Model = { status: Status; language: 'fr' | 'en'; platform: string; paused: boolean };
type Real = {
  t: TestApp;
  id: SubscriberId;
  canonical: EmailAddress;
  spellings: string[];
  advance: (minutes: number) => void;
  ip: () => string;
};

const legacyId = (spelling: string) =>
  hmacSubscriberIds(SUBSCRIBER_ID_KEY).idFor(spelling.toLowerCase() as EmailAddress);

let t: TestApp;
let minutes = 0;
beforeAll(async () => {
  t = await testApp();
});

const checkStored = async (m: Model, r: Real) => {
  const stored = await r.t.subscribers.get(r.id);
  if (m.status === 'erased') expect(stored).toMatchObject({ status: 'suppressed', reason: 'erased' });
  else
    expect(stored).toMatchObject({
      status: m.status,
      language: m.language,
      preferences: { paused: m.paused, ...(m.platform ? { platform: m.platform } : {}) },
    });
  if (stored && 'preferences' in stored && !m.platform) expect(stored.preferences.platform).toBeUndefined();
  // One record for the mailbox, whatever spelling was used: the canonical key and the others stay empty.
  for (const spelling of [r.canonical, ...legacySpellings(r.canonical)]) {
    const id = hmacSubscriberIds(SUBSCRIBER_ID_KEY).idFor(spelling);
    if (id !== r.id) expect(await r.t.subscribers.get(id)).toBeUndefined();
  }
};

class SignUp implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly spelling: number,
    readonly language: 'fr' | 'en',
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.advance(11); // past the per-address cooldown
    const email = r.spellings[this.spelling % r.spellings.length];
    const response = await r.t.app.request(
      '/subscribe',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, language: this.language }),
      },
      fromIp(r.ip()),
    );
    expect(response.status).toBe(202);
    if (m.status === 'confirmed') return checkStored(m, r);
    if (m.status === 'erased') Object.assign(m, { platform: '', paused: false });
    Object.assign(m, { status: 'pending', language: this.language });
    await checkStored(m, r);
  }
  toString = () => `signUp(${this.spelling}, ${this.language})`;
}

class Confirm implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    r.advance(1);
    const response = await r.t.app.request(`/confirm/${await tokenFor(r.id, 'confirm')}`, { method: 'POST' });
    expect(response.status).toBeLessThan(500);
    if (m.status === 'pending') m.status = 'confirmed';
    await checkStored(m, r);
  }
  toString = () => 'confirm';
}

class ChangePreferences implements fc.AsyncCommand<Model, Real> {
  constructor(readonly change: { language: 'fr' | 'en'; platform: string; paused: boolean }) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.advance(1);
    const { language, platform, paused } = this.change;
    const response = await r.t.app.request(`/preferences/${await tokenFor(r.id, 'preferences')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language, platform, delivery: paused ? 'paused' : 'active' }),
    });
    const expected = { erased: 404, unsubscribed: 409, pending: 200, confirmed: 200 }[m.status];
    expect(response.status).toBe(expected);
    if (expected === 200) Object.assign(m, this.change);
    await checkStored(m, r);
  }
  toString = () => `preferences(${JSON.stringify(this.change)})`;
}

class Unsubscribe implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    r.advance(1);
    const response = await r.t.app.request(`/u/${await tokenFor(r.id, 'unsubscribe')}`, { method: 'POST' });
    expect(response.status).toBe(200);
    if (m.status === 'confirmed' || m.status === 'pending') m.status = 'unsubscribed';
    await checkStored(m, r);
  }
  toString = () => 'unsubscribe';
}

class UseDataLink implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly want: 'export' | 'erase',
    readonly forwarded: boolean,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    r.advance(21); // at most three links an hour per reader
    const before = (await mailsTo(r.canonical)).length;
    const asked = await r.t.app.request(`/preferences/${await tokenFor(r.id, 'preferences')}/data`, {
      method: 'POST',
      body: new URLSearchParams({ want: this.want }),
    });
    if (m.status === 'erased') {
      expect(asked.status).toBe(404);
      return checkStored(m, r);
    }
    expect(asked.status).toBe(200);
    // The page holds no link: whoever asked through a forwarded mail has nothing to use.
    expect(await asked.text()).not.toContain('/data/');
    const mails = await mailsTo(r.canonical);
    expect(mails).toHaveLength(before + 1);
    if (this.forwarded) return checkStored(m, r);
    const link = linkIn(mails.at(-1)?.body.html ?? '', BASE_URL, 'data');
    const used = await r.t.app.request(link, { method: 'POST' });
    expect(used.status).toBe(200);
    if (this.want === 'export')
      expect(await used.json()).toMatchObject({ subscriber: { id: r.id, language: m.language } });
    else m.status = 'erased';
    expect((await r.t.app.request(link, { method: 'POST' })).status).toBe(404);
    await checkStored(m, r);
  }
  toString = () => `${this.forwarded ? 'ask' : 'use'} ${this.want} link`;
}

const commands = [
  fc.tuple(fc.nat(5), fc.constantFrom('fr' as const, 'en' as const)).map(([s, l]) => new SignUp(s, l)),
  fc.constant(new Confirm()),
  fc
    .record({
      language: fc.constantFrom('fr' as const, 'en' as const),
      platform: fc.constantFrom('', 'spotify', 'deezer'),
      paused: fc.boolean(),
    })
    .map((change) => new ChangePreferences(change)),
  fc.constant(new Unsubscribe()),
  fc
    .tuple(fc.constantFrom('export' as const, 'erase' as const), fc.boolean())
    .map(([w, f]) => new UseDataLink(w, f)),
];

describe('one reader, in any order of requests', () => {
  it('stays one record whose state is the model’s, every answer true to it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const u = randomUUID().slice(0, 8);
        const stored = `model.${u}@exämple.fr`;
        const reader = aSubscriber({ id: legacyId(stored), email: stored as EmailAddress, language: 'fr' });
        await t.subscribers.create(reader);
        let ip = 0;
        const real: Real = {
          t,
          id: reader.id,
          canonical: `model.${u}@xn--exmple-cua.fr` as EmailAddress,
          spellings: [
            `model.${u}@xn--exmple-cua.fr`,
            `"model.${u}"@exämple.fr`,
            `MODEL.${u}@EXÄMPLE.FR`,
            stored,
            ` model.${u}@Xn--Exmple-Cua.fr `,
            `"model.${u}"@xn--exmple-cua.fr`,
          ],
          advance: (m) => {
            minutes += m;
            t.clock.set(new Date(Date.parse('2026-11-24T10:00:00Z') + minutes * 60_000).toISOString());
          },
          ip: () => `198.51.100.${(ip += 1) % 250}`,
        };
        const model: Model = { status: 'confirmed', language: 'fr', platform: '', paused: false };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
