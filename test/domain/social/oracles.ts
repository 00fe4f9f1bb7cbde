import twitter from 'twitter-text';
import type { ComposeRules } from '../../../shared/domain/social/compose-rules.ts';
import { escapeLittleText } from '../../../shared/domain/social/compose-little-text.ts';
import type { SocialNetwork } from '../../../shared/domain/social/networks.ts';

/**
 * Each network's length rule written again from its documentation, independently of the composer's code,
 * so a property test compares the composer with the rule rather than with itself.
 */
const clusters = (text: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)];
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export const withinLimit = (network: SocialNetwork, text: string, rules: ComposeRules): boolean => {
  switch (network) {
    case 'mastodon': {
      // StatusLengthValidator: every URL (protocol required) becomes 'x' * characters_reserved_per_url.
      const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
      const countable = urls
        .toReversed()
        .reduce(
          (t, { indices: [from, to] }) =>
            t.slice(0, from) + 'x'.repeat(rules.mastodon.charactersReservedPerUrl) + t.slice(to),
          text,
        );
      return clusters(countable).length <= rules.mastodon.maxCharacters;
    }
    case 'bluesky':
      return clusters(text).length <= 300 && bytes(text) <= 3000;
    case 'x': {
      const parsed = twitter.parseTweet(text);
      return parsed.valid && parsed.weightedLength <= 280;
    }
    case 'linkedin':
      return escapeLittleText(text).length <= 3000;
    case 'facebook':
      return text.length <= 63_206;
    case 'threads':
      return (
        clusters(text)
          .map(({ segment }) =>
            /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3|\ufe0f/u.test(segment)
              ? bytes(segment)
              : [...segment].length,
          )
          .reduce((a, b) => a + b, 0) <= 500
      );
  }
};

export const graphemesOf = (text: string) => clusters(text).map((s) => s.segment);

/** UTF-16 offsets right after a word, as UAX #29 word boundaries see them. */
export const wordEndsOf = (text: string, language: string) =>
  [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => s.index + s.segment.length);
