import type { CheckAccess } from '../../../ports/access-check.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { checkCall } from '../access-check-http.ts';

/**
 * A Mastodon app's token never expires, but dies when she revokes the app in her instance's settings (or her
 * account is suspended): `verify_credentials` answers 401 (or 403) then.
 */
export const mastodonCheckAccess =
  (outbound: OutboundFetch): CheckAccess =>
  async (profile, accessToken) => {
    if (!profile.baseUrl) return 'unknown';
    return checkCall(
      outbound,
      `${profile.baseUrl}/api/v1/accounts/verify_credentials`,
      accessToken,
      (status) => status === 401 || status === 403,
    );
  };
