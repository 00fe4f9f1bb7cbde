import type { IdentifyAccount } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, noIdentity, text } from '../identity-http.ts';

/** X's `GET /2/users/me`: her @username, which the post's public URL is built from. */
export const xIdentity =
  (outbound: OutboundFetch, baseUrl: string): IdentifyAccount =>
  async (accessToken) => {
    const answer = await identityCall(outbound, `${baseUrl}/2/users/me`, accessToken);
    if (!answer.ok) return answer;
    const data = answer.json.data as Record<string, unknown> | undefined;
    const username = text(data?.username);
    if (!username) return noIdentity('no username in /2/users/me');
    return { ok: true, label: `@${username}`, profile: { baseUrl, username } };
  };
