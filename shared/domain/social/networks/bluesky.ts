import { graphemeCount, utf8Length } from '../compose-text.ts';
import { networkRow } from '../network-row.ts';

export const bluesky = networkRow({
  id: 'bluesky',
  name: 'Bluesky',
  // app.bsky.feed.post: `text` has maxGraphemes 300 and maxLength 3000, which the lexicon counts in UTF-8 bytes.
  lengthRule: () => ({
    unit: 'graphemes',
    limit: 300,
    count: graphemeCount,
    fits: (text) => graphemeCount(text) <= 300 && utf8Length(text) <= 3000,
  }),
  linkFacets: true,
  // Her handle and an app password (never her main one); the session's refresh JWT rotates on use.
  signIn: { kind: 'app-password' },
});
