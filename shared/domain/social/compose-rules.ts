import twitter from 'twitter-text';
import { graphemeCount, graphemes, utf8Length } from './compose-text.ts';
import { escapeLittleText } from './compose-little-text.ts';
import type { SocialNetwork } from './networks.ts';
import type { LengthCount } from './social-post.ts';

/** What differs from one account to another: Mastodon's limits are the instance's (`GET /api/v2/instance`). */
export type ComposeRules = {
  mastodon: { maxCharacters: number; charactersReservedPerUrl: number };
};

/** Mastodon's own defaults, for an instance that was not asked. */
export const DEFAULT_COMPOSE_RULES: ComposeRules = {
  mastodon: { maxCharacters: 500, charactersReservedPerUrl: 23 },
};

/** How one network measures a post, and whether a text is within every limit it enforces. */
export type LengthRule = {
  unit: LengthCount['unit'];
  limit: number;
  count: (text: string) => number;
  fits: (text: string) => boolean;
};

const within = (unit: LengthCount['unit'], limit: number, count: (text: string) => number): LengthRule => ({
  unit,
  limit,
  count,
  fits: (text) => count(text) <= limit,
});

export const lengthRule = (network: SocialNetwork, rules: ComposeRules): LengthRule => {
  switch (network) {
    case 'mastodon':
      return within('graphemes', rules.mastodon.maxCharacters, (text) =>
        mastodonLength(text, rules.mastodon.charactersReservedPerUrl),
      );
    case 'bluesky':
      return blueskyRule;
    case 'x':
      // twitter-text is X's own counter: weights by code point range (emoji 2), NFC first, URLs 23.
      return within('weighted', 280, (text) => twitter.parseTweet(text).weightedLength);
    case 'linkedin':
      // The limit applies to what is sent: the escaped commentary, in UTF-16 units as LinkedIn's editor counts.
      return within('characters', 3000, (text) => escapeLittleText(text).length);
    case 'facebook':
      return within('characters', 63_206, (text) => text.length);
    case 'threads':
      return within('weighted', 500, threadsLength);
  }
};

/**
 * Mastodon's StatusLengthValidator: grapheme clusters of the text in which every URL its extractor finds
 * (twitter-text's, protocol required) stands for `characters_reserved_per_url` characters.
 */
const mastodonLength = (text: string, perUrl: number): number => {
  const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let countable = '';
  let last = 0;
  for (const { indices } of urls) {
    countable += text.slice(last, indices[0]) + 'x'.repeat(perUrl);
    last = indices[1];
  }
  return graphemeCount(countable + text.slice(last));
};

// app.bsky.feed.post: `text` has maxGraphemes 300 and maxLength 3000, which the lexicon counts in UTF-8 bytes.
const blueskyRule: LengthRule = {
  unit: 'graphemes',
  limit: 300,
  count: graphemeCount,
  fits: (text) => graphemeCount(text) <= 300 && utf8Length(text) <= 3000,
};

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3|\ufe0f/u;

/**
 * Threads: 500 characters, "emojis counted as the number of UTF-8 bytes" (its API docs). A cluster holding an
 * emoji counts its bytes (a ZWJ family is 18 or more); any other counts its code points, so an accent written
 * as a combining mark counts 2: never less than Threads counts.
 */
const threadsLength = (text: string): number =>
  graphemes(text).reduce(
    (sum, cluster) => sum + (EMOJI.test(cluster) ? utf8Length(cluster) : [...cluster].length),
    0,
  );
