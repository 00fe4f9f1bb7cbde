import { within } from '../compose-length.ts';
import { networkRow } from '../network-row.ts';

export const x = networkRow({
  id: 'x',
  name: 'X',
  // twitter-text is X's own counter: weights by code point range (emoji 2), NFC first, URLs 23.
  lengthRule: (_, { twitter }) => within('weighted', 280, (text) => twitter.parseTweet(text).weightedLength),
});
