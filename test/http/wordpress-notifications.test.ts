import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loopbackSpellings, startTrapListener } from '../../infra/local/stand-ins/music/trap-listener.ts';
import { notificationForm } from '../../infra/local/stand-ins/wordpress/fake-webhook.ts';
import {
  type FakeWordpress,
  startFakeWordpress,
} from '../../infra/local/stand-ins/wordpress/fake-wordpress.ts';
import { aWordpressComPost } from '../builders/wordpress-com-post.ts';
import { mailsTo } from '../support/mail-store.ts';
import { testApp } from '../support/test-app.ts';

const TOKEN = 'wp_test_token_0123456789abcdefghijklmnopqrstuv';
let t: Awaited<ReturnType<typeof testApp>>;
let blog: FakeWordpress;

beforeEach(async () => {
  blog = await startFakeWordpress({ now: () => t.clock.now() });
  t = await testApp({
    WORDPRESS_TOKEN: TOKEN,
    WORDPRESS_SITE: blog.site,
    WORDPRESS_API_URL: blog.apiUrl,
  });
});
afterEach(() => blog.close());

const notify = (form: URLSearchParams, token = TOKEN) =>
  t.app.request(`/webhooks/wordpress/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });

const publish = async (overrides: Record<string, unknown> = {}) =>
  (await blog.publish(aWordpressComPost(34, overrides))).post;

const revisions = async () =>
  (await t.itemsOf('ISSUE#iss_34')).filter((i) => i.sk.startsWith('RENDER#')).length;

describe('POST /webhooks/wordpress/:token (WordPress.com’s own webhook)', () => {
  it('re-fetches the post from the blog and stores the issue, whatever the notification claims', async () => {
    const post = await publish();
    const form = notificationForm(post);
    form.set('post_title', 'Forged title');
    const response = await notify(form);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id: 'iss_34',
      outcome: 'created',
      status: 'rendered',
      slug: '34-chambre-en-provence',
    });
    expect(blog.state.requests).toContain(`GET /wp/v2/sites/${blog.site}/posts/4242`);
    const issue = await t.issues.get('iss_34');
    expect(issue?.title).toBe('Chambre en Provence');
    expect(issue?.tracks).toHaveLength(12);
    expect(issue?.sourceUrl).toBe(post.link);
  });

  it('answers 404 problem+json to a wrong token, without fetching or writing', async () => {
    const form = notificationForm(await publish());
    for (const token of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const response = await notify(form, token);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(blog.state.requests.filter((r) => r.startsWith('GET'))).toEqual([]);
    expect(await t.issues.get('iss_34')).toBeUndefined();
  });

  it('makes no new revision for the same post notified again, and one for an edit', async () => {
    const post = await publish();
    expect((await notify(notificationForm(post))).status).toBe(201);
    const again = await notify(notificationForm(post));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'unchanged', revision: 1 });
    expect(await revisions()).toBe(1);

    t.clock.set('2026-11-25T09:00:00Z');
    const edited = await publish({
      excerpt: { rendered: '<p>Neuf mois, une semaine dans le Gard.</p>' },
    });
    const revised = await notify(notificationForm(edited));
    expect(revised.status).toBe(200);
    expect(await revised.json()).toMatchObject({ outcome: 'revised', revision: 2 });
    expect((await t.issues.get('iss_34'))?.subtitle).toBe('Neuf mois, une semaine dans le Gard.');
  });

  it('acknowledges and ignores an edit of a post whose Sunday is long past', async () => {
    const post = await publish();
    t.clock.set('2027-01-10T10:00:00Z');
    const response = await notify(notificationForm(post));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'ignored', reason: 'sunday_long_past' });
    expect(await t.issues.get('iss_34')).toBeUndefined();
  });

  it('ignores what is not an issue: another kind of post, a comment, a post gone private', async () => {
    const other = (
      await blog.publish({
        id: 77,
        title: { rendered: 'Mes vacances' },
        content: { rendered: '<p>Hi</p>' },
        date: '2026-11-24T10:00:00',
      })
    ).post;
    expect(await (await notify(notificationForm(other))).json()).toEqual({
      outcome: 'ignored',
      reason: 'not_a_series_post',
    });
    expect(
      await (await notify(new URLSearchParams({ hook: 'comment_post', comment_ID: '3' }))).json(),
    ).toEqual({
      outcome: 'ignored',
      reason: 'not_a_post',
    });
    const gone = notificationForm(await publish());
    gone.set('ID', '999');
    expect(await (await notify(gone)).json()).toEqual({ outcome: 'ignored', reason: 'not_found' });
  });

  it('names the field when the notification lacks the post id', async () => {
    const response = await notify(
      new URLSearchParams({ hook: 'publish_post', post_url: 'https://x.example/' }),
    );
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/ID']);
  });

  it('answers 502 when the blog does not answer, and stores nothing', async () => {
    const form = notificationForm(await publish());
    await blog.close();
    const response = await notify(form);
    expect(response.status).toBe(502);
    expect(await t.issues.get('iss_34')).toBeUndefined();
    blog = await startFakeWordpress();
  });

  it('never re-fetches from a blog API set to a loopback address, in any spelling: 502, nothing stored', async () => {
    const [loopback, second] = await Promise.all([
      startTrapListener({ hosts: ['127.0.0.1', '::1'] }),
      startTrapListener({ hosts: ['127.0.0.2'] }),
    ]);
    try {
      const post = await publish();
      for (const api of [second.url, ...loopbackSpellings(loopback.port)]) {
        t = await testApp(
          { WORDPRESS_TOKEN: TOKEN, WORDPRESS_SITE: blog.site, WORDPRESS_API_URL: api },
          { standIns: [] },
        );
        const response = await notify(notificationForm(post));
        expect(response.status, api).toBe(502);
        expect(((await response.json()) as { detail: string }).detail, api).toContain('not a public address');
        expect(await t.issues.get('iss_34')).toBeUndefined();
      }
      expect(loopback.connections()).toBe(0);
      expect(second.connections()).toBe(0);
    } finally {
      await Promise.all([loopback.close(), second.close()]);
    }
  });

  it('tells her in French, once a day, when the blog’s API redirects to an address that is not public: 502, never fetched', async () => {
    const trap = await startTrapListener({ hosts: ['127.0.0.2'] });
    // Her blog's API, allowed as a stand-in, answers every request with a redirect to the trap.
    const redirector = createServer((req, res) => {
      res.writeHead(302, { location: `${trap.url}${req.url ?? '/'}` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    const author = `autrice-${randomUUID()}@example.org`;
    try {
      t = await testApp({
        WORDPRESS_TOKEN: TOKEN,
        WORDPRESS_SITE: blog.site,
        WORDPRESS_API_URL: api,
        AUTHOR_EMAIL: author,
      });
      const form = notificationForm(await publish());
      const refused = `${trap.url}/wp/v2/sites/${blog.site}/posts/4242?_embed`;

      const first = await notify(form);
      expect(first.status).toBe(502);
      expect(await first.json()).toMatchObject({ notPublic: refused });
      expect(await t.issues.get('iss_34')).toBeUndefined();
      const mails = await mailsTo(author);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toContain('Adresse non publique');
      expect(mails[0]?.body.text).toContain(
        `l’API de votre blog a mené à ${refused}, une adresse non publique`,
      );
      expect(mails[0]?.body.text).toContain('rien n’y a été lu');

      // WordPress.com retries, the same day: the same 502, no second mail.
      t.clock.set(new Date(t.clock.now().getTime() + 23 * 3600_000).toISOString());
      expect((await notify(form)).status).toBe(502);
      expect(await mailsTo(author)).toHaveLength(1);
      // A day later she hears of it again, if it still is so.
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString());
      expect((await notify(form)).status).toBe(502);
      expect(await mailsTo(author)).toHaveLength(2);

      expect(trap.connections()).toBe(0);
    } finally {
      await trap.close();
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });
});
