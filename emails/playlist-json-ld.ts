import type { Issue, Track } from '../shared/domain/issue.ts';

/** ISO 8601 duration (schema.org's format for `duration`): 148 s is PT2M28S, 3725 s is PT1H2M5S. */
export const isoDuration = (totalSeconds: number): string => {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours ? `${hours}H` : '',
    minutes ? `${minutes}M` : '',
    seconds || !totalSeconds ? `${seconds}S` : '',
  ];
  return `PT${parts.join('')}`;
};

const recording = (track: Track) => ({
  '@type': 'MusicRecording',
  position: track.position,
  name: track.title,
  byArtist: { '@type': 'MusicGroup', name: track.artist },
  url: track.url,
  ...(track.durationSeconds === undefined ? {} : { duration: isoDuration(track.durationSeconds) }),
  ...(track.album ? { inAlbum: { '@type': 'MusicAlbum', name: track.album } } : {}),
});

/** The issue as a schema.org MusicPlaylist: what search engines and link previews read. */
export const playlistJsonLd = (
  issue: Issue,
  page: { url: string; description: string; seriesName: string },
) => ({
  '@context': 'https://schema.org',
  '@type': 'MusicPlaylist',
  name: issue.title,
  description: page.description,
  url: page.url,
  inLanguage: issue.language,
  datePublished: issue.sunday,
  ...(issue.cover ? { image: issue.cover.url } : {}),
  isPartOf: { '@type': 'CreativeWorkSeries', name: page.seriesName },
  numTracks: issue.tracks.length,
  track: issue.tracks.map(recording),
});

// Inside <script>, the HTML parser ends the element at the first "</script" and treats "<!--" specially, and
// MJML's parser reads entities: none of < > & may appear raw. JSON's \u escapes keep the value identical.
// U+2028/2029 are valid in JSON but not in older JavaScript string literals; escaped too, for any consumer.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element: parses back to the same value, cannot close it.
 * Indented, which also keeps two braces from meeting: "}}" in a page reads as an unfilled Mustache tag.
 */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value, null, 1).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
