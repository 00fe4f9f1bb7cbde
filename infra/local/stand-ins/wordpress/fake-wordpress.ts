import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { fakeBlogFeed } from './fake-blog-feed.ts';
import { type FakePost, fakeBlogState } from './fake-blog-state.ts';
import { sendWordpressNotification } from './fake-webhook.ts';

export type FakeWordpressOptions = {
  port?: number;
  site?: string;
  /** Where "publish" notifies, as a WordPress.com webhook set to `publish_post`; none: no notification. */
  webhookUrl?: string;
  seed?: readonly Record<string, unknown>[];
  /** When a publication happens; tests pass their clock's. */
  now?: () => Date;
};

/**
 * A stand-in for WordPress.com on 127.0.0.1: the public REST API (`/wp/v2/sites/{site}/posts[/id]`, with
 * `_embed` data stored in each post), the site's RSS feed with ETag and Last-Modified, and the outgoing
 * webhook, fired on every publication and edit as WordPress.com does. `POST /__fake/posts` publishes.
 */
export const startFakeWordpress = async ({
  port = 0,
  site = 'karoonline.wordpress.com',
  webhookUrl,
  seed = [],
  now = () => new Date(),
}: FakeWordpressOptions = {}) => {
  const state = fakeBlogState(site);
  for (const post of seed) state.publish(post, now(), true);
  let notifyUrl = webhookUrl;

  const publish = async (post: Record<string, unknown>, keepDates = false) => {
    const { post: stored, edit } = state.publish(post, now(), keepDates);
    const notified = notifyUrl ? await sendWordpressNotification(notifyUrl, stored) : undefined;
    return { post: stored, edit, notified };
  };

  const app = new Hono()
    .use(async (c, next) => {
      state.requests.push(`${c.req.method} ${new URL(c.req.url).pathname}`);
      await next();
    })
    .get('/wp/v2/sites/:site/posts/:id', (c) => {
      const post = c.req.param('site') === site ? state.get(Number(c.req.param('id'))) : undefined;
      return post
        ? c.json(post)
        : c.json({ code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } }, 404);
    })
    .get('/wp/v2/sites/:site/posts', (c) => {
      if (c.req.param('site') !== site) return c.json({ code: 'unknown_blog', message: 'Unknown blog' }, 404);
      const perPage = Math.min(100, Number(c.req.query('per_page') ?? 10) || 10);
      const page = Number(c.req.query('page') ?? 1) || 1;
      const all = state.list();
      const totalPages = Math.max(1, Math.ceil(all.length / perPage));
      if (page > totalPages)
        return c.json({ code: 'rest_post_invalid_page_number', data: { status: 400 } }, 400);
      c.header('X-WP-Total', String(all.length));
      c.header('X-WP-TotalPages', String(totalPages));
      return c.json(all.slice((page - 1) * perPage, page * perPage));
    })
    .get('/:site/feed', (c) => {
      if (c.req.param('site') !== site) return c.text('Not found', 404);
      const mode = state.feedMode();
      if (mode === 'broken') return c.text('Service Unavailable', 503);
      if (mode === 'moved') return c.redirect(`https://${site}/elsewhere/feed/`, 301);
      if (mode === 'garbage')
        return c.body('<html><body>Error establishing a database connection', 200, {
          'content-type': 'application/rss+xml',
        });
      const body = fakeBlogFeed(state);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"`;
      const newest = state.list()[0];
      const lastModified = new Date(`${newest?.modified_gmt ?? '2026-01-01T00:00:00'}Z`).toUTCString();
      if (c.req.header('if-none-match') === etag)
        return c.body(null, 304, { etag, 'last-modified': lastModified });
      return c.body(body, 200, {
        'content-type': 'application/rss+xml; charset=UTF-8',
        etag,
        'last-modified': lastModified,
      });
    })
    .post('/__fake/posts', async (c) => {
      const body = (await c.req.json()) as { post?: Record<string, unknown>; keepDates?: boolean };
      if (!body.post || typeof body.post !== 'object')
        return c.json({ error: 'send { "post": { … } }' }, 400);
      const result = await publish(body.post, body.keepDates === true);
      return c.json({
        id: result.post.id,
        link: result.post.link,
        edit: result.edit,
        notified: result.notified ?? null,
      });
    })
    .put('/__fake/feed-mode', async (c) => {
      const { mode } = (await c.req.json()) as { mode: 'ok' | 'broken' | 'moved' | 'garbage' };
      state.setFeedMode(mode);
      return c.json({ mode });
    });

  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    site,
    /** The base the REST adapter takes (`WORDPRESS_API_URL`). */
    apiUrl: url,
    feedUrl: `${url}/${site}/feed`,
    state,
    publish,
    post: (id: number): FakePost | undefined => state.get(id),
    setWebhookUrl: (next: string | undefined) => {
      notifyUrl = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type FakeWordpress = Awaited<ReturnType<typeof startFakeWordpress>>;
