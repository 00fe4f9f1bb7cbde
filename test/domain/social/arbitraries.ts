import fc from 'fast-check';
import type { SocialPostSource } from '../../../shared/domain/social/social-post.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Words as the author writes them: accents both precomposed and as combining marks, apostrophes, emoji. */
const WORDS = [
  'dimanche',
  'matin',
  'Fête',
  'Fe\u0302te', // the same word with a combining circumflex: one grapheme, two code points
  'e\u0301te\u0301',
  'l’amour',
  'aujourd’hui',
  'Week-end',
  'Provence',
  'anticonstitutionnellement',
  'Œuvre',
  'N°',
  '#34',
  '9h30-17h30',
  '«' + NBSP + 'Le',
  'quai' + NBSP + '»',
  'vacances' + NNBSP + '!',
  'vrai' + NNBSP + '?',
  '“guillemets”',
  '‘simples’',
  'Café',
  'ÇA',
  '音楽', // weighs 2 a character on X
  '😉',
  '👩‍👩‍👧‍👦', // ZWJ family
  '🧑🏽‍🚀', // skin tone + ZWJ
  '👋🏿', // skin tone
  '🇫🇷', // flag: two regional indicators
  '🏳️‍🌈', // flag with VS16 + ZWJ
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿', // subdivision flag: tag sequence
  '1️⃣', // keycap
  '❤️',
  '…',
  '—',
  '(entre',
  'parenthèses)',
  'virgule,',
  'point.',
];

const SEPARATORS = [' ', ' ', ' ', NBSP, NNBSP, ' — ', ', '];

export const frenchText = (maxWords: number): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
      minLength: 1,
      maxLength: maxWords,
    })
    .map((pairs) => pairs.map(([word, sep], i) => (i === 0 ? word : sep + word)).join(''));

/** One word with no boundary inside it, long enough to need a cut: shortening must fall back to clusters. */
export const oneLongWord: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('a', 'é', 'e\u0301', '👩‍👩‍👧', '🇫🇷'), { minLength: 200, maxLength: 400 })
  .map((parts) => parts.join(''));

const slugPart = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/);
const queryValue = fc.stringMatching(/^[A-Za-z0-9_.~-]{0,20}[A-Za-z0-9]$|^%C3%A9[a-z]{1,5}$/);

/** Archive-like addresses, long ones with query strings included; always ending like a path or query does. */
export const url: fc.Arbitrary<string> = fc
  .record({
    host: fc.constantFrom(
      'newsletter.example.org',
      'dimanche.fr',
      'www.onlinesundaymorningsound.example.com',
    ),
    path: fc.array(slugPart, { minLength: 1, maxLength: 4 }),
    query: fc.array(fc.tuple(fc.stringMatching(/^[a-z_]{1,12}$/), queryValue), { maxLength: 6 }),
  })
  .map(({ host, path, query }) => {
    const base = `https://${host}/${path.join('/')}`;
    return query.length === 0 ? base : `${base}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
  })
  .filter((u) => u.length <= 250);

const hashtags = fc.array(fc.constantFrom('playlist', 'musique', 'dimanche', 'FêteDeLaMusique', 'OSMS_34'), {
  maxLength: 5,
});

export const source = (overrides: { override?: fc.Arbitrary<string | undefined> } = {}) =>
  fc
    .record({
      title: frenchText(25),
      hook: fc.oneof(frenchText(90), oneLongWord, fc.constant('')),
      url,
      hashtags,
      language: fc.constantFrom('fr' as const, 'en' as const),
      override: overrides.override ?? fc.constant(undefined),
    })
    .map(({ title, hook, url: address, hashtags: tags, language, override }): SocialPostSource => ({
      series: 34,
      title: `Online Sunday Morning Sound #34 — ${title}`,
      hook,
      url: address,
      hashtags: tags,
      language,
      card: { url: address, title, description: hook },
      ...(override === undefined ? {} : { override }),
    }));

/** The author's own text: sometimes with the address in it as a word of its own, sometimes on many lines. */
export const overrideSource = source().chain((base) =>
  fc
    .record({
      before: frenchText(120),
      after: fc.oneof(fc.constant(''), frenchText(120)),
      withUrl: fc.boolean(),
      lineBreak: fc.constantFrom(' ', '\n', '\n\n'),
    })
    .map(({ before, after, withUrl, lineBreak }) => ({
      ...base,
      override: withUrl
        ? `${before}${lineBreak}${base.url}${after === '' ? '' : ` ${after}`}`
        : `${before}${lineBreak}${after}`,
    })),
);

export const rules = fc.record({
  mastodon: fc.record({
    maxCharacters: fc.oneof(fc.constant(500), fc.integer({ min: 100, max: 5000 })),
    charactersReservedPerUrl: fc.oneof(fc.constant(23), fc.integer({ min: 1, max: 60 })),
  }),
});
