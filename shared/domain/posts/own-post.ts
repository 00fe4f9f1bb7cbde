import * as v from 'valibot';
import { httpsUrl, isoSunday, language, oneLine, trackInput, wholeNumber } from './fields.ts';
import { socialText } from './social-text.ts';
import { hasUniquePositions } from './tracks.ts';

export const trackList = v.pipe(
  v.array(trackInput, 'must be a list of tracks'),
  v.minLength(1, 'must list at least one track'),
  v.maxLength(100, 'must list at most 100 tracks'),
  v.check(hasUniquePositions, 'positions must be unique'),
);

/** Our own webhook body: what a script or another CMS sends. */
export const ownPost = v.object({
  series: wholeNumber(1, 999_999_999),
  title: oneLine(200),
  subtitle: v.optional(oneLine(300)),
  story: v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(200_000, 'must be at most 200000 characters'),
  ),
  tracks: trackList,
  cover: v.optional(v.object({ url: httpsUrl, alt: oneLine(300) })),
  language: v.optional(language, 'fr'),
  sunday: v.optional(isoSunday),
  sourceUrl: v.optional(httpsUrl),
  socialText: v.optional(socialText),
  /** The whole playlist on Deezer, Spotify or YouTube: a button in the mail, a player on the page. */
  playlistUrl: v.optional(httpsUrl),
});

export type OwnPost = v.InferOutput<typeof ownPost>;
