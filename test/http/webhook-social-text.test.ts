import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { aWordpressPost } from '../builders/wordpress-post.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const post = (body: unknown) => t.app.request('/webhooks/posts', signedPost(body));
const stored = async () => (await t.itemsOf('ISSUE#iss_34')).find((item) => item.sk === 'META');
const refusal = async (response: Response) => {
  expect(response.status).toBe(422);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(await stored()).toBeUndefined();
  return ((await response.json()) as { errors: { pointer: string; detail: string }[] }).errors;
};

describe("the author's own text per network, in our post shape", () => {
  it('is stored on the issue as sent, French and emoji intact, line endings made LF', async () => {
    const socialText = {
      mastodon: 'Ce dimanche\u00a0: «\u00a0Chambre en Provence\u00a0» 🌿\r\nBonne écoute\u00a0!',
      bluesky: '  La playlist de la Fête de la musique 👩‍👩‍👧  ',
    };
    expect((await post({ ...examplePostBody(), socialText })).status).toBe(201);
    expect((await stored())?.socialText).toEqual({
      mastodon: 'Ce dimanche\u00a0: «\u00a0Chambre en Provence\u00a0» 🌿\nBonne écoute\u00a0!',
      bluesky: 'La playlist de la Fête de la musique 👩‍👩‍👧',
    });
  });

  it('is a change like any other: a new text before Sunday makes a new revision', async () => {
    expect((await post(examplePostBody())).status).toBe(201);
    const revised = await post({ ...examplePostBody(), socialText: { x: 'Nouveau texte pour X' } });
    expect(revised.status).toBe(200);
    expect(await revised.json()).toMatchObject({ outcome: 'revised', revision: 2 });
    expect((await stored())?.socialText).toEqual({ x: 'Nouveau texte pour X' });
  });

  it.each([
    ['an unknown network', { tiktok: 'Salut' }, '/socialText/tiktok', /not a network: one of mastodon/],
    ['an empty text', { x: '   ' }, '/socialText/x', /must not be empty/],
    ['a text of 5,001 characters', { linkedin: 'a'.repeat(5001) }, '/socialText/linkedin', /at most 5000/],
    ['a control character', { threads: 'bip\u0007' }, '/socialText/threads', /control characters/],
    ['a byte-order mark', { x: 'bi\ufeffp' }, '/socialText/x', /control characters/],
    ['a text that is not a string', { facebook: 42 }, '/socialText/facebook', /must be a string/],
    ['a list instead of an object', ['Salut'], '/socialText', /must be an object/],
  ])(
    'is refused with 422 naming the field for %s, and nothing is written',
    async (_c, socialText, pointer, detail) => {
      const errors = await refusal(await post({ ...examplePostBody(), socialText }));
      expect(errors).toEqual([{ pointer, detail: expect.stringMatching(detail) }]);
    },
  );
});

describe("the author's own text per network, from WordPress post meta", () => {
  it('is read from meta.dimanche_social', async () => {
    const meta = { dimanche_social: { threads: 'Sur Threads 🧵' } };
    expect((await post(aWordpressPost({ meta }))).status).toBe(201);
    expect((await stored())?.socialText).toEqual({ threads: 'Sur Threads 🧵' });
  });

  it('names the WordPress field of an unknown network', async () => {
    const meta = { dimanche_social: { myspace: 'Salut' } };
    const errors = await refusal(await post(aWordpressPost({ meta })));
    expect(errors.map((e) => e.pointer)).toEqual(['/meta/dimanche_social/myspace']);
  });
});
