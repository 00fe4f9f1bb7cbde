import * as v from 'valibot';

/** Anything that can end up in a mail header (subject, names) must be one line: CR/LF would inject headers. */
export const oneLine = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((value) => !/[\r\n\u2028\u2029]/.test(value), 'must not contain line breaks'),
  );

export const httpsUrl = v.pipe(
  v.string('must be an https URL'),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.url('must be an https URL'),
  v.check((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL'),
);

export const isoSunday = v.pipe(
  v.string('must be a date YYYY-MM-DD'),
  v.isoDate('must be a date YYYY-MM-DD'),
  v.check((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0, 'must be a Sunday'),
);

export const wholeNumber = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

/** "3:45" or seconds. */
export const duration = v.union(
  [
    wholeNumber(1, 24 * 3600),
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}:[0-5]\d$/),
      v.transform((value) => {
        const [minutes = 0, seconds = 0] = value.split(':').map(Number);
        return minutes * 60 + seconds;
      }),
    ),
  ],
  'must be m:ss or a number of seconds',
);

/**
 * ISO 3901: two letters, three letters or digits, seven digits. The IFPI's validation bulletin says the "ISRC"
 * label, hyphens and spaces are presentation only and lower case reads as upper case, so authors may paste it
 * as printed on a sleeve; we store the 12 characters. The label goes only when a space or colon follows it:
 * Icelandic codes start with IS, and ISRC1… is a code.
 */
export const isrc = v.pipe(
  v.string('must be an ISRC such as FR-Z03-91-00091'),
  v.transform((value) =>
    value
      .trim()
      .replace(/^isrc[\s:]+/i, '')
      .replace(/[\s-]/g, '')
      .toUpperCase(),
  ),
  v.regex(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/, 'must be an ISRC such as FR-Z03-91-00091 (12 letters and digits)'),
);

export const trackInput = v.object({
  position: v.optional(wholeNumber(1, 500)),
  artist: oneLine(200),
  title: oneLine(300),
  url: httpsUrl,
  album: v.optional(oneLine(300)),
  duration: v.optional(duration),
  cover: v.optional(httpsUrl),
  isrc: v.optional(isrc),
});

export type TrackInput = v.InferOutput<typeof trackInput>;

export const language = v.picklist(['fr', 'en'], 'must be "fr" or "en"');
