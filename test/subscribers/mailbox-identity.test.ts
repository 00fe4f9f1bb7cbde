import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { type EmailAddress, legacySpellings, normaliseEmail } from '../../shared/domain/email-address.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { mailsTo } from '../support/mail-store.ts';
import { SUBSCRIBER_ID_KEY } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';
import { idOf, importCsv, signUpJson, type TestApp } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const unique = () => randomUUID().slice(0, 8);
/** The key the app used before the canonical form: the address trimmed and lower-cased, nothing more. */
const legacyIdOf = (spelling: string) =>
  hmacSubscriberIds(SUBSCRIBER_ID_KEY).idFor(spelling.trim().toLowerCase() as EmailAddress);

describe('one canonical form per mailbox', () => {
  it.each([
    ['"dup"@example.org', 'dup@example.org'],
    ['"Dup.Y"@Example.ORG', 'dup.y@example.org'],
    ['idn@exämple.fr', 'idn@xn--exmple-cua.fr'],
    ['idn@EXÄMPLE.fr', 'idn@xn--exmple-cua.fr'],
    [' x@straße.de ', 'x@xn--strae-oqa.de'],
  ])('%j is the mailbox %j', (spelling, canonical) => {
    expect(normaliseEmail(spelling)).toBe(canonical);
    expect(legacySpellings(canonical as EmailAddress)).toContain(
      `"${canonical.split('@')[0]}"@${canonical.split('@')[1]}`,
    );
  });

  it.each([
    '"b\r\nBcc: evil@attacker.example"@example.org',
    'a\n@example.org',
    'a@exam\u2028ple.org',
    'a\u2029@example.org',
    'a\u0085@example.org',
    'a\u000b@example.org',
    'a\u000c@example.org',
    'a@example.org\r\n',
    '"a b"@example.org',
    '"a@b"@example.org',
    '"a..b"@example.org',
    'a@xn--zz.fr',
  ])('refuses %j', (spelling) => {
    expect(normaliseEmail(spelling)).toBeUndefined();
  });

  it.each([
    ['dup', (u: string) => [`dup.${u}@example.org`, `"dup.${u}"@example.org`, `DUP.${u}@EXAMPLE.org`]],
    ['idn', (u: string) => [`idn.${u}@exämple.fr`, `idn.${u}@xn--exmple-cua.fr`, `"idn.${u}"@EXÄMPLE.FR`]],
  ])('the probe’s %s spellings sign up one record and get one mail', async (_, spellings) => {
    const u = unique();
    const [first, ...others] = spellings(u);
    const canonical = normaliseEmail(first ?? '') as EmailAddress;
    expect((await signUpJson(t, { email: first })).status).toBe(202);
    for (const other of others) {
      // The same mailbox within its cooldown: refused as a repeat, not a second reader.
      expect((await signUpJson(t, { email: other })).status).toBe(429);
    }
    expect((await mailsTo(`.${u}@`)).map((m) => m.destination.to)).toEqual([[canonical]]);
    expect(await t.subscribers.get(idOf(canonical))).toMatchObject({ status: 'pending', email: canonical });
    for (const spelling of legacySpellings(canonical))
      expect(await t.subscribers.get(legacyIdOf(spelling))).toBeUndefined();
  });

  it('finds a record stored under an old spelling by the canonical form, and erasing one spelling erases the reader', async () => {
    const u = unique();
    const unicode = `idn.${u}@exämple.fr`;
    const quoted = `"idn.${u}"@xn--exmple-cua.fr`;
    const canonical = `idn.${u}@xn--exmple-cua.fr`;
    // Two records of one mailbox, as the old keys made them.
    const old = aSubscriber({ id: legacyIdOf(unicode), email: unicode as EmailAddress });
    const older = aSubscriber({
      id: legacyIdOf(quoted),
      email: quoted as EmailAddress,
      status: 'unsubscribed',
    });
    expect(await t.subscribers.create(old)).toBe(true);
    expect(await t.subscribers.create(older)).toBe(true);

    const search = await t.app.request(`/admin/subscribers?email=${encodeURIComponent(canonical)}`, admin);
    expect(((await search.json()) as { items: unknown[] }).items).toMatchObject([
      { id: old.id, email: canonical },
    ]);

    // Confirmed already under the old key: no second record, no mail.
    expect((await signUpJson(t, { email: canonical })).status).toBe(202);
    expect(await t.subscribers.get(idOf(canonical))).toBeUndefined();
    expect(await mailsTo(`.${u}@`)).toEqual([]);

    const erased = await t.app.request(`/admin/subscribers/${old.id}`, { ...admin, method: 'DELETE' });
    expect(erased.status).toBe(204);
    for (const id of [old.id, older.id])
      expect(await t.subscribers.get(id)).toMatchObject({ status: 'suppressed', reason: 'erased' });
    expect(
      JSON.stringify([await t.itemsOf(`SUBSCRIBER#${old.id}`), await t.itemsOf(`SUBSCRIBER#${older.id}`)]),
    ).not.toContain(u);
  });

  it('imports no second reader for a mailbox stored under an old spelling, in any spelling the file uses', async () => {
    const u = unique();
    const unicode = `imp.${u}@exämple.fr`;
    const old = aSubscriber({ id: legacyIdOf(unicode), email: unicode as EmailAddress });
    expect(await t.subscribers.create(old)).toBe(true);

    // The quoted spelling is CSV-escaped: its quotes doubled inside a quoted field.
    const csv = `email,name\nimp.${u}@xn--exmple-cua.fr,A\n"""imp.${u}""@EXÄMPLE.fr",B\nnew.${u}@exämple.fr,C\n`;
    const response = await importCsv(t.app, csv, 'mode=confirm');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ created: 1, existing: 1, duplicates: 1 });
    expect(await t.subscribers.get(idOf(`imp.${u}@xn--exmple-cua.fr`))).toBeUndefined();
    expect(await t.subscribers.get(idOf(`new.${u}@xn--exmple-cua.fr`))).toMatchObject({ status: 'pending' });
    expect((await mailsTo(`.${u}@`)).map((m) => m.destination.to[0])).toEqual([`new.${u}@xn--exmple-cua.fr`]);
  });

  it.each([
    ['/email', { email: '"b\r\nBcc: evil@attacker.example"@example.org' }],
    ['/email', { email: 'b\u2028@example.org' }],
    ['/name', { name: 'Chloé\r\nBcc: evil@attacker.example' }],
    ['/name', { name: 'Chloé\u2028Martin' }],
    ['/name', { name: 'Chloé\u0085' }],
    ['/name', { name: '\u000bChloé' }],
    ['/name', { name: 'Chloé\u000c' }],
  ])('answers 422 naming %s, and stores nothing', async (pointer, fields) => {
    const email = `ctl.${unique()}@example.org`;
    const response = await signUpJson(t, { email, ...fields });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ pointer }),
    ]);
    expect(await t.subscribers.get(idOf(email))).toBeUndefined();
    expect(await mailsTo(email)).toEqual([]);
  });
});
