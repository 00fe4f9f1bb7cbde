import { describe, expect, it } from 'vitest';
import { cleanBlogPost } from '../../shared/domain/posts/blog-cleanup.ts';
import { titleAfterSeries, withoutDecorations } from '../../shared/domain/posts/series-title.ts';

const tracks = (tag: 'ol' | 'ul') =>
  `<${tag}>${['A', 'B', 'C']
    .map((name, i) => `<li><a href="https://www.deezer.com/track/${i + 1}">${name} – Song ${i + 1}</a></li>`)
    .join('')}</${tag}>`;

describe('cleaning a blog post', () => {
  it('removes English Jetpack furniture and a bloggers-like line run into her last sentence', () => {
    const { storyHtml } = cleanBlogPost(
      `<p>The end of the story. %d bloggers like this:</p>${tracks('ol')}` +
        '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3></div>' +
        '<h3>Like this:</h3><p>Like</p><p>Loading...</p><h3>Related</h3>',
      { tracks: true, headline: false },
    );
    expect(storyHtml).toBe('<p>The end of the story. </p>');
  });

  it('takes a plain short first line as the headline, past a picture, and a bulleted playlist', () => {
    const cleaned = cleanBlogPost(
      '<p><img src="https://example.org/a.jpg" alt="Lavande"></p><p>Chambre en Provence</p>' +
        `<p>Le TGV entre en gare.</p><h2>La playlist</h2>${tracks('ul')}<p>Rendez-vous sur Hellocoton !</p>`,
      { tracks: true, headline: true },
    );
    expect(cleaned.headline).toBe('Chambre en Provence');
    expect(cleaned.tracks?.map((t) => t.artist)).toEqual(['A', 'B', 'C']);
    expect(cleaned.storyHtml).toBe(
      '<p><img src="https://example.org/a.jpg" alt="Lavande"></p><p>Le TGV entre en gare.</p>',
    );
  });

  it('keeps a bulleted list of her story that is not all tracks', () => {
    const cleaned = cleanBlogPost('<p>Hi.</p><ul><li>one</li><li>two</li></ul>', {
      tracks: true,
      headline: false,
    });
    expect(cleaned.tracks).toBeUndefined();
  });

  it('turns a Spotify or YouTube playlist on its own line into the whole-playlist link', () => {
    for (const [html, url] of [
      [
        '<p><a href="https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=x">Sur Spotify</a></p>',
        'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M',
      ],
      [
        '<iframe src="https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"></iframe>',
        'https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
      ],
    ] as const) {
      const cleaned = cleanBlogPost(`<p>Story.</p>${html}`, { tracks: false, headline: false });
      expect(cleaned.playlist?.url).toBe(url);
      expect(cleaned.storyHtml).toBe('<p>Story.</p>');
    }
  });

  it('drops decorative runs, and tells a series-only title', () => {
    expect(withoutDecorations('°°°K@ro’Online Sunday Morning Sound #34°°°')).toBe(
      'K@ro’Online Sunday Morning Sound #34',
    );
    expect(withoutDecorations('*** Sunday Morning Sound #34 ~~~')).toBe('Sunday Morning Sound #34');
    expect(titleAfterSeries('K@ro’Online Sunday Morning Sound #34')).toBeUndefined();
    expect(titleAfterSeries('Online Sunday Morning Sound #34 — Chambre en Provence')).toBe(
      'Chambre en Provence',
    );
  });
});
