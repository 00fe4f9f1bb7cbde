import { describe, expect, it } from 'vitest';
import { parsePost } from '../../shared/domain/posts/parse-post.ts';
import { datedExamplePostBody, examplePostBody } from '../builders/issue.ts';
import { aWordpressPost } from '../builders/wordpress-post.ts';

const context = { now: new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/Paris' };

const errorsOf = (body: unknown) => {
  const parsed = parsePost(body, context);
  if (parsed.ok) throw new Error('expected the post to be refused');
  return parsed.errors;
};

describe('our own post shape', () => {
  it('becomes an issue with its tracks in order and its story intact', () => {
    const parsed = parsePost(datedExamplePostBody('2026-11-29'), context);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.content).toMatchObject({
      series: 34,
      title: 'Chambre en Provence',
      language: 'fr',
      sunday: '2026-11-29',
    });
    expect(parsed.sundayField).toBe('/sunday');
    expect(parsed.content.tracks).toHaveLength(15);
    expect(parsed.content.tracks[0]).toMatchObject({
      position: 1,
      artist: 'Françoise Hardy',
      durationSeconds: 148,
    });
    expect(parsed.content.storyHtml).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV');
  });

  it('sorts tracks by explicit position and leaves the Sunday to the use case when the post has none', () => {
    const body = {
      ...examplePostBody(),
      sunday: undefined,
      tracks: [
        { position: 2, artist: 'B', title: 'Deux', url: 'https://x.example/2' },
        { position: 1, artist: 'A', title: 'Un', url: 'https://x.example/1' },
      ],
    };
    const parsed = parsePost(body, context);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.content.tracks.map((t) => t.title)).toEqual(['Un', 'Deux']);
    // A revision keeps its issue's Sunday, a new issue takes the next free one: acceptPost knows which.
    expect(parsed.content).not.toHaveProperty('sunday');
  });

  it.each([
    [
      'a track URL that is not https',
      { tracks: [{ artist: 'A', title: 'T', url: 'http://x.example' }] },
      '/tracks/0/url',
    ],
    [
      'a javascript: track URL',
      { tracks: [{ artist: 'A', title: 'T', url: 'javascript:alert(1)' }] },
      '/tracks/0/url',
    ],
    [
      'a title with a line break (header injection)',
      { title: 'Chambre\r\nBcc: everyone@example.org' },
      '/title',
    ],
    ['a date that is not a Sunday', { sunday: '2026-11-28' }, '/sunday'],
    ['a missing series number', { series: undefined }, '/series'],
    ['no tracks', { tracks: [] }, '/tracks'],
    [
      'duplicate positions',
      {
        tracks: [
          { position: 1, artist: 'A', title: 'T', url: 'https://x.example' },
          { position: 1, artist: 'B', title: 'U', url: 'https://y.example' },
        ],
      },
      '/tracks',
    ],
    [
      'a duration that is not m:ss',
      { tracks: [{ artist: 'A', title: 'T', url: 'https://x.example', duration: '3 minutes' }] },
      '/tracks/0/duration',
    ],
    ['an unknown language', { language: 'de' }, '/language'],
  ])('names the field for %s', (_case, change, pointer) => {
    expect(errorsOf({ ...examplePostBody(), ...change }).map((e) => e.pointer)).toContain(pointer);
  });

  it('refuses a story with nothing left once unsafe markup is removed', () => {
    expect(errorsOf({ ...examplePostBody(), story: '<script>alert(1)</script>' })).toEqual([
      { pointer: '/story', detail: 'has no text left once unsafe markup is removed' },
    ]);
  });
});

describe('a WordPress post object', () => {
  it('maps title, series, excerpt, cover, link and the playlist list to the same model', () => {
    const parsed = parsePost(aWordpressPost(), context);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { content } = parsed;
    expect(content).toMatchObject({
      series: 34,
      title: 'Chambre en Provence',
      subtitle: 'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique',
      cover: {
        url: 'https://onlinesundaymorningsound.example.org/wp-content/uploads/lavande.jpg',
        alt: 'Champ de lavande',
      },
      sourceUrl: 'https://onlinesundaymorningsound.example.org/2026/11/28/online-sunday-morning-sound-34/',
      sunday: '2026-11-29',
    });
    expect(content.tracks).toHaveLength(15);
    expect(content.tracks[1]).toMatchObject({
      position: 2,
      artist: 'Air',
      title: 'La femme d’argent',
      url: 'https://www.deezer.com/track/3143475',
    });
    expect(content.storyHtml).not.toContain('<ol>');
    expect(content.storyHtml).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon');
  });

  it('prefers the playlist and series from registered post meta', () => {
    const meta = {
      dimanche_series: 35,
      dimanche_sunday: '2026-12-06',
      dimanche_tracks: [{ artist: 'Air', title: 'Playground Love', url: 'https://x.example/pl' }],
    };
    const parsed = parsePost(aWordpressPost({ meta, title: { rendered: 'Sans numéro' } }), context);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.content).toMatchObject({ series: 35, sunday: '2026-12-06', title: 'Sans numéro' });
    expect(parsed.content.tracks).toEqual([
      { position: 1, artist: 'Air', title: 'Playground Love', url: 'https://x.example/pl' },
    ]);
    expect(parsed.content.storyHtml).toContain('<ol>');
  });

  it('names the WordPress field when the title has no series number', () => {
    expect(errorsOf(aWordpressPost({ title: { rendered: 'Chambre en Provence' } }))[0]?.pointer).toBe(
      '/title/rendered',
    );
  });

  it('names the WordPress field when the content has no playlist', () => {
    expect(errorsOf(aWordpressPost({ content: { rendered: '<p>Pas de playlist</p>' } }))[0]?.pointer).toBe(
      '/content/rendered',
    );
  });

  it('points a bad mapped value back at where it came from', () => {
    const errors = errorsOf(
      aWordpressPost({
        content: { rendered: '<p>x</p><ol><li><a href="http://insecure.example">A – B</a></li></ol>' },
      }),
    );
    expect(errors[0]).toMatchObject({ pointer: '/content/rendered' });
    expect(errors[0]?.detail).toContain('tracks/0/url');
  });

  it('names a malformed WordPress field directly', () => {
    expect(errorsOf(aWordpressPost({ link: 'not a url' })).map((e) => e.pointer)).toContain('/link');
  });
});
