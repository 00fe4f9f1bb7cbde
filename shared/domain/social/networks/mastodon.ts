import { type CountingTools, within } from '../compose-length.ts';
import { graphemeCount } from '../compose-text.ts';
import { networkRow } from '../network-row.ts';

/**
 * Mastodon's StatusLengthValidator: grapheme clusters of the text in which every URL its extractor finds
 * (twitter-text's, protocol required) stands for `characters_reserved_per_url` characters.
 */
const mastodonLength = ({ twitter }: CountingTools, text: string, perUrl: number): number => {
  const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let countable = '';
  let last = 0;
  for (const { indices } of urls) {
    countable += text.slice(last, indices[0]) + 'x'.repeat(perUrl);
    last = indices[1];
  }
  return graphemeCount(countable + text.slice(last));
};

export const mastodon = networkRow({
  id: 'mastodon',
  name: 'Mastodon',
  lengthRule: ({ mastodon: instance }, tools) =>
    within('graphemes', instance.maxCharacters, (text) =>
      mastodonLength(tools, text, instance.charactersReservedPerUrl),
    ),
  // Her own server: an app registered there on the fly; its tokens do not expire (401 once revoked).
  signIn: { kind: 'instance-oauth', scopes: ['read:accounts', 'write:statuses', 'write:media'] },
});
