import { within } from '../compose-length.ts';
import { escapeLittleText } from '../compose-little-text.ts';
import { networkRow } from '../network-row.ts';

export const linkedin = networkRow({
  id: 'linkedin',
  name: 'LinkedIn',
  // The limit applies to what is sent: the escaped commentary, in UTF-16 units as LinkedIn's editor counts.
  lengthRule: () => within('characters', 3000, (text) => escapeLittleText(text).length),
  // Member tokens live 60 days; refresh tokens are for approved partners only: she reconnects every two months.
  signIn: {
    kind: 'oauth',
    authorizationEndpoint: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenEndpoint: 'https://www.linkedin.com/oauth/v2/accessToken',
    revocationEndpoint: 'https://www.linkedin.com/oauth/v2/revoke',
    // Sign In with LinkedIn (who she is) and Share on LinkedIn (posting as her): both self-serve products.
    scopes: ['openid', 'profile', 'w_member_social'],
    // With the Community Management API LinkedIn refuses `openid`/`profile`: she is read from /v2/me instead,
    // and her pages from their access lists; posting as one of them needs w_organization_social.
    communityManagementScopes: [
      'r_basicprofile',
      'w_member_social',
      'w_organization_social',
      'r_organization_admin',
    ],
    clientAuth: 'post',
    rotatesRefreshTokens: false,
  },
});
