import { STATUS_CODES } from 'node:http';
import type { LinkCheck, LinkChecker } from '../../ports/link-checker.ts';

export type FetchLinkCheckerOptions = {
  /** For the whole check, redirects and the GET fallback included. */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  fetch?: typeof globalThis.fetch;
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

/** Node's fetch hides the reason in `cause` (an undici or system error with a code). */
const networkDetail = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS: no such host';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      if (cause?.code?.startsWith('ERR_TLS') || cause?.code?.includes('CERT')) return `TLS: ${cause.code}`;
      return cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
};

const after = (hops: string[]) => (hops.length > 0 ? ` after redirect to ${hops.at(-1)}` : '');

/**
 * Checks a link the way a reader's click would meet it. HEAD first, as it costs the server nothing; only a
 * success or a redirect is taken from a HEAD answer, anything else is asked again with GET (plenty of servers
 * answer 403, 404, 405 or 501 to HEAD for pages that exist), whose body is cancelled once the headers are in.
 * Redirects are followed by hand, so a loop and a chain too long are seen and named.
 */
export const fetchLinkChecker = ({
  timeoutMs,
  maxRedirects,
  userAgent,
  fetch = globalThis.fetch,
}: FetchLinkCheckerOptions): LinkChecker => {
  const ask = async (url: string, method: 'HEAD' | 'GET', signal: AbortSignal) => {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      signal,
      headers: { 'user-agent': userAgent, accept: '*/*' },
    });
    // Only the status and headers matter: the rest of the body is never read.
    await response.body?.cancel().catch(() => undefined);
    return response;
  };

  const check = async (start: string, signal: AbortSignal): Promise<LinkCheck> => {
    const hops: string[] = [];
    let url = start;
    for (;;) {
      let response = await ask(url, 'HEAD', signal);
      if (!response.ok && !isRedirect(response.status)) response = await ask(url, 'GET', signal);
      const { status } = response;
      if (status >= 200 && status < 300) return { kind: 'ok', status };
      if (isRedirect(status)) {
        const location = response.headers.get('location');
        if (!location) return { kind: 'unreachable', detail: `${statusText(status)} without a Location` };
        const next = new URL(location, url).href;
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
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await check(parsed.href, signal);
      } catch (error) {
        if (signal.aborted) return { kind: 'unreachable', detail: `no answer within ${timeoutMs} ms` };
        return { kind: 'unreachable', detail: networkDetail(error) };
      }
    },
  };
};
