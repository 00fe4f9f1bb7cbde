import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archivePosts } from '../../infra/local/cli/archive-source.ts';
import {
  type FakeWordpress,
  startFakeWordpress,
} from '../../infra/local/stand-ins/wordpress/fake-wordpress.ts';
import { aWordpressComPost } from '../builders/wordpress-com-post.ts';
import { admin, testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let blog: FakeWordpress;
beforeEach(async () => {
  t = await testApp();
  blog = await startFakeWordpress({ seed: [aWordpressComPost(33), aWordpressComPost(34)] });
  // Weeks later: both posts' Sundays are long past.
  t.clock.set('2027-01-10T10:00:00Z');
});
afterEach(() => blog.close());

const importPost = (post: unknown) =>
  t.app.request('/admin/archive/imports', {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify(post),
  });

const importAll = async () => {
  const found = await archivePosts(blog.site, { apiUrl: blog.apiUrl });
  if (!found.ok) throw new Error(found.detail);
  const answers = [];
  for (const post of found.posts) answers.push((await importPost(post)).status);
  return answers;
};

describe('importing back issues (npm run import-archive)', () => {
  it('stores every past post as an issue already sent, in the archive, oldest first', async () => {
    expect(await importAll()).toEqual([201, 201]);
    for (const [id, slug, title] of [
      ['iss_33', '33-retour-de-bretagne', 'Retour de Bretagne'],
      ['iss_34', '34-chambre-en-provence', 'Chambre en Provence'],
    ] as const) {
      expect(await t.issues.get(id)).toMatchObject({ status: 'sent', title, renderedRevision: 1 });
      const page = await t.app.request(`/archive/${slug}`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain('Hellocoton');
    }
    const feed = await (await t.app.request('/archive/feed.xml')).text();
    expect(feed).toContain('Chambre en Provence');
  });

  it('writes nothing when run again', async () => {
    await importAll();
    const before = await t.itemsOf('ISSUE#iss_34');
    expect(await importAll()).toEqual([200, 200]);
    expect(await t.itemsOf('ISSUE#iss_34')).toEqual(before);
  });

  it('reads a WordPress feed too, each entry from the REST API', async () => {
    const found = await archivePosts(blog.feedUrl, { apiUrl: blog.apiUrl });
    expect(found.ok && found.posts.map((post) => (post as { id: number }).id)).toEqual([4241, 4242]);
    expect(blog.state.requests).toContain(`GET /wp/v2/sites/${blog.site}/posts/4242`);
  });

  it('refuses a post whose Sunday has not passed, naming the date, and keeps an issue already there', async () => {
    t.clock.set('2026-11-26T10:00:00Z');
    const upcoming = await importPost(aWordpressComPost(34));
    expect(upcoming.status).toBe(422);
    expect(((await upcoming.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe('/date');
    expect(await t.issues.get('iss_34')).toBeUndefined();

    t.clock.set('2027-01-10T10:00:00Z');
    await importPost(aWordpressComPost(34));
    const other = await importPost(
      aWordpressComPost(34, { excerpt: { rendered: '<p>Une autre version.</p>' } }),
    );
    expect(await other.json()).toMatchObject({ outcome: 'kept', status: 'sent' });
    expect((await t.issues.get('iss_34'))?.revision).toBe(1);
  });

  it('needs the admin token', async () => {
    const response = await t.app.request('/admin/archive/imports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aWordpressComPost(34)),
    });
    expect(response.status).toBe(401);
  });
});
