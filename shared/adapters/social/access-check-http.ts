import type { AccessCheck } from '../../ports/access-check.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

/**
 * One authenticated read for a token check, through the guarded client, the token in a header (never in the
 * URL). `dead` tells, from the status and JSON body of an answer that is not 200, whether the network says the
 * token itself is refused; anything else (no answer, 429, 5xx, a body too large) is `unknown`: no one is told
 * to reconnect on a network's bad minute.
 */
export const checkCall = async (
  outbound: OutboundFetch,
  url: string,
  accessToken: string,
  dead: (status: number, json: unknown) => boolean,
): Promise<AccessCheck> => {
  const result = await outbound(url, {
    method: 'GET',
    headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
    redirects: 0,
    timeoutMs: 10_000,
    maxBytes: 64 * 1024,
  });
  if (result.kind !== 'answer') return 'unknown';
  if (result.status === 200) return 'live';
  if (result.status === 429 || result.status >= 500) return 'unknown';
  const body = await result.body();
  let json: unknown;
  try {
    json = body.kind === 'body' ? JSON.parse(new TextDecoder().decode(body.bytes)) : undefined;
  } catch {
    json = undefined;
  }
  return dead(result.status, json) ? 'revoked' : 'unknown';
};
