import type { SessionCheck } from '../../../ports/account-identity.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { identityCall, text } from '../identity-http.ts';

/**
 * Bluesky's `com.atproto.server.createSession` with her handle and app password: the one check that they open
 * her account (createSession is limited to tens a day: called once per "Connecter"). The session it opens is
 * not kept; the publisher opens and refreshes its own.
 */
export const blueskyIdentity =
  (outbound: OutboundFetch, service: string) =>
  async (identifier: string, password: string): Promise<SessionCheck> => {
    const answer = await identityCall(outbound, `${service}/xrpc/com.atproto.server.createSession`, '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier, password }),
    });
    if (!answer.ok) return { ok: false, error: answer.error };
    const handle = text(answer.json.handle);
    if (!handle || !text(answer.json.did)) return { ok: false, error: 'unavailable' };
    return { ok: true, handle, service };
  };
