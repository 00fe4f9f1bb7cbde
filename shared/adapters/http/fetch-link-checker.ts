import { STATUS_CODES } from 'node:http';
import type { LinkCheck, LinkChecker } from '../../ports/link-checker.ts';
import type { OutboundAnswer, OutboundFetch } from '../../ports/outbound-fetch.ts';

export type FetchLinkCheckerOptions = {
  /** For the whole check, redirects and the GET fallback included. */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  /** The guarded client: every hop's address is checked before it is asked. */
  outbound: OutboundFetch;
};

/**
 * Gone for every reader: 404 Not Found, 410 Gone, 451 Unavailable For Legal Reasons (blocked, and a reader's
 * browser would be blocked the same). Other 4xx (401, 403, 429, …) stay "unreachable": bot walls such as
 * Cloudflare's answer 403 or 429 to a script while a person's browser gets the page, and crying "dead" for
 * those would teach the author to ignore the warnings.
 */
const DEAD_STATUSES = new Set([404, 410, 451]);

const statusText = (status: number) =>
  `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;

const isRedirect = (status: number) => status >= 300 && status < 400;
const isOk = (status: number) => status >= 200 && status < 300;

const after = (hops: string[]) => (hops.length > 0 ? ` after redirect to ${hops.at(-1)}` : '');

/** A hop that could not be asked, as the check's result. */
class Stop {
  constructor(readonly result: LinkCheck) {}
}

/**
 * Checks a link the way a reader's click would meet it. HEAD first, as it costs the server nothing; only a
 * success or a redirect is taken from a HEAD answer, anything else is asked again with GET (plenty of servers
 * answer 403, 404, 405 or 501 to HEAD for pages that exist), whose body is cancelled once the headers are in.
 * Redirects are followed by hand, so a loop and a chain too long are seen and named; every hop goes through
 * the guarded client, so a link or a redirect to an address that is not public is never asked, only named.
 */
export const fetchLinkChecker = ({
  timeoutMs,
  maxRedirects,
  userAgent,
  outbound,
}: FetchLinkCheckerOptions): LinkChecker => {
  const ask = async (
    url: string,
    method: 'HEAD' | 'GET',
    deadline: number,
    redirected: boolean,
  ): Promise<OutboundAnswer> => {
    const result = await outbound(url, {
      method,
      redirects: 0,
      timeoutMs: Math.max(1, Math.ceil(deadline - performance.now())),
      headers: { 'user-agent': userAgent, accept: '*/*' },
    });
    if (result.kind === 'refused')
      throw new Stop(
        result.reason === 'not_public'
          ? {
              kind: 'not_public',
              detail: redirected ? `${result.detail}, after redirect to ${url}` : result.detail,
            }
          : { kind: 'unreachable', detail: result.detail },
      );
    if (result.kind === 'failed')
      throw new Stop({
        kind: 'unreachable',
        detail: result.timedOut ? `no answer within ${timeoutMs} ms` : result.detail,
      });
    // Only the status and headers matter: the rest of the body is never read.
    await result.discard();
    return result;
  };

  const check = async (start: string, deadline: number): Promise<LinkCheck> => {
    const hops: string[] = [];
    let url = start;
    for (;;) {
      const redirected = hops.length > 0;
      let response = await ask(url, 'HEAD', deadline, redirected);
      if (!isOk(response.status) && !isRedirect(response.status))
        response = await ask(url, 'GET', deadline, redirected);
      const { status } = response;
      if (isOk(status)) return { kind: 'ok', status };
      if (isRedirect(status)) {
        const location = response.header('location');
        if (!location) return { kind: 'unreachable', detail: `${statusText(status)} without a Location` };
        const next = new URL(location, url).href;
        if (url.startsWith('https:') && next.startsWith('http:'))
          return { kind: 'unreachable', detail: `redirect from https to http: ${next}` };
        if (next === start || hops.includes(next))
          return { kind: 'unreachable', detail: `redirect loop at ${next}` };
        if (hops.length >= maxRedirects)
          return { kind: 'unreachable', detail: `more than ${maxRedirects} redirects` };
        hops.push(next);
        url = next;
        continue;
      }
      if (DEAD_STATUSES.has(status))
        return { kind: 'dead', status, detail: `${statusText(status)}${after(hops)}` };
      return { kind: 'unreachable', detail: `${statusText(status)}${after(hops)}` };
    }
  };

  return {
    check: async (url) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { kind: 'unreachable', detail: 'not a valid URL' };
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return { kind: 'unreachable', detail: `not a web link (${parsed.protocol})` };
      try {
        return await check(parsed.href, performance.now() + timeoutMs);
      } catch (error) {
        if (error instanceof Stop) return error.result;
        throw error;
      }
    },
  };
};
