import { within } from '../compose-length.ts';
import { graphemes, utf8Length } from '../compose-text.ts';
import { networkRow } from '../network-row.ts';

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

export const threads = networkRow({
  id: 'threads',
  name: 'Threads',
  lengthRule: () => within('weighted', 500, threadsLength),
  // A short-lived token traded for a 60-day one, which th_refresh_token renews before it ends.
  signIn: {
    kind: 'oauth',
    authorizationEndpoint: 'https://threads.net/oauth/authorize',
    tokenEndpoint: 'https://graph.threads.net/oauth/access_token',
    scopes: ['threads_basic', 'threads_content_publish'],
    clientAuth: 'post',
    rotatesRefreshTokens: false,
    longLived: 'threads',
  },
});
