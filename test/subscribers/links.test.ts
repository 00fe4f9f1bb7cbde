import { beforeEach, describe, expect, it } from 'vitest';
import { receivesIssues } from '../../shared/domain/subscriber.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { testApp } from '../support/test-app.ts';
import { idOf, signUpJson, type TestApp, tokenFor, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const confirmedSubscriber = async () => {
  const email = uniqueAddress();
  const subscriber = aSubscriber({ id: idOf(email), email });
  await t.subscribers.create(subscriber);
  return subscriber;
};
const oneClick = (path: string) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
const forge = (token: string) => `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;

describe('one-click unsubscribe at /u/:token (RFC 8058)', () => {
  it('unsubscribes on the POST at once: 200, no redirect, no cookie, out of the Sunday audience', async () => {
    const subscriber = await confirmedSubscriber();
    const response = await oneClick(`/u/${await tokenFor(subscriber.id, 'unsubscribe')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('Vous êtes désabonné·e');
    const stored = await t.subscribers.get(subscriber.id);
    expect(stored).toMatchObject({ status: 'unsubscribed', unsubscribedAt: '2026-11-24T10:00:00.000Z' });
    expect(stored && receivesIssues(stored)).toBe(false);
    const audience = await t.subscribers.listByStatus('confirmed', { limit: 100 });
    expect(audience.items.map((s) => s.id)).not.toContain(subscriber.id);
  });

  it('shows a one-button form on the GET and changes nothing', async () => {
    const subscriber = await confirmedSubscriber();
    const path = `/u/${await tokenFor(subscriber.id, 'unsubscribe')}`;
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<form method="post" action="${path}">`);
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click" />');
    expect(await t.subscribers.get(subscriber.id)).toEqual(subscriber);
  });

  it('changes nothing for a forged, altered or misused token', async () => {
    const subscriber = await confirmedSubscriber();
    const token = await tokenFor(subscriber.id, 'unsubscribe');
    const forgedPaths = [
      `/u/${forge(token)}`,
      `/u/${await tokenFor(subscriber.id, 'preferences')}`,
      '/u/not-a-token',
      `/u/${token.split('.').slice(0, 2).join('.')}.`,
    ];
    for (const path of forgedPaths) {
      const response = await oneClick(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Lien invalide');
    }
    expect(await t.subscribers.get(subscriber.id)).toEqual(subscriber);
  });

  it('is harmless to repeat', async () => {
    const subscriber = await confirmedSubscriber();
    const path = `/u/${await tokenFor(subscriber.id, 'unsubscribe')}`;
    await oneClick(path);
    const first = await t.subscribers.get(subscriber.id);
    t.clock.set('2026-11-25T10:00:00Z');
    expect((await oneClick(path)).status).toBe(200);
    expect(await t.subscribers.get(subscriber.id)).toEqual(first);
  });
});

describe('the confirmation link at /confirm/:token', () => {
  it('changes nothing on the GET, nor for a forged, expired or unsubscribe token', async () => {
    const email = uniqueAddress();
    await signUpJson(t, { email });
    const id = idOf(email);
    const token = await tokenFor(id, 'confirm', 7 * 24 * 3600);
    expect((await t.app.request(`/confirm/${token}`)).status).toBe(200);
    for (const path of [`/confirm/${forge(token)}`, `/confirm/${await tokenFor(id, 'unsubscribe')}`]) {
      expect((await t.app.request(path, { method: 'POST' })).status).toBe(404);
    }
    t.clock.set('2026-12-01T10:00:01Z');
    const expired = await t.app.request(`/confirm/${token}`, { method: 'POST' });
    expect(expired.status).toBe(404);
    expect((await t.subscribers.get(id))?.status).toBe('pending');
  });

  it('does not bring back someone who unsubscribed meanwhile, and is harmless to repeat', async () => {
    const email = uniqueAddress();
    await signUpJson(t, { email });
    const id = idOf(email);
    const token = await tokenFor(id, 'confirm', 3600);
    expect((await t.app.request(`/confirm/${token}`, { method: 'POST' })).status).toBe(200);
    expect((await t.app.request(`/confirm/${token}`, { method: 'POST' })).status).toBe(200);
    await oneClick(`/u/${await tokenFor(id, 'unsubscribe')}`);
    const again = await t.app.request(`/confirm/${token}`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await t.subscribers.get(id))?.status).toBe('unsubscribed');
  });
});
