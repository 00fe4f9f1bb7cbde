import { within } from '../compose-length.ts';
import { networkRow } from '../network-row.ts';

export const x = networkRow({
  id: 'x',
  name: 'X',
  // twitter-text is X's own counter: weights by code point range (emoji 2), NFC first, URLs 23.
  lengthRule: (_, { twitter }) => within('weighted', 280, (text) => twitter.parseTweet(text).weightedLength),
  // OAuth 2.0 user context: access tokens live 2 hours; offline.access gives refresh tokens that rotate on use.
  signIn: {
    kind: 'oauth',
    authorizationEndpoint: 'https://x.com/i/oauth2/authorize',
    tokenEndpoint: 'https://api.x.com/2/oauth2/token',
    revocationEndpoint: 'https://api.x.com/2/oauth2/revoke',
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access'],
    clientAuth: 'basic',
    rotatesRefreshTokens: true,
  },
});
