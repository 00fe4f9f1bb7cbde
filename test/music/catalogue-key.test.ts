import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, normaliseArtist, normaliseTitle } from '../../shared/domain/music/catalogue-key.ts';

const nameKey = (artist: string, title: string) => catalogueKeys({ artist, title }).at(-1);

describe('the catalogue keys of a track', () => {
  it('are the ISRC first, when known, then the normalised artist and title', () => {
    expect(
      catalogueKeys({ artist: 'Françoise Hardy', title: 'Le temps de l’amour', isrc: 'FRZ036200140' }),
    ).toEqual(['isrc:FRZ036200140', 'name:francoise hardy|le temps de l amour']);
    expect(catalogueKeys({ artist: 'Air', title: 'La femme d’argent' })).toEqual([
      'name:air|la femme d argent',
    ]);
  });

  it('keep an ISRC that reached them in its printed form to its 12 characters', () => {
    expect(catalogueKeys({ artist: 'Air', title: 'Playground Love', isrc: 'fr-z03-00-00123' })[0]).toBe(
      'isrc:FRZ030000123',
    );
  });
});

describe('two spellings of one song by one artist', () => {
  it.each([
    [
      'accents and case',
      ['Françoise Hardy', 'Le temps de l’amour'],
      ['FRANCOISE HARDY', 'le Temps de L’Amour'],
    ],
    ['typographic and typewriter apostrophes', ['Air', 'La femme d’argent'], ['Air', "La Femme d'Argent"]],
    ['French quotes', ['Noir Désir', '« Le vent nous portera »'], ['Noir Desir', 'Le vent nous portera']],
    [
      'English quotes and a hyphen',
      ['Christine and the Queens', '“Saint-Claude”'],
      ['Christine and the Queens', 'Saint Claude'],
    ],
    ['& for and', ['Christine & The Queens', 'Tilted'], ['Christine and the Queens', 'Tilted']],
    [
      'et for &',
      ['Charlotte et Serge Gainsbourg', 'Lemon Incest'],
      ['Charlotte & Serge Gainsbourg', 'Lemon Incest'],
    ],
    ["'n' for and", ['Chuck Berry', "Rock'n'Roll Music"], ['Chuck Berry', 'Rock and Roll Music']],
    ['a remaster after a dash', ['Air', 'La femme d’argent - Remastered 2011'], ['Air', 'La femme d’argent']],
    [
      'a remaster in brackets',
      ['Serge Gainsbourg', 'Initials B.B. (2001 Remaster)'],
      ['Serge Gainsbourg', 'Initials BB'],
    ],
    [
      'a French remaster note',
      ['Alain Souchon', 'Foule sentimentale (Remasterisé en 2012)'],
      ['Alain Souchon', 'Foule sentimentale'],
    ],
    ['a radio edit', ['Daft Punk', 'One More Time (Radio Edit)'], ['Daft Punk', 'One More Time']],
    [
      'two notes at once',
      ['Daft Punk', 'One More Time [Remastered 2009 / Radio Edit]'],
      ['Daft Punk', 'One More Time'],
    ],
    [
      'a single version after a dash',
      ['Étienne Daho', 'Week-end à Rome – Single Version'],
      ['Etienne Daho', 'Week-end à Rome'],
    ],
    [
      'a featured artist in the title',
      ['Angèle', 'Tout oublier (feat. Roméo Elvis)'],
      ['Angèle', 'Tout oublier'],
    ],
    [
      'a featured artist in the artist',
      ['Angèle feat. Roméo Elvis', 'Tout oublier'],
      ['Angèle', 'Tout oublier'],
    ],
    ['ft. without brackets', ['Gorillaz', 'Feel Good Inc. ft. De La Soul'], ['Gorillaz', 'Feel Good Inc']],
    ['avec in brackets', ['Vianney', 'Beau-papa (avec Pomme)'], ['Vianney avec Pomme', 'Beau-papa']],
    ['a leading The', ['The Beatles', 'Michelle'], ['Beatles', 'Michelle']],
    ['a trailing ", The"', ['Cure, The', 'Friday I’m in Love'], ['The Cure', 'Friday I’m In Love']],
    ['a leading Les', ['Les Rita Mitsouko', 'Marcia Baïla'], ['Rita Mitsouko', 'Marcia Baila']],
    ['extra and no-break spaces', ['  Air ', 'La\u00a0femme   d’argent '], ['Air', 'La femme d’argent']],
  ])('meet despite %s', (_case, [artistA, titleA], [artistB, titleB]) => {
    expect(nameKey(artistA!, titleA!)).toBe(nameKey(artistB!, titleB!));
  });
});

describe('two recordings a music editor keeps apart', () => {
  it.each([
    ['a live version', 'Saint Claude (Live)', 'Saint Claude'],
    ['a live version after a dash', 'La femme d’argent - Live at Olympia', 'La femme d’argent'],
    ['a remix', 'Tilted (Hot Chip Remix)', 'Tilted'],
    ['a remix, remastered', 'Tilted (Hot Chip Remix) [Remastered]', 'Tilted'],
    ['an acoustic version', 'Tout oublier (Version acoustique)', 'Tout oublier'],
    ['an extended mix', 'One More Time (Extended Mix)', 'One More Time'],
    ['a live version with a featured artist', 'Tout oublier feat. Roméo Elvis - Live', 'Tout oublier'],
    ['a year alone, maybe a re-recording', 'Le temps de l’amour (2011)', 'Le temps de l’amour'],
  ])('stay distinct: %s', (_case, version, original) => {
    expect(nameKey('Artist', version)).not.toBe(nameKey('Artist', original));
  });

  it('keeps "avec" in a title, where it is part of the name', () => {
    expect(normaliseTitle('Danse avec moi')).toBe('danse avec moi');
    expect(normaliseArtist('Avec pas d’casque')).toBe('avec pas d casque');
  });

  it('keeps an artist that is only an article, and a name with no letters', () => {
    expect(normaliseArtist('The The')).toBe('the');
    expect(normaliseArtist('!!!')).toBe('!!!');
    expect(nameKey('!!!', 'Heart of Hearts')).not.toBe(nameKey('???', 'Heart of Hearts'));
  });
});

const piece = fc.constantFrom(
  'Le',
  'temps',
  'de',
  'l’amour',
  "l'amour",
  'Françoise',
  'Hardy',
  'Émilie',
  'Œuvre',
  'straße',
  '&',
  'et',
  'and',
  'The',
  'Les',
  'feat.',
  'ft.',
  'avec',
  '(Live)',
  '(Radio Edit)',
  '- Remastered 2011',
  '(2011 Remaster)',
  '«',
  '»',
  '“',
  '”',
  '-',
  '–',
  '(',
  ')',
  '[Remix]',
  'Ça',
  'Noël',
  'naïve',
  'Mötley',
  'Crüe',
  '!',
  '…',
  '2011',
);
const phrase = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const stripAccents = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '');

describe('normalisation, on any phrase made of real fragments', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        expect(normaliseTitle(normaliseTitle(text))).toBe(normaliseTitle(text));
        expect(normaliseArtist(normaliseArtist(text))).toBe(normaliseArtist(text));
      }),
    );
  });

  it('ignores case, accents and how many spaces separate the words', () => {
    const spaces = fc.constantFrom(' ', '  ', '\u00a0', ' \t ');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), spaces, (parts, gap) => {
        const text = parts.join(' ');
        const key = nameKey(text, text);
        expect(nameKey(text.toUpperCase(), text.toLowerCase())).toBe(key);
        expect(nameKey(stripAccents(text), stripAccents(text))).toBe(key);
        expect(nameKey(` ${parts.join(gap)} `, parts.join(gap))).toBe(key);
      }),
    );
  });
});
