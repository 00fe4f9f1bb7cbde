import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { ROTATED_SECRET, signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
let t: App;
beforeEach(async () => {
  t = await testApp();
});

const post = (init: RequestInit) => t.app.request('/webhooks/posts', init);
const example = examplePostBody() as { tracks: { artist: string; title: string; url: string }[] };

describe('POST /webhooks/posts with a signed post', () => {
  it('stores issue #34 once, renders it, and previews every track in order with the French intact', async () => {
    const response = await post(signedPost(examplePostBody()));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      id: 'iss_34',
      revision: 1,
      status: 'rendered',
      outcome: 'created',
      slug: '34-chambre-en-provence',
    });

    const items = await t.itemsOf('ISSUE#iss_34');
    // The render also builds the archive's feeds as they will stand once this issue is out.
    expect(items.map((i) => i.sk)).toEqual(['FEED#atom', 'FEED#rss', 'META', 'RENDER#000001']);
    const meta = items.find((i) => i.sk === 'META');
    expect(meta).toMatchObject({
      series: 34,
      revision: 1,
      status: 'rendered',
      language: 'fr',
      sunday: '2026-11-29',
    });
    expect(meta?.tracks).toHaveLength(15);

    const preview = await t.app.request('/admin/issues/iss_34/preview', admin);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    const html = await preview.text();
    const positions = example.tracks.map((track) => html.indexOf(track.title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV');
    expect(html).toContain('Une autre aventure commence\u00a0😉');
    expect(html).not.toMatch(/<\/?mj-/);
    expect(html).toContain('https://newsletter.example.org/u/preview-sample-token');
    expect(html).not.toContain('%%DIMANCHE_');

    const text = await (await t.app.request('/admin/issues/iss_34/preview?format=text', admin)).text();
    for (const [index, track] of example.tracks.entries()) {
      expect(text).toMatch(
        new RegExp(`${index + 1}\\. ${escapeRegExp(track.artist)} – ${escapeRegExp(track.title)}`),
      );
      expect(text).toContain(track.url);
    }
  });

  it('answers a replayed webhook-id with the same status and body, writing nothing', async () => {
    const delivery = signedPost(examplePostBody());
    const first = await post(delivery);
    const firstBody = await first.text();
    const replay = await post(delivery);
    expect(replay.status).toBe(first.status);
    expect(await replay.text()).toBe(firstBody);
    expect(replay.headers.get('webhook-replayed')).toBe('true');
    expect((await t.itemsOf('ISSUE#iss_34')).map((i) => i.sk)).toEqual([
      'FEED#atom',
      'FEED#rss',
      'META',
      'RENDER#000001',
    ]);
  });

  it('replays a refusal too: the same 422 for the same delivery', async () => {
    const delivery = signedPost({ ...examplePostBody(), sunday: '2026-11-28' });
    const first = await post(delivery);
    const replay = await post(delivery);
    expect([first.status, replay.status]).toEqual([422, 422]);
    expect(await replay.json()).toEqual(await first.json());
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
  });

  it('accepts a post signed with a rotated second secret', async () => {
    expect((await post(signedPost(examplePostBody(), { secret: ROTATED_SECRET }))).status).toBe(201);
  });

  it('stores a changed re-send as a new revision and renders it again; the same content makes none', async () => {
    await post(signedPost(examplePostBody()));
    const same = await post(signedPost(examplePostBody()));
    expect(await same.json()).toMatchObject({ revision: 1, outcome: 'unchanged' });

    const changed = await post(
      signedPost({ ...examplePostBody(), title: 'Chambre en Provence (version longue)' }),
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ revision: 2, outcome: 'revised', status: 'rendered' });
    const preview = await t.app.request('/admin/issues/iss_34/preview', admin);
    expect(preview.headers.get('x-dimanche-revision')).toBe('2');
    expect(await preview.text()).toContain('Chambre en Provence (version longue)');
  });

  it('refuses a change once the issue has been sent, with 409, and keeps what went out', async () => {
    await post(signedPost(examplePostBody()));
    await t.issues.setStatus('iss_34', 'rendered', 'sent', t.clock.now().toISOString());
    const changed = await post(signedPost({ ...examplePostBody(), title: 'Trop tard' }));
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
    expect(await changed.json()).toMatchObject({
      status: 409,
      issueId: 'iss_34',
      type: expect.stringContaining('issue-already-sent'),
    });
    expect((await t.issues.get('iss_34'))?.title).toBe('Chambre en Provence');
    const same = await post(signedPost(examplePostBody()));
    expect(same.status).toBe(200);
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
