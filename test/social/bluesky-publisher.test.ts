import type { AtpSessionData } from '@atproto/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { type FakeWeb, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import {
  loopbackSpellings,
  startTrapListener,
  type TrapListener,
} from '../../infra/local/stand-ins/music/trap-listener.ts';
import { startBlueskyFake } from '../../infra/local/social/bluesky/fake.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { blueskyPublisher } from '../../shared/adapters/social/bluesky/publisher.ts';
import { isTid, recordKeyFor } from '../../shared/adapters/social/bluesky/record-key.ts';
import type { BlueskySessionHooks } from '../../shared/adapters/social/bluesky/session.ts';
import { SocialLookupError } from '../../shared/adapters/social/publish-http.ts';
import { composedPost, ISSUE_URL, refusedUrl, startImageServer } from './social-fixtures.ts';

const PASSWORD = 'abcd-efgh-ijkl-mnop';
const KEY = 'dimanche-iss_34-bluesky';
const NOW = new Date('2026-11-29T09:00:00Z');
let fake: FakeNetwork;
let images: Awaited<ReturnType<typeof startImageServer>>;
let control: ReturnType<typeof fakeControl>;

type StoredPost = {
  uri: string;
  rkey: string;
  value: {
    text: string;
    langs: string[];
    facets: { index: { byteStart: number; byteEnd: number }; features: { uri: string }[] }[];
    embed: { external: { uri: string; title: string; description: string; thumb?: { size: number } } };
  };
};

const publisher = (
  options: { appPassword?: string; url?: string; timeoutMs?: number } & BlueskySessionHooks = {},
) => {
  const { appPassword = PASSWORD, url = fake.url, timeoutMs = 2_000, ...hooks } = options;
  return blueskyPublisher(
    { baseUrl: url, identifier: 'dimanche.bsky.social', appPassword },
    // The blog's image server is this machine's one stand-in for thumbnails, as `npm start` wires it.
    { timeoutMs, clock: { now: () => NOW }, thumbs: localOutbound({ standIns: [images.url] }), ...hooks },
  );
};
const calls = async (nsid: string) =>
  (await control.requests()).filter((r) => r.path === `/xrpc/${nsid}`).length;
const withThumb = (path: string) => {
  const post = composedPost('bluesky');
  return { ...post, card: { ...post.card, thumbUrl: `${images.url}${path}` } };
};

beforeAll(async () => {
  [fake, images] = await Promise.all([startBlueskyFake({ appPassword: PASSWORD }), startImageServer()]);
  control = fakeControl(fake.url);
});
afterAll(() => Promise.all([fake.close(), images.close()]));
beforeEach(() => control.reset());

describe('the Bluesky publisher, through @atproto/api, against the fake PDS', () => {
  it('creates one post under a record key derived from the idempotency key, with its facets and card', async () => {
    const post = withThumb('/bytes/200000.jpg');
    const outcome = await publisher().publish({ post, idempotencyKey: KEY });

    const [stored, ...others] = await control.posts<StoredPost>();
    expect(others).toHaveLength(0);
    expect(stored?.rkey).toBe(recordKeyFor(KEY));
    expect(outcome).toEqual({
      kind: 'published',
      postId: stored?.uri,
      postUrl: `https://bsky.app/profile/dimanche.bsky.social/post/${recordKeyFor(KEY)}`,
    });
    const { text, langs, facets, embed } = stored?.value ?? ({} as StoredPost['value']);
    expect({ text, langs }).toEqual({ text: post.text, langs: ['fr'] });
    const [facet] = facets;
    const bytes = Buffer.from(text);
    expect(bytes.subarray(facet?.index.byteStart, facet?.index.byteEnd).toString()).toBe(ISSUE_URL);
    expect(facet?.features).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: ISSUE_URL }]);
    expect(embed.external).toMatchObject({
      uri: ISSUE_URL,
      title: post.card.title,
      description: post.card.description,
      thumb: { $type: 'blob', mimeType: 'image/jpeg', size: 200_000 },
    });
  });

  it('derives a valid TID from any key, the same one every time, and keeps a key that is a TID', () => {
    expect(isTid(recordKeyFor(KEY))).toBe(true);
    expect(recordKeyFor(KEY)).toBe(recordKeyFor(KEY));
    expect(recordKeyFor('dimanche-iss_35-bluesky')).not.toBe(recordKeyFor(KEY));
    expect(recordKeyFor('3jzfcijpj2z2a')).toBe('3jzfcijpj2z2a');
  });

  it('answers a repeat with the same key as a duplicate carrying the first post, and posts nothing more', async () => {
    const post = composedPost('bluesky');
    const first = await publisher().publish({ post, idempotencyKey: KEY });
    const again = await publisher().publish({ post, idempotencyKey: KEY });
    expect(first.kind).toBe('published');
    expect(again).toMatchObject({
      kind: 'duplicate',
      post: first.kind === 'published' ? { postId: first.postId, postUrl: first.postUrl } : {},
    });
    expect(await control.posts()).toHaveLength(1);
  });

  it('refreshes an expired session instead of logging in again', async () => {
    const bluesky = publisher();
    await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' });
    await control.command('expire-session');
    const outcome = await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-2' });

    expect(outcome.kind).toBe('published');
    expect(await control.posts()).toHaveLength(2);
    expect(await calls('com.atproto.server.createSession')).toBe(1);
    expect(await calls('com.atproto.server.refreshSession')).toBe(1);
  });

  it('hands every new session to saveSession, and a later publisher resumes it without logging in', async () => {
    const saved: (AtpSessionData | undefined)[] = [];
    const saveSession = async (session: AtpSessionData | undefined) => void saved.push(session);
    await publisher({ saveSession }).publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' });
    expect(saved.at(-1)).toMatchObject({
      did: 'did:plc:dimanche2local3fake4pds',
      handle: 'dimanche.bsky.social',
    });

    const later = publisher({ loadSession: async () => saved.at(-1), saveSession });
    expect((await later.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-2' })).kind).toBe(
      'published',
    );
    expect(await calls('com.atproto.server.createSession')).toBe(1);
    // The refresh rotated the tokens: the rotated session was saved.
    expect(saved.at(-1)?.refreshJwt).not.toBe(saved[0]?.refreshJwt);
  });

  it('logs in again only when the refresh token is dead too', async () => {
    const bluesky = publisher();
    await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' });
    await control.command('expire-session', { refresh: true });
    expect((await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-2' })).kind).toBe(
      'published',
    );
    expect(await calls('com.atproto.server.createSession')).toBe(2);
  });

  it('needs reconnecting when the app password is refused, and waits out a rate-limited login', async () => {
    expect(
      await publisher({ appPassword: 'revoked' }).publish({
        post: composedPost('bluesky'),
        idempotencyKey: KEY,
      }),
    ).toMatchObject({ kind: 'needs_reconnect', detail: expect.stringContaining('AuthenticationRequired') });
    await control.queue({
      match: 'createSession',
      status: 429,
      headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '1795946400' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    expect(await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY })).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date(1_795_946_400_000),
    });
    expect(await control.posts()).toHaveLength(0);
  });

  it('is rate limited until ratelimit-reset when createRecord answers 429', async () => {
    await control.queue({
      match: 'createRecord',
      status: 429,
      headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '1795950000' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    expect(await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY })).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date(1_795_950_000_000),
    });
  });

  it('skips a thumb over 1 MB (declared or streamed), or that is no image, and still posts the card', async () => {
    for (const path of ['/bytes/1000001.jpg', '/stream/1200000.jpg', '/page.html', '/missing.jpg']) {
      await control.reset();
      const outcome = await publisher().publish({ post: withThumb(path), idempotencyKey: KEY });
      expect(outcome.kind, path).toBe('published');
      const [stored] = await control.posts<StoredPost>();
      expect(stored?.value.embed.external.thumb, path).toBeUndefined();
      expect(stored?.value.embed.external.title).toBe('Dimanche #34 — Chambre en Provence');
      expect(await calls('com.atproto.repo.uploadBlob'), path).toBe(0);
    }
    await control.reset();
    await publisher().publish({ post: withThumb('/stream/1000000.jpg'), idempotencyKey: KEY });
    expect((await control.posts<StoredPost>())[0]?.value.embed.external.thumb).toMatchObject({
      size: 1_000_000,
    });
  });

  it('never fetches a thumb from a loopback trap, in any spelling or after a redirect, and posts the card without it', async () => {
    let web: FakeWeb | undefined;
    const traps: TrapListener[] = [];
    try {
      web = await startFakeWeb();
      traps.push(await startTrapListener({ hosts: ['127.0.0.1', '::1'] }));
      traps.push(await startTrapListener({ hosts: ['127.0.0.2'] }));
      const [loopback, second] = traps as [TrapListener, TrapListener];
      await web.control.redirect('https://blog.example/cover.jpg', `${second.url}/redirected-cover.jpg`, 302);
      const thumbs = localOutbound({ standIns: [], web: web.url });
      const targets = [
        ...loopbackSpellings(loopback.port).map((url) => `${url}cover.jpg`),
        `${second.url}/cover.jpg`,
        'https://blog.example/cover.jpg',
      ];
      for (const thumbUrl of targets) {
        await control.reset();
        const post = composedPost('bluesky');
        const outcome = await blueskyPublisher(
          { baseUrl: fake.url, identifier: 'dimanche.bsky.social', appPassword: PASSWORD },
          { timeoutMs: 2_000, clock: { now: () => NOW }, thumbs },
        ).publish({ post: { ...post, card: { ...post.card, thumbUrl } }, idempotencyKey: KEY });
        expect(outcome.kind, thumbUrl).toBe('published');
        expect((await control.posts<StoredPost>())[0]?.value.embed.external.thumb, thumbUrl).toBeUndefined();
        expect(await calls('com.atproto.repo.uploadBlob'), thumbUrl).toBe(0);
      }
      expect(loopback.connections()).toBe(0);
      expect(second.connections()).toBe(0);
    } finally {
      await Promise.all([web?.close(), ...traps.map((trap) => trap.close())]);
    }
  });

  it('reads its own record back after a 5xx or a slow answer that came after the post was made', async () => {
    await control.queue({
      match: 'createRecord',
      afterCommit: { status: 502, body: { error: 'UpstreamFailure', message: 'Bad Gateway' } },
    });
    const outcome = await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY });
    const [stored] = await control.posts<StoredPost>();
    expect(outcome).toMatchObject({ kind: 'duplicate', post: { postId: stored?.uri } });

    await control.reset();
    await control.queue({ match: 'createRecord', delayMs: 3_000 });
    const slow = await publisher({ timeoutMs: 1_000 }).publish({
      post: composedPost('bluesky'),
      idempotencyKey: KEY,
    });
    expect(slow).toMatchObject({
      kind: 'duplicate',
      post: { postId: `at://did:plc:dimanche2local3fake4pds/app.bsky.feed.post/${recordKeyFor(KEY)}` },
    });
  });

  it('does not know the outcome of a 5xx that left no record, and findRecent finds a post made before a 5xx', async () => {
    await control.queue({
      match: 'createRecord',
      status: 500,
      body: { error: 'InternalServerError', message: 'Internal Server Error' },
    });
    expect(await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY })).toMatchObject({
      kind: 'unknown',
    });
    await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: 'other-key' });
    const [stored] = await control.posts<StoredPost>();
    expect(await publisher().findRecent(ISSUE_URL)).toEqual({
      postId: stored?.uri,
      postUrl: `https://bsky.app/profile/dimanche.bsky.social/post/${stored?.rkey}`,
    });
    expect(await publisher().findRecent('https://dimanche-radio.fr/archive/99')).toBeUndefined();
  });

  it('rejects a post the PDS finds invalid, and has not sent anything when the connection is refused', async () => {
    const tooLong = composedPost('bluesky', { text: `${'é'.repeat(301)} ${ISSUE_URL}` });
    expect(await publisher().publish({ post: tooLong, idempotencyKey: KEY })).toMatchObject({
      kind: 'rejected',
      detail: expect.stringContaining('300 graphemes'),
    });
    expect(
      await publisher({ url: await refusedUrl() }).publish({
        post: composedPost('bluesky'),
        idempotencyKey: KEY,
      }),
    ).toMatchObject({ kind: 'not_sent' });
  });

  it('has posted nothing when the login fails otherwise, or the refresh of an expired session fails in transit', async () => {
    await control.queue({
      match: 'createSession',
      status: 502,
      body: { error: 'UpstreamFailure', message: 'Bad Gateway' },
    });
    expect(await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY })).toMatchObject({
      kind: 'not_sent',
    });
    const bluesky = publisher();
    await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' });
    await control.command('expire-session');
    await control.queue({
      match: 'refreshSession',
      status: 503,
      body: { error: 'NotEnoughResources', message: 'Busy' },
    });
    expect(await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-2' })).toMatchObject({
      kind: 'not_sent',
      detail: expect.stringContaining('ExpiredToken'),
    });
    expect(await control.posts()).toHaveLength(1);
  });

  it('needs reconnecting when the account is taken down, or the new login after a dead refresh token is refused', async () => {
    await control.queue({
      match: 'createRecord',
      status: 400,
      body: { error: 'AccountTakedown', message: 'Account has been taken down' },
    });
    expect(await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY })).toMatchObject({
      kind: 'needs_reconnect',
    });
    const bluesky = publisher();
    await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' });
    await control.command('expire-session', { refresh: true });
    await control.queue({
      match: 'createSession',
      status: 401,
      body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' },
    });
    expect(await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-2' })).toMatchObject({
      kind: 'needs_reconnect',
    });
  });

  it('posts the card without its thumb when the upload fails', async () => {
    await control.queue({
      match: 'uploadBlob',
      status: 500,
      body: { error: 'InternalServerError', message: 'oops' },
    });
    expect(
      (await publisher().publish({ post: withThumb('/bytes/1000.jpg'), idempotencyKey: KEY })).kind,
    ).toBe('published');
    const [stored] = await control.posts<StoredPost>();
    expect(stored?.value.embed.external).not.toHaveProperty('thumb');
  });

  it('finds the post in the author feed when the newest records do not hold it (a hashed key sorts as 2023)', async () => {
    await publisher().publish({ post: composedPost('bluesky'), idempotencyKey: KEY });
    await control.queue({ match: 'listRecords', status: 200, body: { records: [] } });
    const [stored] = await control.posts<StoredPost>();
    expect(await publisher().findRecent(ISSUE_URL)).toMatchObject({ postId: stored?.uri });
    expect(await calls('app.bsky.feed.getAuthorFeed')).toBe(1);
  });

  it('throws rather than answer "not found" when it cannot log in to look', async () => {
    await expect(publisher({ appPassword: 'revoked' }).findRecent(ISSUE_URL)).rejects.toThrow(
      SocialLookupError,
    );
  });

  it('still posts when the session cannot be saved, and says so in the logs', async () => {
    const warnings: string[] = [];
    const logger = {
      info: () => {},
      error: () => {},
      warn: (message: string) => void warnings.push(message),
    };
    const outcome = await publisher({
      saveSession: () => Promise.reject(new Error('table unavailable')),
      logger,
    }).publish({ post: composedPost('bluesky'), idempotencyKey: KEY });
    expect(outcome.kind).toBe('published');
    expect(warnings).toContain('bluesky session not saved');
  });
});
