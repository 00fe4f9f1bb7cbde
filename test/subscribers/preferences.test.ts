import { beforeEach, describe, expect, it } from 'vitest';
import { receivesIssues } from '../../shared/domain/subscriber.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { testApp } from '../support/test-app.ts';
import { idOf, type TestApp, tokenFor, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const save = (path: string, fields: Record<string, string>) =>
  t.app.request(path, { method: 'POST', body: new URLSearchParams(fields) });

describe('the preferences page', () => {
  it('changes language, platform and pause, and a paused reader is out of the Sunday audience until resumed', async () => {
    const email = uniqueAddress();
    const subscriber = aSubscriber({ id: idOf(email), email });
    await t.subscribers.create(subscriber);
    const path = `/preferences/${await tokenFor(subscriber.id, 'preferences')}`;

    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<label for="platform">Plateforme musicale préférée</label>');
    // Export and erasure are asked for here, and done only through a link mailed to the address.
    expect(html).toContain('<input type="hidden" name="want" value="erase" />');

    const saved = await save(path, { language: 'en', platform: 'deezer', delivery: 'paused' });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Preferences saved.');
    const paused = await t.subscribers.get(subscriber.id);
    expect(paused).toMatchObject({
      status: 'confirmed',
      language: 'en',
      preferences: { platform: 'deezer', paused: true },
    });
    expect(paused && receivesIssues(paused)).toBe(false);

    await save(path, { language: 'en', platform: '', delivery: 'active' });
    const resumed = await t.subscribers.get(subscriber.id);
    expect(resumed).toMatchObject({ preferences: { paused: false } });
    expect(resumed && 'preferences' in resumed && resumed.preferences.platform).toBeUndefined();
    expect(resumed && receivesIssues(resumed)).toBe(true);
  });

  it('names a bad field, and changes nothing for a forged token', async () => {
    const email = uniqueAddress();
    const subscriber = aSubscriber({ id: idOf(email), email });
    await t.subscribers.create(subscriber);
    const path = `/preferences/${await tokenFor(subscriber.id, 'preferences')}`;
    const bad = await save(path, { language: 'de', platform: 'napster', delivery: 'paused' });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer).sort()).toEqual(['/language', '/platform']);
    const forged = await save(`/preferences/${await tokenFor(subscriber.id, 'unsubscribe')}`, {
      language: 'en',
      delivery: 'paused',
    });
    expect(forged.status).toBe(404);
    expect(await t.subscribers.get(subscriber.id)).toEqual(subscriber);
  });
});
