import type { Identity } from '../../ports/account-identity.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

export type JsonAnswer = { ok: true; json: Record<string, unknown> } | Extract<Identity, { ok: false }>;

/**
 * One identity call through the guarded client: the token goes in a header (never in the URL, which could be
 * logged), and no answer body is kept in a failure's detail (it may echo the token).
 */
export const identityCall = async (
  outbound: OutboundFetch,
  url: string,
  accessToken: string,
  request: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<JsonAnswer> => {
  const result = await outbound(url, {
    method: request.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: request.body }),
    redirects: 0,
    timeoutMs: 10_000,
    maxBytes: 256 * 1024,
  });
  if (result.kind === 'refused') return { ok: false, error: 'refused', detail: result.reason };
  if (result.kind === 'failed') return { ok: false, error: 'unavailable', detail: 'no answer' };
  const body = await result.body();
  if (result.status === 429 || result.status >= 500 || body.kind !== 'body')
    return { ok: false, error: 'unavailable', detail: `HTTP ${result.status}` };
  if (result.status !== 200) return { ok: false, error: 'refused', detail: `HTTP ${result.status}` };
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(body.bytes));
    if (json && typeof json === 'object') return { ok: true, json: json as Record<string, unknown> };
  } catch {
    // Falls through: an answer that is not JSON is no identity.
  }
  return { ok: false, error: 'unavailable', detail: `HTTP ${result.status}: not JSON` };
};

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export const noIdentity = (detail: string): Identity => ({ ok: false, error: 'unavailable', detail });
