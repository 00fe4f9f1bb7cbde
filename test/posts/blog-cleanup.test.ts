import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { aWordpressComPost, FURNITURE } from '../builders/wordpress-com-post.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const example = examplePostBody() as { tracks: { artist: string; title: string }[] };

const expectNoFurniture = (text: string, where: string) => {
  for (const string of FURNITURE) expect(text, `${where} carries "${string}"`).not.toContain(string);
};

describe('a WordPress.com post, cleaned as an editor would', () => {
  it('takes the opening heading as the title and leaves no furniture in story, mail, text or page', async () => {
    const response = await t.app.request('/webhooks/posts', signedPost(aWordpressComPost()));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { slug: string };
    expect(body.slug).toBe('34-chambre-en-provence');

    const issue = await t.issues.get('iss_34');
    expect(issue?.title).toBe('Chambre en Provence');
    expect(`${issue?.title} ${issue?.slug}`).not.toContain('°');
    expect(issue?.storyHtml).not.toContain('Chambre en Provence');
    expect(issue?.storyHtml).not.toContain('La playlist');
    expect(issue?.storyHtml).toMatch(/^<p>«\u00a0?Le TGV N° 7345/);
    expect(issue?.storyHtml).toContain('Une autre aventure commence');
    expectNoFurniture(issue?.storyHtml ?? '', 'story');
    expectNoFurniture(issue?.subtitle ?? '', 'subtitle');
    expect(issue?.tracks.map((track) => `${track.artist} – ${track.title}`)).toEqual(
      example.tracks.slice(0, 12).map((track) => `${track.artist} – ${track.title}`),
    );
    expect(issue?.playlistUrl).toBe('https://www.deezer.com/playlist/11683207204');

    const html = await (await t.app.request('/admin/issues/iss_34/preview', admin)).text();
    expectNoFurniture(html, 'mail HTML');
    expect(html).toContain('Écouter toute la playlist sur Deezer');
    expect(html).toContain('href="https://www.deezer.com/playlist/11683207204"');
    expect(html).not.toContain('<iframe');
    expect(html).toMatch(/<title>[^<°]*Chambre en Provence<\/title>/);
    const text = await (await t.app.request('/admin/issues/iss_34/preview?format=text', admin)).text();
    expectNoFurniture(text, 'text part');
    expect(text).toContain('Écouter toute la playlist sur Deezer\u00a0: https://www.deezer.com/playlist/');
    const positions = example.tracks.slice(0, 12).map((track) => text.indexOf(`– ${track.title}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const social = await (await t.app.request('/admin/issues/iss_34/social', admin)).text();
    expectNoFurniture(social, 'social posts');
    expect(social).toContain('Online Sunday Morning Sound #34 — Chambre en Provence');

    t.clock.set('2026-11-29T08:00:00Z');
    const page = await (await t.app.request('/archive/34-chambre-en-provence')).text();
    expectNoFurniture(page, 'web page');
    expect(page).toContain('src="https://widget.deezer.com/widget/auto/playlist/11683207204"');
    expect(page).toContain('<title>Online Sunday Morning Sound #34 — Chambre en Provence</title>');
  });

  it('drops decorative runs of any ornament, keeps a title that says more than the series', async () => {
    const post = aWordpressComPost(33, {
      title: { rendered: '~~~Online Sunday Morning Sound #33 &#8212; Retour de Bretagne~~~' },
    });
    expect((await t.app.request('/webhooks/posts', signedPost(post))).status).toBe(201);
    const issue = await t.issues.get('iss_33');
    expect(issue?.title).toBe('Retour de Bretagne');
    expect(issue?.slug).toBe('33-retour-de-bretagne');
    // Not the series-only case: her opening heading stays in the story.
    expect(issue?.storyHtml).toContain('Retour de Bretagne');
    expectNoFurniture(issue?.storyHtml ?? '', 'story');
  });

  it('keeps the series name without its ornaments when a series-only title has no opening heading', async () => {
    const post = aWordpressComPost(33, {
      content: {
        rendered:
          '<p>Pas de titre cette fois.</p><ol><li><a href="https://www.deezer.com/track/1">A &#8211; B</a></li></ol>' +
          '<p>%d bloggers like this:</p>',
      },
    });
    expect((await t.app.request('/webhooks/posts', signedPost(post))).status).toBe(201);
    const issue = await t.issues.get('iss_33');
    expect(issue?.title).toBe('K@ro’Online Sunday Morning Sound #33');
    expect(issue?.slug).toBe('33-k-ro-online-sunday-morning-sound-33');
    expect(issue?.storyHtml).toBe('<p>Pas de titre cette fois.</p>');
  });
});
