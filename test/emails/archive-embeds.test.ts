import { describe, expect, it } from 'vitest';
import { isoDuration, playlistJsonLd, scriptSafeJson } from '../../emails/playlist-json-ld.ts';
import { trackEmbed } from '../../emails/track-embeds.ts';
import { anIssue } from '../builders/issue.ts';

const SPOTIFY_ID = '4uLU6hMCjMI75M1A2tKUQC';

describe('a player from a track link', () => {
  it.each([
    [`https://open.spotify.com/track/${SPOTIFY_ID}`, `https://open.spotify.com/embed/track/${SPOTIFY_ID}`],
    [
      `https://open.spotify.com/track/${SPOTIFY_ID}?si=a1b2c3`,
      `https://open.spotify.com/embed/track/${SPOTIFY_ID}`,
    ],
    [
      `https://open.spotify.com/intl-fr/track/${SPOTIFY_ID}`,
      `https://open.spotify.com/embed/track/${SPOTIFY_ID}`,
    ],
    ['https://www.deezer.com/track/3135556', 'https://widget.deezer.com/widget/auto/track/3135556'],
    [
      'https://www.deezer.com/fr/track/3135556?utm_source=x',
      'https://widget.deezer.com/widget/auto/track/3135556',
    ],
    ['https://deezer.com/track/3135556', 'https://widget.deezer.com/widget/auto/track/3135556'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    [
      'https://www.youtube.com/watch?list=PL1&v=dQw4w9WgXcQ&t=42',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ],
    ['https://music.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=x', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    [
      'https://OPEN.SPOTIFY.COM:443/track/' + SPOTIFY_ID,
      `https://open.spotify.com/embed/track/${SPOTIFY_ID}`,
    ],
  ])('embeds %s as %s', (url, src) => {
    expect(trackEmbed(url)?.src).toBe(src);
  });

  it.each([
    ['another platform', 'https://music.apple.com/fr/album/x/1440857781?i=1440857782'],
    ['a Spotify album, not a track', `https://open.spotify.com/album/${SPOTIFY_ID}`],
    ['a Spotify id of the wrong length', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQ'],
    ['a Deezer short link', 'https://link.deezer.com/s/30Yt7Qm9qF'],
    ['a look-alike host', `https://open.spotify.com.evil.example/track/${SPOTIFY_ID}`],
    ['a subdomain of a look-alike', `https://evil-open.spotify.com/track/${SPOTIFY_ID}`],
    ['plain http', 'http://www.deezer.com/track/3135556'],
    ['another port', `https://open.spotify.com:8443/track/${SPOTIFY_ID}`],
    ['credentials', 'https://user:pass@www.deezer.com/track/3135556'],
    ['an encoded path', 'https://www.deezer.com/track/3135556%2F..%2Fevil'],
    ['a path past the id', 'https://www.deezer.com/track/3135556/../../widget'],
    ['a YouTube id with a quote', 'https://www.youtube.com/watch?v=dQw4w9WgX"Q'],
    ['a YouTube channel', 'https://www.youtube.com/@someone'],
    ['a trailing dot on the host', 'https://www.deezer.com./track/3135556'],
    ['not a URL', 'javascript:alert(1)'],
    ['nothing', ''],
  ])('gives no player for %s', (_case, url) => {
    expect(trackEmbed(url)).toBeUndefined();
  });
});

describe('the playlist as JSON-LD', () => {
  it('writes durations in ISO 8601', () => {
    expect([0, 42, 148, 429, 3600, 3725].map(isoDuration)).toEqual([
      'PT0S',
      'PT42S',
      'PT2M28S',
      'PT7M9S',
      'PT1H',
      'PT1H2M5S',
    ]);
  });

  it('describes each track as a MusicRecording, with its duration and album only when known', () => {
    const issue = anIssue({
      tracks: [
        { position: 1, artist: 'Jain', title: 'Come', url: 'https://www.deezer.com/track/3159313' },
        {
          position: 2,
          artist: 'Air',
          title: 'La femme d’argent',
          album: 'Moon Safari',
          durationSeconds: 429,
          url: 'https://www.deezer.com/track/3143475',
        },
      ],
    });
    const ld = playlistJsonLd(issue, {
      url: 'https://x.example/archive/34',
      description: 'd',
      seriesName: 'S',
    });
    expect(ld).toMatchObject({ '@type': 'MusicPlaylist', numTracks: 2 });
    expect(ld.track).toEqual([
      {
        '@type': 'MusicRecording',
        position: 1,
        name: 'Come',
        byArtist: { '@type': 'MusicGroup', name: 'Jain' },
        url: 'https://www.deezer.com/track/3159313',
      },
      {
        '@type': 'MusicRecording',
        position: 2,
        name: 'La femme d’argent',
        byArtist: { '@type': 'MusicGroup', name: 'Air' },
        url: 'https://www.deezer.com/track/3143475',
        duration: 'PT7M9S',
        inAlbum: { '@type': 'MusicAlbum', name: 'Moon Safari' },
      },
    ]);
  });

  it('cannot close its script element or open a comment, and parses back to the same value', () => {
    const value = {
      name: '</script><script>alert(1)</script> <!-- « x » & y > z \u2028 😉',
      nested: { deeper: { list: [] } },
    };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(json).not.toContain('}}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
