import type { OAuthProvider } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { LongLivedTokens } from '../../ports/long-lived-tokens.ts';
import type { TokenAnswer } from '../../ports/oauth-client.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

type GraphAnswer = {
  access_token?: string;
  expires_in?: number;
  error?: { code?: number; message?: string };
};

/**
 * Threads' `th_exchange_token` and `th_refresh_token` (GET on the Graph host that answers the token endpoint).
 * Meta puts the token in the query; so no URL, and no answer that could echo it, goes into a failure's detail.
 */
export const threadsLongLivedTokens = (deps: {
  outbound: OutboundFetch;
  clock: Clock;
  /** Where the Graph API answers, when not on the token endpoint's host (one machine's fake). */
  graphOrigin?: string;
}): LongLivedTokens => {
  const call = async (url: URL): Promise<TokenAnswer> => {
    const result = await deps.outbound(url.href, { redirects: 0, timeoutMs: 10_000, maxBytes: 64 * 1024 });
    if (result.kind !== 'answer') return { ok: false, error: 'unavailable', detail: result.kind };
    const body = await result.body();
    if (body.kind !== 'body') return { ok: false, error: 'unavailable', detail: `HTTP ${result.status}` };
    let answer: GraphAnswer;
    try {
      answer = JSON.parse(new TextDecoder().decode(body.bytes)) as GraphAnswer;
    } catch {
      return { ok: false, error: 'unavailable', detail: `HTTP ${result.status}: not JSON` };
    }
    if (result.status === 200 && answer.access_token)
      return {
        ok: true,
        tokens: {
          accessToken: answer.access_token,
          ...(typeof answer.expires_in === 'number'
            ? {
                accessExpiresAt: new Date(
                  deps.clock.now().getTime() + answer.expires_in * 1000,
                ).toISOString(),
              }
            : {}),
        },
      };
    // Code 190: the token is dead (expired, revoked, password changed): only a new sign-in helps.
    const code = answer.error?.code;
    if (code === 190 || (result.status >= 400 && result.status < 500 && result.status !== 429 && code !== 4))
      return { ok: false, error: 'refused', detail: `HTTP ${result.status}, code ${code ?? '?'}` };
    return { ok: false, error: 'unavailable', detail: `HTTP ${result.status}, code ${code ?? '?'}` };
  };
  const graph = (provider: OAuthProvider, path: string, query: Record<string, string>) => {
    const url = new URL(path, deps.graphOrigin ?? new URL(provider.tokenEndpoint).origin);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  };
  return {
    exchange: (provider, shortLived) =>
      call(
        graph(provider, '/access_token', {
          grant_type: 'th_exchange_token',
          client_secret: provider.clientSecret ?? '',
          access_token: shortLived,
        }),
      ),
    renew: (provider, longLived) =>
      call(
        graph(provider, '/refresh_access_token', { grant_type: 'th_refresh_token', access_token: longLived }),
      ),
  };
};
