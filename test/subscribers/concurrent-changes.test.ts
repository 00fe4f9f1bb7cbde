import { beforeEach, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../shared/domain/platforms.ts';
import type { Subscriber } from '../../shared/domain/subscriber.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { testApp } from '../support/test-app.ts';
import { idOf, type TestApp, tokenFor, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

type Change = { language: 'fr' | 'en'; platform: string; delivery: 'active' | 'paused' };

/** 16 different changes: whichever is stored, it says which request wrote it. */
const CHANGES: Change[] = (['fr', 'en'] as const).flatMap((language) =>
  (['active', 'paused'] as const).flatMap((delivery) =>
    ['', ...PLATFORMS.slice(0, 3)].map((platform) => ({ language, platform, delivery })),
  ),
);

const stored = (s: Subscriber): Change => ({
  language: s.language,
  platform: s.preferences.platform ?? '',
  delivery: s.preferences.paused ? 'paused' : 'active',
});

describe('a reader changed by several requests at once', () => {
  it.each([1, 2, 3])(
    'ends consistent after 16 concurrent preference changes and an unsubscribe, each answer true (run %i)',
    async () => {
      const email = uniqueAddress('race');
      // A platform no change names: the record's first state is never one a request could have written.
      const initial = aSubscriber({
        id: idOf(email),
        email,
        language: 'fr',
        preferences: { paused: false, platform: 'tidal' },
      });
      await t.subscribers.create(initial);
      const preferences = `/preferences/${await tokenFor(initial.id, 'preferences')}`;
      const unsubscribeLink = `/u/${await tokenFor(initial.id, 'unsubscribe')}`;
      expect(CHANGES).toHaveLength(16);

      const save = (change: Change) =>
        t.app.request(preferences, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(change),
        });
      const [unsubscribed, ...answers] = await Promise.all([
        t.app.request(unsubscribeLink, { method: 'POST' }),
        ...CHANGES.map(save),
      ]);
      expect(unsubscribed?.status).toBe(200);

      const saved = CHANGES.filter((_, i) => answers[i]?.status === 200);
      const refused = CHANGES.filter((_, i) => answers[i]?.status === 409);
      expect(saved.length + refused.length).toBe(16);
      const final = (await t.subscribers.get(initial.id)) as Subscriber;
      expect(final.status).toBe('unsubscribed');
      // Every write that succeeded bumped the version once: none was written over without being read.
      expect(final.version).toBe(saved.length + 1);
      // The unsubscribe kept the last saved change, which was never undone; a refused one never landed.
      expect(saved.length === 0 ? [stored(initial)] : saved).toContainEqual(stored(final));
      expect(refused).not.toContainEqual(stored(final));

      // After the unsubscribe, a change is refused, and the record stays as it is.
      const after = await save({ language: 'en', platform: 'deezer', delivery: 'paused' });
      expect(after.status).toBe(409);
      expect(await t.subscribers.get(initial.id)).toEqual(final);
    },
  );

  it('answers a form with a page saying why a change after an unsubscribe was refused', async () => {
    const email = uniqueAddress('left');
    const reader = aSubscriber({ id: idOf(email), email, status: 'unsubscribed' });
    await t.subscribers.create(reader);
    const page = await t.app.request(`/preferences/${await tokenFor(reader.id, 'preferences')}`, {
      method: 'POST',
      body: new URLSearchParams({ language: 'en', platform: '', delivery: 'paused' }),
    });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Vos préférences ne peuvent plus être modifiées.');
    // The page itself says so, and offers no form that would be refused.
    const shown = await (
      await t.app.request(`/preferences/${await tokenFor(reader.id, 'preferences')}`)
    ).text();
    expect(shown).toContain('Vos préférences ne peuvent plus être modifiées.');
    expect(shown).not.toContain('name="delivery"');
    expect(shown).toContain('Recevoir un lien pour effacer mes données');
    expect(await t.subscribers.get(reader.id)).toEqual(reader);
  });
});
