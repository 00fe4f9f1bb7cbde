import { within } from '../compose-length.ts';
import { networkRow } from '../network-row.ts';

export const facebook = networkRow({
  id: 'facebook',
  name: 'Facebook',
  lengthRule: () => within('characters', 63_206, (text) => text.length),
  // Facebook Login, a long-lived user token, then the Page she picks: a Page token from it does not expire.
  signIn: {
    kind: 'oauth',
    authorizationEndpoint: 'https://www.facebook.com/v23.0/dialog/oauth',
    tokenEndpoint: 'https://graph.facebook.com/v23.0/oauth/access_token',
    scopes: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'],
    clientAuth: 'post',
    rotatesRefreshTokens: false,
    longLived: 'facebook',
  },
});
