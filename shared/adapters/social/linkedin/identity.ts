import type { AccountChoice, IdentifyAccount } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, noIdentity, text } from '../identity-http.ts';

/** The `LinkedIn-Version` Dimanche speaks (YYYYMM; LinkedIn retires each after about a year). */
export const LINKEDIN_VERSION = '202611';

/**
 * LinkedIn: the member (`GET /v2/userinfo`, OpenID Connect) and the organisation pages she administers
 * (`GET /rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`, each named by
 * `GET /rest/organizations/{id}`). She picks herself or one page; the member token posts for either.
 */
export const linkedInIdentity =
  (outbound: OutboundFetch, baseUrl: string): IdentifyAccount =>
  async (accessToken) => {
    const rest = { 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' };
    const member = await identityCall(outbound, `${baseUrl}/v2/userinfo`, accessToken);
    if (!member.ok) return member;
    const sub = text(member.json.sub);
    if (!sub) return noIdentity('no sub in /v2/userinfo');
    const me: AccountChoice = {
      id: `urn:li:person:${sub}`,
      label: text(member.json.name) ?? sub,
      profile: { baseUrl, author: `urn:li:person:${sub}`, version: LINKEDIN_VERSION },
    };
    const acls = await identityCall(
      outbound,
      `${baseUrl}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`,
      accessToken,
      { headers: rest },
    );
    // Without the organisation scope the ACLs are refused: she can still post as herself.
    const elements = acls.ok && Array.isArray(acls.json.elements) ? acls.json.elements : [];
    const pages: AccountChoice[] = [];
    for (const element of elements as Record<string, unknown>[]) {
      const urn = text(element.organization);
      const id = urn?.match(/^urn:li:organization:(\d+)$/)?.[1];
      if (!urn || !id) continue;
      const named = await identityCall(outbound, `${baseUrl}/rest/organizations/${id}`, accessToken, {
        headers: rest,
      });
      const label = (named.ok && text(named.json.localizedName)) || urn;
      pages.push({ id: urn, label, profile: { baseUrl, author: urn, version: LINKEDIN_VERSION } });
    }
    return {
      ok: true,
      label: me.label,
      profile: me.profile,
      ...(pages.length ? { choices: [me, ...pages] } : {}),
    };
  };
