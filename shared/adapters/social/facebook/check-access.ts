import type { CheckAccess } from '../../../ports/access-check.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { checkCall } from '../access-check-http.ts';
import { needsNewToken } from '../graph-api.ts';
import { FACEBOOK_GRAPH_VERSION } from './identity.ts';

/**
 * A Page token never expires, but dies when she changes her password or loses her role on the Page:
 * `GET /{page-id}?fields=id` with it answers Meta's code 190 (or a permission code) then.
 */
export const facebookCheckAccess =
  (outbound: OutboundFetch): CheckAccess =>
  async (profile, accessToken) => {
    const { baseUrl, pageId } = profile;
    if (!baseUrl || !pageId) return 'unknown';
    const version = profile.graphVersion ?? FACEBOOK_GRAPH_VERSION;
    const url = `${baseUrl}/${version}/${encodeURIComponent(pageId)}?fields=id`;
    return checkCall(outbound, url, accessToken, (_status, json) => {
      const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
      return typeof code === 'number' && needsNewToken(code);
    });
  };
