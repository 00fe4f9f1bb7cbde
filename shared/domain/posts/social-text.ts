import * as v from 'valibot';
import { SOCIAL_NETWORKS } from '../social/networks.ts';

/** Far more than an announcement needs (LinkedIn takes 3,000, most Mastodon instances 500): past it, a mistake. */
export const MAX_SOCIAL_TEXT = 5000;

// Line breaks and tabs are text; any other control character (NUL, BEL, ESC…) is not, nor the byte-order mark
// and the two noncharacters X refuses in a post.
const CONTROL = /(?![\n\t])\p{Cc}|[\ufeff\ufffe\uffff]/u;

const socialTextEntry = v.pipe(
  v.string('must be a string'),
  // A textarea sends CRLF; the networks want LF.
  v.transform((text) => text.replace(/\r\n?/g, '\n')),
  v.trim(),
  v.minLength(1, 'must not be empty (leave the network out to use the generated text)'),
  v.maxLength(MAX_SOCIAL_TEXT, `must be at most ${MAX_SOCIAL_TEXT} characters`),
  v.check((text) => !CONTROL.test(text), 'must not contain control characters'),
);

const NOT_AN_OBJECT = 'must be an object with a text per network';

/** The author's own text per network: `{ "mastodon": "…", "bluesky": "…" }`; a network left out is generated. */
export const socialText = v.pipe(
  // A list is an object to `record`, whose keys "0", "1" would be reported as unknown networks.
  v.custom<object>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    NOT_AN_OBJECT,
  ),
  v.record(
    v.picklist(SOCIAL_NETWORKS, `is not a network: one of ${SOCIAL_NETWORKS.join(', ')}`),
    socialTextEntry,
    NOT_AN_OBJECT,
  ),
);
