import type { AccountChoice, IdentifyAccount } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, noIdentity, text } from '../identity-http.ts';

/** The Graph API version Dimanche speaks (a Page token from it posts with the same). */
export const FACEBOOK_GRAPH_VERSION = 'v21.0';

/**
 * Facebook's `GET /me/accounts`: the Pages she manages, each with its own Page token. She picks one; only its
 * token is kept (a Page token outlives the user token it came from).
 */
export const facebookIdentity =
  (outbound: OutboundFetch, baseUrl: string): IdentifyAccount =>
  async (accessToken) => {
    const url = `${baseUrl}/${FACEBOOK_GRAPH_VERSION}/me/accounts?fields=id,name,access_token,tasks`;
    const answer = await identityCall(outbound, url, accessToken);
    if (!answer.ok) return answer;
    const pages = Array.isArray(answer.json.data) ? (answer.json.data as Record<string, unknown>[]) : [];
    const choices: AccountChoice[] = pages.flatMap((page) => {
      const id = text(page.id);
      const token = text(page.access_token);
      if (!id || !token) return [];
      const label = text(page.name) ?? id;
      const profile = { baseUrl, pageId: id, graphVersion: FACEBOOK_GRAPH_VERSION };
      return [{ id, label, profile, accessToken: token }];
    });
    const first = choices[0];
    if (!first) return noIdentity('no Page she manages in /me/accounts');
    return { ok: true, label: first.label, profile: first.profile, choices };
  };
