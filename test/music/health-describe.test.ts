import { describe, expect, it } from 'vitest';
import { describeWarning } from '../../shared/domain/music/describe-warning.ts';
import { WARNING_BANNER_MARK, withWarningBanner } from '../../shared/domain/music/warning-banner.ts';
import { anIssue } from '../builders/issue.ts';

const { tracks } = anIssue();

describe('describeWarning', () => {
  it('names the track, what is wrong and the URL, French titles as written', () => {
    expect(
      describeWarning(
        {
          kind: 'dead_link',
          position: 1,
          url: 'https://www.deezer.com/track/3135556',
          detail: 'HTTP 404 Not Found',
        },
        tracks,
      ),
    ).toBe(
      'Track 1, Françoise Hardy – Le temps de l’amour: the link is dead (HTTP 404 Not Found): https://www.deezer.com/track/3135556',
    );
    expect(
      describeWarning(
        {
          kind: 'unreachable_link',
          position: 2,
          url: 'https://x.example/t',
          detail: 'no answer within 8000 ms',
        },
        tracks,
      ),
    ).toBe(
      'Track 2, Air – La femme d’argent: the link could not be reached (no answer within 8000 ms), maybe only for now: https://x.example/t',
    );
  });

  it('tells the issue cover from a track cover', () => {
    expect(
      describeWarning(
        { kind: 'dead_cover', url: 'https://images.example.org/a.jpg', detail: 'HTTP 410 Gone' },
        tracks,
      ),
    ).toBe('Issue cover: the cover image cannot be loaded (HTTP 410 Gone): https://images.example.org/a.jpg');
    expect(
      describeWarning(
        {
          kind: 'dead_cover',
          position: 3,
          url: 'https://images.example.org/c.jpg',
          detail: 'HTTP 404 Not Found',
        },
        tracks,
      ),
    ).toBe(
      'Track 3, Christine and the Queens – Saint Claude (track cover): the cover image cannot be loaded (HTTP 404 Not Found): https://images.example.org/c.jpg',
    );
  });

  it('lists missing platforms by name, and says what the mail does instead', () => {
    expect(describeWarning({ kind: 'missing_platforms', position: 2, platforms: ['tidal'] }, tracks)).toBe(
      'Track 2, Air – La femme d’argent: not found on Tidal; readers who prefer it get the song.link page',
    );
    expect(
      describeWarning(
        { kind: 'missing_platforms', position: 2, platforms: ['apple-music', 'youtube-music', 'bandcamp'] },
        tracks,
      ),
    ).toContain('not found on Apple Music, YouTube Music and Bandcamp; readers who prefer them');
  });

  it('describes unresolved and repeated tracks', () => {
    expect(
      describeWarning(
        {
          kind: 'unresolved',
          position: 1,
          url: 'https://www.deezer.com/track/3135556',
          detail: 'song.link kept failing',
        },
        tracks,
      ),
    ).toBe(
      'Track 1, Françoise Hardy – Le temps de l’amour: no links to other platforms (song.link kept failing); the mail carries your link only: https://www.deezer.com/track/3135556',
    );
    expect(
      describeWarning(
        {
          kind: 'repeated_track',
          position: 3,
          match: 'isrc',
          earlier: { issueId: 'iss_21', series: 21, sunday: '2026-06-21', position: 7 },
        },
        tracks,
      ),
    ).toBe(
      'Track 3, Christine and the Queens – Saint Claude: already in #21 of 2026-06-21, track 7 (same ISRC)',
    );
  });

  it('still says which position when the issue no longer has that track', () => {
    expect(
      describeWarning({ kind: 'missing_platforms', position: 99, platforms: ['deezer'] }, tracks),
    ).toMatch(/^Track 99: not found on Deezer/);
  });
});

describe('withWarningBanner', () => {
  const email = {
    subject: 'S',
    html: '<!doctype html><html><head><title>x</title></head><body style="margin:0"><p>Bonjour</p></body></html>',
    text: 'Bonjour\n',
  };

  const banner = {
    total: 2,
    heading: '2 avertissements sur ce numéro.',
    notes: ['Cet e-mail pèse 95 Ko.'],
    groups: [
      { title: '1 lien mort', items: ['Piste 1 (Françoise Hardy – Le temps de l’amour) : <dead> & gone'] },
      { title: '1 image introuvable', items: ['Image du numéro : gone'] },
    ],
  };

  it('puts the groups first in the body, a titled list a kind, escaped, and before the text', () => {
    const shown = withWarningBanner(email, banner);
    expect(shown.subject).toBe('S');
    const afterBody = shown.html.split('<body style="margin:0">')[1] ?? '';
    expect(afterBody.startsWith(`<div ${WARNING_BANNER_MARK}="2"`)).toBe(true);
    expect(afterBody).toContain(
      '⚠ 2 avertissements sur ce numéro.</p><p style="margin:0 0 8px">Cet e-mail pèse',
    );
    expect(afterBody).toContain(
      '<strong>1 lien mort</strong><ul style="margin:2px 0;padding-left:18px"><li style="margin:2px 0">Piste 1 (Françoise Hardy – Le temps de l’amour) : &lt;dead&gt; &amp; gone</li></ul>',
    );
    expect(afterBody.endsWith('<p>Bonjour</p></body></html>')).toBe(true);
    expect(shown.text).toMatch(
      /^=+\n2 avertissements sur ce numéro\.\n\nCet e-mail pèse 95 Ko\.\n\n1 lien mort\n/,
    );
    expect(shown.text).toContain(
      '1 lien mort\n  - Piste 1 (Françoise Hardy – Le temps de l’amour) : <dead> & gone\n\n1 image introuvable\n  - Image du numéro : gone\n',
    );
    expect(shown.text.endsWith('=\n\nBonjour\n')).toBe(true);
  });

  it('changes nothing when there is no banner', () => {
    expect(withWarningBanner(email, undefined)).toEqual(email);
  });

  it('still shows the banner first in HTML without a body tag', () => {
    expect(withWarningBanner({ html: '<p>x</p>', text: '' }, banner).html).toMatch(
      /^<div data-dimanche-warnings="2"/,
    );
  });
});
