import type { IdentifyAccount } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, noIdentity, text } from '../identity-http.ts';

/** Mastodon's `GET /api/v1/accounts/verify_credentials` on her instance: `@name@instance`. */
export const mastodonIdentity =
  (outbound: OutboundFetch, instance: string): IdentifyAccount =>
  async (accessToken) => {
    const answer = await identityCall(
      outbound,
      `${instance}/api/v1/accounts/verify_credentials`,
      accessToken,
    );
    if (!answer.ok) return answer;
    const username = text(answer.json.username);
    if (!username) return noIdentity('no username in verify_credentials');
    return {
      ok: true,
      label: `@${username}@${new URL(instance).host}`,
      profile: { baseUrl: instance },
    };
  };
