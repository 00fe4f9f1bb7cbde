import type { OAuthProvider } from '../../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../../ports/clock.ts';
import type { TokenAnswer } from '../../../ports/oauth-client.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall } from '../identity-http.ts';
import { FACEBOOK_GRAPH_VERSION } from './identity.ts';

/**
 * Facebook Login's short-lived user token (an hour or two) traded for a 60-day one
 * (`GET /oauth/access_token?grant_type=fb_exchange_token`): a Page token read with the long-lived one does not
 * expire, one read with the short-lived one dies with it. Meta wants the token and the app secret in the query;
 * so neither the URL nor the answer goes into a failure's detail.
 */
export const facebookLongLivedToken =
  (deps: { outbound: OutboundFetch; clock: Clock; baseUrl: string }) =>
  async (provider: OAuthProvider, shortLived: string): Promise<TokenAnswer> => {
    const url = new URL(`${deps.baseUrl}/${FACEBOOK_GRAPH_VERSION}/oauth/access_token`);
    url.searchParams.set('grant_type', 'fb_exchange_token');
    url.searchParams.set('client_id', provider.clientId);
    url.searchParams.set('client_secret', provider.clientSecret ?? '');
    url.searchParams.set('fb_exchange_token', shortLived);
    const answer = await identityCall(deps.outbound, url.href, '');
    if (!answer.ok) return { ok: false, error: answer.error, detail: answer.detail };
    const token = answer.json.access_token;
    const expiresIn = answer.json.expires_in;
    if (typeof token !== 'string' || !token)
      return { ok: false, error: 'unavailable', detail: 'no access_token in the answer' };
    return {
      ok: true,
      tokens: {
        accessToken: token,
        ...(typeof expiresIn === 'number'
          ? { accessExpiresAt: new Date(deps.clock.now().getTime() + expiresIn * 1000).toISOString() }
          : {}),
      },
    };
  };
