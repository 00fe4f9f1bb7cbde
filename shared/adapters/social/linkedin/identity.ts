import type { AccountChoice, IdentifyAccount } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, type JsonAnswer, text } from '../identity-http.ts';

/** The `LinkedIn-Version` Dimanche speaks (YYYYMM; LinkedIn retires each after about a year). */
export const LINKEDIN_VERSION = '202611';

type Member = { sub: string; label: string; withPages: boolean };
type Failure = Extract<JsonAnswer, { ok: false }>;

const missing = (detail: string): Failure => ({ ok: false, error: 'unavailable', detail });

/**
 * Who she is, by whichever product the operator's app has: `GET /v2/me` (r_basicprofile, the Community
 * Management API's) or `GET /v2/userinfo` (OpenID Connect, which LinkedIn refuses to such an app). Only the
 * former can list her pages.
 */
const memberOf = async (
  outbound: OutboundFetch,
  baseUrl: string,
  accessToken: string,
): Promise<{ ok: true; member: Member } | Failure> => {
  const me = await identityCall(outbound, `${baseUrl}/v2/me`, accessToken);
  if (me.ok) {
    const sub = text(me.json.id);
    if (!sub) return missing('no id in /v2/me');
    const name = [text(me.json.localizedFirstName), text(me.json.localizedLastName)]
      .filter(Boolean)
      .join(' ');
    return { ok: true, member: { sub, label: name || sub, withPages: true } };
  }
  if (me.error === 'unavailable') return me;
  const info = await identityCall(outbound, `${baseUrl}/v2/userinfo`, accessToken);
  if (!info.ok) return info;
  const sub = text(info.json.sub);
  if (!sub) return missing('no sub in /v2/userinfo');
  return { ok: true, member: { sub, label: text(info.json.name) ?? sub, withPages: false } };
};

/** The organisation pages she administers (`organizationAcls`, each named by `GET /rest/organizations/{id}`). */
const pagesOf = async (outbound: OutboundFetch, baseUrl: string, accessToken: string) => {
  const rest = { 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' };
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
  return pages;
};

/**
 * LinkedIn: the member, and the organisation pages she administers where the app may post as them. She picks
 * herself or one page; the member token posts for either. An app without the Community Management API offers
 * her only herself, on the same choice page, which says why (posting as a page needs that product).
 */
export const linkedInIdentity =
  (outbound: OutboundFetch, baseUrl: string): IdentifyAccount =>
  async (accessToken) => {
    const found = await memberOf(outbound, baseUrl, accessToken);
    if (!found.ok) return found;
    const { sub, label, withPages } = found.member;
    const me: AccountChoice = {
      id: `urn:li:person:${sub}`,
      label,
      profile: { baseUrl, author: `urn:li:person:${sub}`, version: LINKEDIN_VERSION },
    };
    const pages = withPages ? await pagesOf(outbound, baseUrl, accessToken) : [];
    const choices = withPages ? (pages.length ? [me, ...pages] : []) : [me];
    return { ok: true, label: me.label, profile: me.profile, ...(choices.length ? { choices } : {}) };
  };
