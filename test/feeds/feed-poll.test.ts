import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeWordpress,
  startFakeWordpress,
} from '../../infra/local/stand-ins/wordpress/fake-wordpress.ts';
import { feedPollDeps } from '../../functions/wiring/feed-poll.ts';
import { wordpressComPosts } from '../../shared/adapters/http/wordpress-com-posts.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { loopbackSpellings, startTrapListener } from '../../infra/local/stand-ins/music/trap-listener.ts';
import { recordAuthorMails } from '../support/author-mails.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import type { FeedTrouble } from '../../shared/ports/feed-poll.ts';
import { pollFeed } from '../../shared/usecases/poll-feed.ts';
import { aWordpressComPost } from '../builders/wordpress-com-post.ts';
import { testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let blog: FakeWordpress;
let warnings: FeedTrouble[];
const silent = { info: () => {}, warn: () => {}, error: () => {} };

beforeEach(async () => {
  t = await testApp();
  warnings = [];
  blog = await startFakeWordpress({ now: () => t.clock.now(), seed: [aWordpressComPost(33)] });
});
afterEach(() => blog.close());

const outbound = () => localOutbound({ standIns: [blog.url] });
const poll = (
  blogPosts = wordpressComPosts({ baseUrl: blog.apiUrl, outbound: outbound() }),
  feedUrl = blog.feedUrl,
  author?: AuthorNotifier,
) =>
  pollFeed(
    feedUrl,
    feedPollDeps({
      doc: t.doc,
      tableName: t.tableName,
      accept: { store: t.issues, renderTrigger: t.renderTrigger, clock: t.clock, timeZone: 'Europe/Paris' },
      timeZone: 'Europe/Paris',
      blogPosts,
      warnAuthor: async (trouble) => {
        warnings.push(trouble);
      },
      logger: silent,
      outbound: outbound(),
      ...(author ? { author } : {}),
    }),
  );

const feedGets = () => blog.state.requests.filter((r) => r.endsWith('/feed')).length;

describe('polling her feed', () => {
  it('records what is there on the first poll and makes no issue of it', async () => {
    expect(await poll()).toEqual({ kind: 'initialised', seen: 1 });
    expect(await t.issues.get('iss_33')).toBeUndefined();
    expect(await poll()).toEqual({ kind: 'not_modified' });
    expect(feedGets()).toBe(2);
  });

  it('turns a new entry into an issue, from the blog’s REST post, once', async () => {
    await poll();
    await blog.publish(aWordpressComPost(34));
    expect(await poll()).toEqual({ kind: 'polled', taken: 1, ignored: 0, retry: 0 });
    const issue = await t.issues.get('iss_34');
    expect(issue).toMatchObject({ title: 'Chambre en Provence', status: 'rendered', sunday: '2026-11-29' });
    expect(issue?.tracks).toHaveLength(12);
    expect(blog.state.requests).toContain(`GET /wp/v2/sites/${blog.site}/posts/4242`);
    expect(await t.issues.get('iss_33')).toBeUndefined();
    expect(await poll()).toEqual({ kind: 'not_modified' });
    expect(issue?.revision).toBe((await t.issues.get('iss_34'))?.revision);
  });

  it('honours 304: nothing parsed, nothing taken, state kept', async () => {
    await poll();
    const before = blog.state.requests.length;
    expect(await poll()).toEqual({ kind: 'not_modified' });
    expect(blog.state.requests.slice(before)).toEqual([`GET /${blog.site}/feed`]);
  });

  it('warns her once after three failed polls in a row, broken, moved or garbage, and keeps its state', async () => {
    await poll();
    for (const mode of ['broken', 'moved', 'garbage', 'broken', 'broken'] as const) {
      blog.state.setFeedMode(mode);
      expect((await poll()).kind).toBe('failed');
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ url: blog.feedUrl, failures: 3 });
    expect(warnings[0]?.detail).toMatch(/not a feed/);

    blog.state.setFeedMode('ok');
    await blog.publish(aWordpressComPost(34));
    // What was seen before the trouble is not taken again; what came meanwhile is.
    expect(await poll()).toEqual({ kind: 'polled', taken: 1, ignored: 0, retry: 0 });
    expect(await t.issues.get('iss_33')).toBeUndefined();
  });

  it('does not take the backlog when the very first polls fail', async () => {
    blog.state.setFeedMode('broken');
    expect((await poll()).kind).toBe('failed');
    blog.state.setFeedMode('ok');
    expect(await poll()).toEqual({ kind: 'initialised', seen: 1 });
    expect(await t.issues.get('iss_33')).toBeUndefined();
  });

  it('tries an entry again next poll when the blog’s API does not answer', async () => {
    await poll();
    await blog.publish(aWordpressComPost(34));
    const down = {
      byId: async () => ({ ok: false as const, error: 'unavailable' as const, detail: 'HTTP 503' }),
      page: async () => ({ ok: false as const, error: 'unavailable' as const, detail: '' }),
    };
    expect(await poll(down)).toEqual({ kind: 'polled', taken: 0, ignored: 0, retry: 1 });
    expect(await t.issues.get('iss_34')).toBeUndefined();
    expect(await poll()).toEqual({ kind: 'polled', taken: 1, ignored: 0, retry: 0 });
  });

  it('never reads a feed set to a loopback address, in any spelling, and tells her in French it is not public', async () => {
    const [loopback, second] = await Promise.all([
      startTrapListener({ hosts: ['127.0.0.1', '::1'] }),
      startTrapListener({ hosts: ['127.0.0.2'] }),
    ]);
    try {
      const feeds = [`${second.url}/feed`, ...loopbackSpellings(loopback.port).map((url) => `${url}feed`)];
      for (const feedUrl of feeds)
        for (let poll3 = 0; poll3 < 3; poll3++)
          expect(await poll(undefined, feedUrl)).toMatchObject({ kind: 'failed' });
      expect(loopback.connections()).toBe(0);
      expect(second.connections()).toBe(0);
      expect(warnings.map((w) => [w.url, w.notPublic])).toEqual(feeds.map((url) => [url, true]));
      const { mails, author } = recordAuthorMails();
      await author.notify({ kind: 'feed_unreadable', ...warnings[0]! });
      expect(mails[0]?.text).toContain(`Adresse non publique\u00a0: ${feeds[0]}`);
    } finally {
      await Promise.all([loopback.close(), second.close()]);
    }
  });

  it('takes the feed’s own copy when the blog’s API redirects to an address that is not public, tells her once, never retries', async () => {
    const trap = await startTrapListener({ hosts: ['127.0.0.2'] });
    // Her blog's API, allowed as a stand-in, answers every request with a redirect to the trap.
    const redirector = createServer((req, res) => {
      res.writeHead(302, { location: `${trap.url}${req.url ?? '/'}` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    const { mails, author } = recordAuthorMails();
    const rest = wordpressComPosts({ baseUrl: api, outbound: localOutbound({ standIns: [blog.url, api] }) });
    try {
      await poll(rest, blog.feedUrl, author);
      await blog.publish(aWordpressComPost(34));
      expect(await poll(rest, blog.feedUrl, author)).toEqual({
        kind: 'polled',
        taken: 1,
        ignored: 0,
        retry: 0,
      });
      const issue = await t.issues.get('iss_34');
      expect(issue).toMatchObject({ title: 'Chambre en Provence', status: 'rendered' });
      expect(issue?.tracks).toHaveLength(12);

      const refused = `${trap.url}/wp/v2/sites/${blog.site}/posts/4242?_embed`;
      expect(mails.map((mail) => mail.notice)).toEqual([{ kind: 'blog_not_public', url: refused }]);
      expect(mails[0]?.subject).toContain('Adresse non publique');
      expect(mails[0]?.text).toContain(`l’API de votre blog a mené à ${refused}, une adresse non publique`);

      // The entry is done: later polls neither fetch it again nor tell her again.
      for (const hours of [1, 25]) {
        t.clock.set(new Date(t.clock.now().getTime() + hours * 3600_000).toISOString());
        expect(await poll(rest, blog.feedUrl, author)).toEqual({ kind: 'not_modified' });
      }
      expect(mails).toHaveLength(1);
      expect(trap.connections()).toBe(0);
    } finally {
      await trap.close();
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });
});
