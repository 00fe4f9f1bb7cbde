import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { odesliControl, startFakeOdesli } from '../../infra/local/stand-ins/music/fake-odesli.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { memoryRateLimits } from '../../shared/adapters/memory/rate-limits.ts';
import { memoryTrackLinkStore } from '../../shared/adapters/memory/track-link-store.ts';
import { odesliResolver } from '../../shared/adapters/odesli/odesli-resolver.ts';
import type { IssueId } from '../../shared/domain/issue.ts';
import { trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import type { MusicMessage, MusicQueue } from '../../shared/ports/music-queue.ts';
import type { TrackLinkStore } from '../../shared/ports/track-link-store.ts';
import {
  type ResolveMessage,
  type ResolveTrackDeps,
  type ResolveTrackResult,
  resolveTrack,
} from '../../shared/usecases/music/resolve-track.ts';

type Queued = { message: MusicMessage; delaySeconds: number | undefined };

const recordingQueue = () => {
  const queued: Queued[] = [];
  const queue: MusicQueue = {
    enqueue: async (message, options) => void queued.push({ message, delaySeconds: options?.delaySeconds }),
  };
  return { queue, queued };
};

const resolve = (url: string, attempt?: number): ResolveMessage => ({
  kind: 'resolve',
  issueId: 'iss_34',
  url,
  ...(attempt === undefined ? {} : { attempt }),
});

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The music worker's resolve step on dynalite, the Odesli adapter and the fake API: the fake counts the
 * calls that reached it, a recording queue keeps what was sent back, and the clock is ours to move.
 */
describe('resolving a track', () => {
  let fake: FakeNetwork;
  let control: ReturnType<typeof odesliControl>;
  let links: TrackLinkStore;
  let queue: ReturnType<typeof recordingQueue>;
  let settled: IssueId[];
  let now: Date;
  let deps: ResolveTrackDeps;

  beforeAll(async () => {
    // The fake's own limit is out of the way: these tests are about ours.
    fake = await startFakeOdesli({ ratePerMinute: 1_000, missing: ['tidal', 'bandcamp'] });
    control = odesliControl(fake.url);
  });
  afterAll(() => fake.close());

  beforeEach(async () => {
    await control.reset();
    links = memoryTrackLinkStore();
    queue = recordingQueue();
    settled = [];
    now = new Date('2026-11-22T10:00:10Z');
    deps = {
      links,
      resolver: odesliResolver({ baseUrl: fake.url, timeoutMs: 2_000 }),
      rateLimits: memoryRateLimits(),
      queue: queue.queue,
      clock: { now: () => now },
      logger: silent,
      rate: { limit: 3, windowSeconds: 60 },
      maxAttempts: 3,
      settled: async (issueId) => void settled.push(issueId),
    };
  });

  const get = async (url: string) => (await links.getMany([trackUrlKey(url)])).get(trackUrlKey(url));

  it('resolves a URL once: another share of the same song is answered from the cache', async () => {
    const first = await resolveTrack(
      resolve('https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6?si=a1'),
      deps,
    );
    const again = await resolveTrack(
      resolve('https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6?utm_source=copy-link'),
      deps,
    );
    expect(first).toEqual({ outcome: 'resolved', missing: ['tidal', 'bandcamp'] });
    expect(again).toEqual({ outcome: 'cached', status: 'resolved' });
    expect((await control.calls()).length).toBe(1);
    expect(settled).toEqual(['iss_34', 'iss_34']);
    expect(queue.queued).toEqual([]);
    expect(await get('https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6')).toMatchObject({
      status: 'resolved',
      url: 'https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6?si=a1',
      pageUrl: expect.stringMatching(/^https:\/\/song\.link\//),
      links: { spotify: 'https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6?si=a1' },
      missing: ['tidal', 'bandcamp'],
      resolvedAt: now.toISOString(),
    });
  });

  it('keeps to the shared rate: 10 messages, 3 calls in the window, the rest back after it', async () => {
    const messages = Array.from({ length: 10 }, (_, i) => resolve(`https://www.deezer.com/track/${100 + i}`));
    const results: ResolveTrackResult[] = [];
    for (const message of messages) results.push(await resolveTrack(message, deps));

    expect((await control.calls()).length).toBe(3);
    expect(results.filter((result) => result.outcome === 'resolved').length).toBe(3);
    const windowEnd = Date.parse('2026-11-22T10:01:00Z');
    expect(queue.queued.length).toBe(7);
    for (const { message, delaySeconds } of queue.queued) {
      expect(messages).toContainEqual({ ...message, attempt: undefined });
      expect((message as ResolveMessage).attempt).toBe(0);
      expect(now.getTime() + (delaySeconds ?? 0) * 1000).toBeGreaterThanOrEqual(windowEnd);
    }
    expect(settled.length).toBe(3);

    // The next window: the deferred messages come back, three more go through.
    now = new Date(windowEnd);
    const back = queue.queued.splice(0);
    const later: ResolveTrackResult[] = [];
    for (const { message } of back) later.push(await resolveTrack(message as ResolveMessage, deps));
    expect((await control.calls()).length).toBe(6);
    expect(later.map((result) => result.outcome)).toEqual([
      'resolved',
      'resolved',
      'resolved',
      'deferred',
      'deferred',
      'deferred',
      'deferred',
    ]);
    expect(settled.length).toBe(6);
  });

  it("waits as long as the API's 429 says, with no attempt counted and nothing saved", async () => {
    const url = 'https://tidal.com/browse/track/77';
    await control.queue(
      { status: 429, headers: { 'retry-after': '42' } },
      { status: 429, headers: { 'retry-after': '3600' } },
    );
    expect(await resolveTrack(resolve(url), deps)).toEqual({
      outcome: 'deferred',
      reason: 'resolver_rate_limited',
      delaySeconds: 42,
      attempt: 0,
    });
    // SQS delays a message by 15 minutes at most.
    expect((await resolveTrack(resolve(url), deps)).outcome).toBe('deferred');
    expect(queue.queued).toEqual([
      { message: resolve(url, 0), delaySeconds: 42 },
      { message: resolve(url, 0), delaySeconds: 900 },
    ]);
    expect(await get(url)).toBeUndefined();
    expect(settled).toEqual([]);
  });

  it('retries an unavailable resolver with a growing delay, then saves the track as failed', async () => {
    const url = 'https://music.apple.com/fr/album/x/1?i=2';
    await control.queue({ status: 503 }, { status: 502 }, { status: 500 });
    const results: ResolveTrackResult[] = [await resolveTrack(resolve(url), deps)];
    while (queue.queued.length > 0) {
      const next = queue.queued.shift();
      results.push(await resolveTrack(next?.message as ResolveMessage, deps));
    }
    expect(results).toEqual([
      { outcome: 'deferred', reason: 'resolver_unavailable', delaySeconds: 30, attempt: 1 },
      { outcome: 'deferred', reason: 'resolver_unavailable', delaySeconds: 60, attempt: 2 },
      { outcome: 'failed', detail: expect.stringContaining('HTTP 500') },
    ]);
    expect(await get(url)).toMatchObject({ status: 'failed', detail: expect.stringContaining('HTTP 500') });
    expect(settled).toEqual(['iss_34']);
    expect((await control.calls()).length).toBe(3);

    // A failure is not a cache hit: a later ingest of the URL asks again (in a window with room left).
    now = new Date('2026-11-22T10:05:00Z');
    expect(await resolveTrack(resolve(url), deps)).toMatchObject({ outcome: 'resolved' });
    expect(await get(url)).toMatchObject({ status: 'resolved' });
  });

  it('saves a URL the resolver does not know as not_found, and does not ask about it again', async () => {
    const url = 'https://open.spotify.com/track/unknown-1';
    expect(await resolveTrack(resolve(url), deps)).toEqual({
      outcome: 'not_found',
      detail: expect.stringContaining('404'),
    });
    expect(await resolveTrack(resolve(url), deps)).toEqual({ outcome: 'cached', status: 'not_found' });
    expect((await control.calls()).length).toBe(1);
    expect(await get(url)).toMatchObject({ status: 'not_found' });
    expect(settled).toEqual(['iss_34', 'iss_34']);
  });

  it('makes no call and spends no rate when the answer is cached', async () => {
    const url = 'https://www.deezer.com/track/5';
    await resolveTrack(resolve(url), deps);
    for (let i = 0; i < 5; i += 1) await resolveTrack(resolve(url), deps);
    // Three more distinct URLs still fit in the window: the cached ones took none of it.
    const fresh = ['6', '7'].map((n) => resolve(`https://www.deezer.com/track/${n}`));
    for (const message of fresh) expect((await resolveTrack(message, deps)).outcome).toBe('resolved');
    expect((await control.calls()).length).toBe(3);
  });
});
