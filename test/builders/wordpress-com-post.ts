import { readFileSync } from 'node:fs';

/**
 * The author's post #34 (the seed text) as WordPress.com's REST API gives it, furniture and all: Jetpack's
 * sharing, likes and related posts, Hellocoton's vote button, a Deezer playlist embed, the title framed in
 * `°°°`, the real title as the opening heading, and a "La playlist" heading over the 12-track list.
 */
export const aWordpressComPost = (
  number: 33 | 34 = 34,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ...JSON.parse(
    readFileSync(
      new URL(`../../examples/wordpress-com/sunday-morning-sound-${number}.json`, import.meta.url),
      'utf8',
    ),
  ),
  ...overrides,
});

/** Page furniture that must reach no reader, in any of the forms the fixtures carry. */
export const FURNITURE = [
  'Hellocoton',
  '%d',
  'blogueurs aiment',
  'J’aime',
  'Partager',
  'Articles similaires',
  'chargement',
  'sharedaddy',
  'jp-relatedposts',
  '°°',
];
