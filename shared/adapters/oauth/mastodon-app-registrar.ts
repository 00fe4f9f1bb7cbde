import type { AppRegistrar } from '../../ports/instance-apps.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

/**
 * Mastodon's `POST /api/v1/apps`, through the guarded client: the instance is an address she typed. The
 * answer's secret is handed to the use case to seal, and never put in a failure's detail.
 */
export const mastodonAppRegistrar =
  (outbound: OutboundFetch): AppRegistrar =>
  async (instance, app) => {
    const result = await outbound(new URL('/api/v1/apps', instance).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: app.clientName,
        redirect_uris: app.redirectUri,
        scopes: app.scopes.join(' '),
        ...(app.website ? { website: app.website } : {}),
      }),
      redirects: 0,
      timeoutMs: 10_000,
      maxBytes: 64 * 1024,
    });
    if (result.kind === 'refused') return { ok: false, error: 'refused', detail: result.reason };
    if (result.kind !== 'answer') return { ok: false, error: 'unavailable', detail: result.kind };
    const body = await result.body();
    const text = body.kind === 'body' ? new TextDecoder().decode(body.bytes) : '';
    if (result.status >= 500 || result.status === 429 || body.kind !== 'body')
      return { ok: false, error: 'unavailable', detail: `HTTP ${result.status}` };
    if (result.status !== 200) return { ok: false, error: 'refused', detail: `HTTP ${result.status}` };
    const answer = parsed(text);
    if (!answer.client_id || !answer.client_secret)
      return { ok: false, error: 'unavailable', detail: 'no client_id or client_secret in the answer' };
    return { ok: true, clientId: answer.client_id, clientSecret: answer.client_secret };
  };

const parsed = (text: string): { client_id?: string; client_secret?: string } => {
  try {
    return JSON.parse(text) as { client_id?: string; client_secret?: string };
  } catch {
    return {};
  }
};
