import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, BASE_URL, testApp } from '../support/test-app.ts';
import { activeContentIn, ownWebPageElement } from '../support/xss-corpus.ts';
import { elementsOf, jsonLdOf, metaOf } from './archive-support.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

type Body = Record<string, unknown> & { tracks: Record<string, unknown>[] };

const publish = async (change: (body: Body) => Body = (body) => body) => {
  const response = await t.app.request('/webhooks/posts', signedPost(change(examplePostBody() as Body)));
  expect(response.status).toBeLessThan(300);
  const issue = await t.issues.get('iss_34');
  t.clock.set('2026-11-29T08:00:00Z');
  const page = await t.app.request(`/archive/${issue?.slug}`);
  expect(page.status).toBe(200);
  return page.text();
};

const withUrls = (urls: string[]) => (body: Body) => ({
  ...body,
  tracks: urls.map((url, i) => ({ ...body.tracks[i], url })),
});

const iframesOf = (html: string) =>
  elementsOf(html, (e) => e.name === 'iframe').map(({ attribs }) => ({
    src: attribs.src,
    title: attribs.title,
    loading: attribs.loading,
    height: attribs.height,
  }));

describe('the web page of an issue', () => {
  it('embeds a lazy, titled player for each Spotify, Deezer or YouTube track, and none for other links', async () => {
    const html = await publish(
      withUrls([
        'https://open.spotify.com/intl-fr/track/4uLU6hMCjMI75M1A2tKUQC?si=a1b2',
        'https://www.deezer.com/fr/track/3143475',
        'https://music.apple.com/fr/album/moon-safari/1440857781?i=1440857782',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42',
        'https://open.spotify.com.evil.example/track/4uLU6hMCjMI75M1A2tKUQC',
        'https://camille.bandcamp.com/track/ta-douleur',
        'https://youtu.be/9bZkp7q19f0',
      ]),
    );
    expect(iframesOf(html)).toEqual([
      {
        src: 'https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC',
        title: 'Spotify\u00a0: Françoise Hardy – Le temps de l’amour',
        loading: 'lazy',
        height: '152',
      },
      {
        src: 'https://widget.deezer.com/widget/auto/track/3143475',
        title: 'Deezer\u00a0: Air – La femme d’argent',
        loading: 'lazy',
        height: '150',
      },
      {
        src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        title: 'YouTube\u00a0: Jain – Come',
        loading: 'lazy',
        height: '315',
      },
      {
        src: 'https://www.youtube-nocookie.com/embed/9bZkp7q19f0',
        title: 'YouTube\u00a0: Juliette Armanet – Le dernier jour du disco',
        loading: 'lazy',
        height: '315',
      },
    ]);
    // Every track keeps its card and its own link, player or not: a link is not a player.
    expect(html).toContain('href="https://camille.bandcamp.com/track/ta-douleur"');
    expect(html).toContain('href="https://open.spotify.com.evil.example/track/4uLU6hMCjMI75M1A2tKUQC"');
  });

  it('keeps players out of the email', async () => {
    await publish();
    const email = await (await t.app.request('/admin/issues/iss_34/preview', admin)).text();
    expect(email).not.toMatch(/<iframe|og:title|application\/ld\+json/i);
  });

  it('has a social card: Open Graph and Twitter tags, with the cover as image', async () => {
    const meta = metaOf(await publish());
    const subtitle =
      'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉';
    expect(meta).toMatchObject({
      'og:type': 'article',
      'og:site_name': 'Online Sunday Morning Sound',
      'og:title': 'Chambre en Provence',
      'og:description': subtitle,
      'og:url': `${BASE_URL}/archive/34-chambre-en-provence`,
      'og:locale': 'fr_FR',
      'og:image': 'https://images.example.org/oss-34/lavande.jpg',
      'og:image:alt': 'Champ de lavande dans le Gard, sous le soleil',
      'article:published_time': '2026-11-29',
      'twitter:card': 'summary_large_image',
      'twitter:title': 'Chambre en Provence',
      'twitter:description': subtitle,
      'twitter:image': 'https://images.example.org/oss-34/lavande.jpg',
    });
  });

  it('falls back to a small card without a cover', async () => {
    const meta = metaOf(await publish(({ cover: _cover, ...body }) => body as Body));
    expect(meta['twitter:card']).toBe('summary');
    expect(meta['og:image']).toBeUndefined();
  });

  it('describes the playlist as schema.org MusicPlaylist JSON-LD that parses, French text intact', async () => {
    const blocks = jsonLdOf(await publish());
    expect(blocks).toHaveLength(1);
    const [playlist] = blocks as [Record<string, unknown> & { track: Record<string, unknown>[] }];
    expect(playlist).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MusicPlaylist',
      name: 'Chambre en Provence',
      url: `${BASE_URL}/archive/34-chambre-en-provence`,
      description:
        'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
      numTracks: 15,
      datePublished: '2026-11-29',
      inLanguage: 'fr',
      image: 'https://images.example.org/oss-34/lavande.jpg',
    });
    expect(playlist.track).toHaveLength(15);
    expect(playlist.track[0]).toEqual({
      '@type': 'MusicRecording',
      position: 1,
      name: 'Le temps de l’amour',
      byArtist: { '@type': 'MusicGroup', name: 'Françoise Hardy' },
      url: 'https://www.deezer.com/track/3135556',
      duration: 'PT2M28S',
      inAlbum: { '@type': 'MusicAlbum', name: 'Le temps de l’amour' },
    });
    expect(playlist.track[1]).toMatchObject({ duration: 'PT7M9S' });
  });

  it('keeps hostile text inside its JSON-LD: one script element, parsing back to the exact text', async () => {
    const attack = '</script><script>alert(1)</script><!-- «\u00a0x\u00a0» & </SCRIPT >';
    const html = await publish((body) => ({
      ...body,
      title: `Chambre ${attack}`,
      tracks: [{ ...body.tracks[0], artist: attack, title: attack }, ...body.tracks.slice(1)],
    }));
    expect(activeContentIn(html, ownWebPageElement)).toEqual([]);
    const scripts = elementsOf(html, (e) => e.name === 'script');
    expect(scripts.map((s) => s.attribs.type)).toEqual(['application/ld+json']);
    const [playlist] = jsonLdOf(html) as [
      { name: string; track: { name: string; byArtist: { name: string } }[] },
    ];
    expect(playlist.name).toBe(`Chambre ${attack}`);
    expect(playlist.track[0]?.name).toBe(attack);
    expect(playlist.track[0]?.byArtist.name).toBe(attack);
  });

  it('links to the whole archive and to its feeds', async () => {
    const html = await publish();
    expect(html).toContain(`<a href="${BASE_URL}/archive">Tous les numéros</a>`);
    const alternates = elementsOf(html, (e) => e.name === 'link' && e.attribs.rel === 'alternate');
    expect(alternates.map((e) => [e.attribs.type, e.attribs.href])).toEqual([
      ['application/rss+xml', `${BASE_URL}/archive/feed.xml`],
      ['application/atom+xml', `${BASE_URL}/archive/atom.xml`],
    ]);
  });
});
