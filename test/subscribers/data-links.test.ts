import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { aSubscriber } from '../builders/subscriber.ts';
import { mailsTo } from '../support/mail-store.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';
import { idOf, linkIn, type TestApp, tokenFor, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const aReader = async (overrides: Parameters<typeof aSubscriber>[0] = {}) => {
  const email = uniqueAddress('data');
  const subscriber = aSubscriber({
    id: idOf(email),
    email,
    preferences: { platform: 'deezer', paused: false },
    ...overrides,
  });
  await t.subscribers.create(subscriber);
  return { email, subscriber, preferences: `/preferences/${await tokenFor(subscriber.id, 'preferences')}` };
};

const ask = (preferences: string, want: string) =>
  t.app.request(`${preferences}/data`, { method: 'POST', body: new URLSearchParams({ want }) });

/** The one /data/ link mailed to `email`, after exactly `count` such mails. */
const mailedLink = async (email: string, count = 1) => {
  const mails = await mailsTo(email);
  expect(mails).toHaveLength(count);
  return linkIn(mails.at(-1)?.body.html ?? '', BASE_URL, 'data');
};

describe('export and erasure behind a mailed single-use link', () => {
  it('a forwarded preferences link changes preferences but cannot export or erase', async () => {
    const { email, subscriber, preferences } = await aReader();
    const page = await (await t.app.request(preferences)).text();
    expect(page).not.toMatch(/\/export\/|\/data\/[\w-]{43}/);
    expect(page).toContain('Recevoir un lien pour télécharger mes données');

    // The routes that used to take the preferences link (or a link the page handed out) are gone.
    const erase = await t.app.request(`${preferences}/erase`, { method: 'POST' });
    expect(erase.status).toBe(404);
    for (const purpose of ['export', 'preferences'] as const)
      expect((await t.app.request(`/export/${await tokenFor(subscriber.id, purpose)}`)).status).toBe(404);

    // Asking sends the link to the reader's own address; the answer holds nothing usable.
    for (const want of ['export', 'erase']) {
      const answer = await ask(preferences, want);
      expect(answer.status).toBe(200);
      const text = await answer.text();
      expect(text).toContain('Un lien vient de partir vers votre adresse');
      expect(text).not.toContain('/data/');
    }
    expect((await mailsTo(email)).map((m) => m.destination.to)).toEqual([[email], [email]]);
    expect(await t.subscribers.get(subscriber.id)).toEqual(subscriber);
  });

  it('the mailed export link shows a button, works once, and stores only a hash of its secret', async () => {
    const { email, subscriber, preferences } = await aReader();
    await ask(preferences, 'export');
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe('Votre lien pour télécharger vos données – Online Sunday Morning Sound');
    expect(mail?.body.text).toContain('valable 15\u00a0minutes');
    const link = await mailedLink(email);
    const secret = link.split('/').at(-1) ?? '';
    const items = (await t.doc.send(new ScanCommand({ TableName: t.tableName }))).Items ?? [];
    expect(JSON.stringify(items)).not.toContain(secret);

    // Opening it (a person, or a mail scanner) uses nothing up.
    for (let i = 0; i < 2; i += 1) {
      const shown = await t.app.request(link);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await shown.text()).toContain('<button type="submit">Télécharger (JSON)</button>');
    }
    const data = await t.app.request(link, { method: 'POST' });
    expect(data.status).toBe(200);
    expect(data.headers.get('content-disposition')).toContain('attachment');
    expect(await data.json()).toMatchObject({
      subscriber: { id: subscriber.id, email, preferences: { platform: 'deezer' } },
    });
    expect((await t.app.request(link, { method: 'POST' })).status).toBe(404);
    expect((await t.app.request(link)).status).toBe(404);
  });

  it('the mailed erasure link erases once, in the reader’s language', async () => {
    const { email, subscriber, preferences } = await aReader({ language: 'en' });
    await ask(preferences, 'erase');
    expect((await mailsTo(email))[0]?.subject).toBe(
      'Your link to erase your data – Online Sunday Morning Sound',
    );
    const link = await mailedLink(email);
    expect(await (await t.app.request(link)).text()).toContain('Erase for good');
    const erased = await t.app.request(link, { method: 'POST' });
    expect(erased.status).toBe(200);
    expect(await erased.text()).toContain('Your address and data have been erased.');
    expect(await t.subscribers.get(subscriber.id)).toEqual({
      id: subscriber.id,
      status: 'suppressed',
      reason: 'erased',
      suppressedAt: '2026-11-24T10:00:00.000Z',
    });
    expect((await t.app.request(link, { method: 'POST' })).status).toBe(404);
    expect((await t.app.request(preferences)).status).toBe(404);
  });

  it('a link is worthless after 15 minutes, and a made-up or altered one is never honoured', async () => {
    const { email, subscriber, preferences } = await aReader();
    await ask(preferences, 'erase');
    const link = await mailedLink(email);
    t.clock.set('2026-11-24T10:14:59Z');
    expect((await t.app.request(link)).status).toBe(200);
    t.clock.set('2026-11-24T10:15:00Z');
    expect((await t.app.request(link)).status).toBe(404);
    expect((await t.app.request(link, { method: 'POST' })).status).toBe(404);
    const altered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [altered, '/data/x', `/data/${'A'.repeat(3000)}`])
      expect((await t.app.request(path, { method: 'POST' })).status).toBe(404);
    expect(await t.subscribers.get(subscriber.id)).toMatchObject({ status: 'confirmed', email });
  });

  it('limits how many links one reader can be sent, and names a bad request', async () => {
    const { email, preferences } = await aReader();
    for (let i = 0; i < 3; i += 1) expect((await ask(preferences, 'export')).status).toBe(200);
    const fourth = await ask(preferences, 'export');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await mailsTo(email)).toHaveLength(3);
    const bad = await t.app.request(`${preferences}/data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ want: 'everything' }),
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ pointer: '/want' }] });
  });
});
