import { describe, expect, it } from 'vitest';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { PLATFORMS } from '../../shared/domain/platforms.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

type PostBody = ReturnType<typeof examplePostBody> & {
  tracks: { url: string; artist: string; title: string }[];
};
const post34 = () => examplePostBody() as PostBody;

describe('the webhook and the admin routes with track links', () => {
  it('queues the new revision’s tracks for resolution and a first link check, off the webhook’s path', async () => {
    const t = await testApp({}, { music: true });
    const response = await t.app.request('/webhooks/posts', signedPost(post34()));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'iss_34', warnings: [] });
    const queued = t.musicQueue!.receive(100).map((m) => m.body);
    const urls = [...new Set(post34().tracks.map((track) => track.url))];
    expect(queued).toEqual([
      ...urls.map((url) => ({ kind: 'resolve', issueId: 'iss_34', url })),
      { kind: 'check', issueId: 'iss_34', reason: 'ingest' },
    ]);
    // The same post again makes no revision, hence no new work.
    expect((await t.app.request('/webhooks/posts', signedPost(post34()))).status).toBe(200);
    expect(t.musicQueue!.size()).toBe(queued.length);
  });

  it('answers a later issue that repeats a track with a warning naming the earlier one', async () => {
    const t = await testApp({}, { music: true });
    expect((await t.app.request('/webhooks/posts', signedPost(post34()))).status).toBe(201);
    const repeated = post34().tracks[1]!;
    const next = {
      ...post34(),
      series: 35,
      title: 'Un dimanche à Marseille',
      sunday: '2026-12-06',
      tracks: [
        // Another share of the same song, spelt differently: the catalogue matches on artist and title.
        {
          ...repeated,
          position: 1,
          url: 'https://open.spotify.com/track/0mYq1YI8nM1b0Q8s3pYc1R',
          title: repeated.title.toUpperCase(),
        },
        { position: 2, artist: 'Barbara', title: 'Göttingen', url: 'https://www.deezer.com/track/1151420' },
      ],
    };
    const response = await t.app.request('/webhooks/posts', signedPost(next));
    expect(response.status).toBe(201);
    const { warnings } = (await response.json()) as { warnings: Record<string, unknown>[] };
    expect(warnings).toEqual([
      expect.objectContaining({
        kind: 'repeated_track',
        position: 1,
        match: 'artist_title',
        earlier: expect.objectContaining({ issueId: 'iss_34', series: 34, position: 2 }),
        message: expect.stringContaining('#34'),
      }),
    ]);
  });

  it('previews and test-sends the mail as a reader of one platform sees it; an unknown platform is a 422', async () => {
    const t = await testApp({}, { music: true });
    const first = post34().tracks[0]!;
    await dynamoTrackLinkStore(t.doc, t.tableName).save({
      key: trackUrlKey(first.url),
      url: first.url,
      status: 'resolved',
      pageUrl: 'https://song.link/d/3135556',
      links: Object.fromEntries(PLATFORMS.map((p) => [p, `https://${p}.example/track/1`])),
      missing: [],
      resolvedAt: '2026-11-24T09:00:00.000Z',
    });
    expect((await t.app.request('/webhooks/posts', signedPost(post34()))).status).toBe(201);

    const clicks = dynamoClickStore(t.doc, t.tableName);
    const leadOf = async (html: string) => {
      const id = /<br><a href="https:\/\/newsletter\.example\.org\/r\/([\w-]{22})"/.exec(html)?.[1];
      return (await clicks.find(id ?? ''))?.target;
    };
    const asDeezer = await t.app.request('/admin/issues/iss_34/preview?platform=deezer', admin);
    expect(await leadOf(await asDeezer.text())).toBe('https://deezer.example/track/1');
    const asAnyone = await t.app.request('/admin/issues/iss_34/preview', admin);
    expect(await leadOf(await asAnyone.text())).toBe('https://song.link/d/3135556');

    const refused = await t.app.request('/admin/issues/iss_34/preview?platform=qobuz', admin);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ pointer: 'platform' }] });
    const refusedSend = await t.app.request('/admin/issues/iss_34/test-send', {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'autrice@newsletter.example.org', platform: 42 }),
    });
    expect(refusedSend.status).toBe(422);
    expect(await refusedSend.json()).toMatchObject({ errors: [{ pointer: '/platform' }] });
  });
});
