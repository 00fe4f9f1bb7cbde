import type { IdentifyAccount } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, noIdentity, text } from '../identity-http.ts';

/** Threads' `GET /v1.0/me?fields=id,username`: the user id posts are made under, and her @username. */
export const threadsIdentity =
  (outbound: OutboundFetch, baseUrl: string): IdentifyAccount =>
  async (accessToken) => {
    const answer = await identityCall(outbound, `${baseUrl}/v1.0/me?fields=id,username`, accessToken);
    if (!answer.ok) return answer;
    const userId = text(answer.json.id);
    const username = text(answer.json.username);
    if (!userId || !username) return noIdentity('no id or username in /me');
    return { ok: true, label: `@${username}`, profile: { baseUrl, userId, username } };
  };
