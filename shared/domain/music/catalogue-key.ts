import type { Track } from '../issue.ts';

/**
 * The identities a track is remembered by in the catalogue: `isrc:<ISRC>` when the author gave one (one
 * recording), and `name:<artist>|<title>` normalised so that the spellings of one song by one artist meet.
 * The surest key comes first.
 *
 * What counts as the same track is a music editor's call, made here once:
 * - accents, case, typographic quotes and punctuation, `&`/`and`/`et`, extra spaces: never a difference;
 * - a featured artist ("feat.", "ft.", "featuring", "(avec …)", "(with …)"), in the title or the artist: the
 *   same recording credited two ways by two platforms;
 * - a note that names the same recording in another package (remaster, radio or single edit, album or single
 *   version, mono, stereo, original mix, explicit, clean, bonus track): the same song to a listener;
 * - live, remix, acoustic, demo, extended, instrumental, a re-recording…: another recording, kept distinct.
 *   Anything we do not recognise stays in the title, so the rule errs towards "different".
 * - a leading "The", "Les", "La" or "Le" of the artist (or a trailing ", The"): platforms and authors drop or
 *   move it ("Rita Mitsouko", "Beatles, The"). A wrong meeting would also need the same title, so the gain in
 *   matches is worth it; titles keep their articles, where they are part of the name.
 */
export const catalogueKeys = (track: Pick<Track, 'artist' | 'title' | 'isrc'>): string[] => [
  ...(track.isrc === undefined ? [] : [`isrc:${track.isrc.replace(/[\s-]/g, '').toUpperCase()}`]),
  `name:${normaliseArtist(track.artist)}|${normaliseTitle(track.title)}`,
];

/**
 * Removing one note can expose another ("Song (feat. X) - Remastered"): passes repeat until nothing changes.
 * When they leave nothing, they were wrong about this name ("« Avec … »" is no featured artist): its plain
 * words get the same treatment; a name with no letters at all ("!!!", "…") keeps its characters.
 */
const untilStable =
  (pass: (text: string) => string) =>
  (raw: string): string => {
    const stable = (start: string) => {
      let text = start;
      for (let round = 0; round < 8; round += 1) {
        const next = pass(text);
        if (next === text) break;
        text = next;
      }
      return text;
    };
    return stable(raw) || stable(words(fold(raw)).join(' ')) || fold(raw).replace(/\s+/g, ' ');
  };

/** Letters NFKD does not take apart, and case folding beyond `toLowerCase`. */
const LETTERS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i' };

/** "Initials B.B.", "R.E.M.": letters with dots are one word, as when typed "BB" or "REM". */
const ACRONYM = /(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđðı]/g, (letter) => LETTERS[letter] ?? letter)
    .replace(ACRONYM, (letters) => letters.replaceAll('.', ''))
    .trim();

const ARTICLES = new Set(['the', 'les', 'la', 'le']);
const AND = new Set(['and', 'et', 'n']);

const words = (text: string): string[] =>
  text
    .replaceAll('&', ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (AND.has(word) ? 'and' : word));

const FEATURING_IN_BRACKETS = /^\s*(?:feat\.?|ft\.?|featuring|avec|with)\s+\S/;
/** "avec" and "with" only count in brackets in a title: "Danse avec moi" is a title. */
const FEATURING_IN_TITLE = /\s+(?:featuring|feat\.?|ft\.?)\s+\S.*?(?=\s+[-–—]\s|\s*[([]|$)/;
const FEATURING_IN_ARTIST = /\s+(?:featuring|feat\.?|ft\.?|avec)\s+\S.*$/;
const BRACKETS = /\s*[([]([^()[\]]*)[)\]]/g;
const DASH = /\s+[-–—]\s+/;

const SAME_RECORDING_WORDS =
  /\b(?:(?:digital(?:ly)? )?re ?master(?:ed|ise|isee)?|(?:radio|single|album) (?:edit|version)|edit|(?:original|mono|stereo)(?: (?:mix|version))?|bonus track|explicit|clean|version|en|in|and|\d{4})\b/g;
/** A year or "version" alone says nothing: "(2011)" may be a re-recording, so a real marker must be there. */
const SAME_RECORDING_MARKER =
  /\b(?:re ?master|edit|mono|stereo|original|bonus track|explicit|clean|(?:radio|single|album) version)/;

const isSameRecordingNote = (note: string): boolean => {
  const text = words(note).join(' ');
  return SAME_RECORDING_MARKER.test(text) && text.replace(SAME_RECORDING_WORDS, ' ').trim() === '';
};

const withoutBracketNotes = (text: string, isNote: (note: string) => boolean) =>
  text.replace(BRACKETS, (whole, note: string) => (isNote(note) ? ' ' : whole));

const withoutDashNotes = (text: string) => {
  const parts = text.split(DASH);
  while (parts.length > 1 && isSameRecordingNote(parts.at(-1) ?? '')) parts.pop();
  return parts.join(' - ');
};

const titlePass = (raw: string) => {
  const text = withoutBracketNotes(
    fold(raw),
    (note) => FEATURING_IN_BRACKETS.test(note) || isSameRecordingNote(note),
  );
  return words(withoutDashNotes(text).replace(FEATURING_IN_TITLE, '')).join(' ');
};

const artistPass = (raw: string) => {
  const text = withoutBracketNotes(fold(raw), (note) => FEATURING_IN_BRACKETS.test(note))
    .replace(/,\s*(?:the|les|la|le)\s*$/, '')
    .replace(FEATURING_IN_ARTIST, '');
  const list = words(text);
  return (list.length > 1 && ARTICLES.has(list[0] ?? '') ? list.slice(1) : list).join(' ');
};

export const normaliseTitle = untilStable(titlePass);
export const normaliseArtist = untilStable(artistPass);
