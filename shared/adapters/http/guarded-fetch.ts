import { isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import type {
  OutboundAnswer,
  OutboundBody,
  OutboundFetch,
  OutboundRefusal,
} from '../../ports/outbound-fetch.ts';
import { guardedConnector, type Lookup } from './guarded-connector.ts';
import { outboundFailure } from './outbound-failure.ts';
import { addressRange } from './public-address.ts';
import type { StandInPolicy } from './stand-in-policy.ts';

export type GuardedFetchOptions = {
  lookup?: Lookup;
  /** One machine's stand-ins on loopback; only the local runtime has any. */
  standIns?: StandInPolicy;
  /** What a request gets when it does not say. */
  timeoutMs?: number;
  redirects?: number;
  maxBytes?: number;
};

const refusal = (reason: OutboundRefusal['reason'], url: string, detail: string): OutboundRefusal => ({
  kind: 'refused',
  reason,
  url,
  detail,
});

const isLocalName = (hostname: string) => /(^|\.)localhost\.?$/i.test(hostname);

/**
 * Refused before any connection: not http(s), https then http, or an address written in the URL (in any
 * spelling: the URL parser already made `2130706433`, `0x7f.1` and `127.1` into `127.0.0.1`) that is not public.
 */
const refuseEarly = (url: URL, previous: URL | undefined, standIns?: StandInPolicy) => {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return refusal('not_web', url.href, `not a web address (${url.protocol})`);
  if (previous?.protocol === 'https:' && url.protocol === 'http:')
    return refusal('downgrade', url.href, `redirect from https to http: ${url.href}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isIP(host)) return undefined;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const range = addressRange(host);
  if (range === 'unicast' || standIns?.allows(host, port)) return undefined;
  return refusal('not_public', url.href, `${host} (${range}) is not a public address`);
};

const answerOf = (
  response: Response,
  url: URL,
  redirects: readonly string[],
  { signal, timeoutMs, maxBytes }: { signal: AbortSignal; timeoutMs: number; maxBytes: number },
): OutboundAnswer => {
  const discard = async () => void (await response.body?.cancel().catch(() => undefined));
  const body = async (): Promise<OutboundBody> => {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      await discard();
      return { kind: 'too_large', maxBytes };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      // Counted as it streams, and stopped: a server may send no Content-Length, a wrong one, or no end.
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > maxBytes) return { kind: 'too_large', maxBytes };
        chunks.push(chunk);
      }
    } catch (error) {
      const failure = outboundFailure(url.href, error, { signal, ms: timeoutMs });
      return { kind: 'failed', detail: failure.detail, timedOut: signal.aborted };
    }
    return { kind: 'body', bytes: Buffer.concat(chunks) };
  };
  return {
    kind: 'answer',
    status: response.status,
    header: (name) => response.headers.get(name),
    url: url.href,
    redirects,
    body,
    discard,
  };
};

/**
 * The one way out for URLs from content, settings or other services' answers. Every hop is checked: http(s)
 * only, never https to http, and the address actually connected to (after DNS) must be public, or one of this
 * machine's stand-ins. Redirects are followed by hand up to a cap, with a cap on the whole time and on the body.
 * @example
 * const outbound = guardedFetch();
 * const result = await outbound('https://open.spotify.com/track/…', { method: 'HEAD', redirects: 0 });
 */
export const guardedFetch = ({
  lookup,
  standIns,
  timeoutMs: defaultTimeoutMs = 15_000,
  redirects: defaultRedirects = 5,
  maxBytes: defaultMaxBytes = 5 * 1024 * 1024,
}: GuardedFetchOptions = {}): OutboundFetch => {
  const dispatcher = new Agent({
    connect: guardedConnector({ standIns, ...(lookup ? { lookup } : {}) }),
  });
  return async (start, request = {}) => {
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    const maxRedirects = request.redirects ?? defaultRedirects;
    const maxBytes = request.maxBytes ?? defaultMaxBytes;
    const signal = AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs)));
    const redirects: string[] = [];
    let url: URL;
    try {
      url = new URL(start);
    } catch {
      return refusal('invalid_url', start, 'not a valid URL');
    }
    let previous: URL | undefined;
    for (;;) {
      const early = refuseEarly(url, previous, standIns);
      if (early) return early;
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      const target = isIP(host) || isLocalName(host) ? url : (standIns?.route?.(url) ?? url);
      let response: Response;
      try {
        response = await fetch(target, {
          method: request.method ?? 'GET',
          headers: request.headers ?? {},
          redirect: 'manual',
          signal,
          dispatcher,
        });
      } catch (error) {
        return outboundFailure(url.href, error, { signal, ms: timeoutMs });
      }
      const location = response.headers.get('location');
      const redirect = response.status >= 300 && response.status < 400 && location !== null;
      if (!redirect || maxRedirects === 0)
        return answerOf(response, url, redirects, { signal, timeoutMs, maxBytes });
      await response.body?.cancel().catch(() => undefined);
      if (redirects.length >= maxRedirects)
        return refusal('too_many_redirects', url.href, `more than ${maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return refusal('invalid_url', location, `redirect to an invalid URL: ${location}`);
      }
      redirects.push(next.href);
      previous = url;
      url = next;
    }
  };
};
