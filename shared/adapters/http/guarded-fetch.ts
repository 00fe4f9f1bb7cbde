import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type {
  OutboundAnswer,
  OutboundBody,
  OutboundFetch,
  OutboundRefusal,
} from '../../ports/outbound-fetch.ts';
import {
  allowedAddress,
  guardedLookup,
  type Lookup,
  NonPublicAddressError,
  systemLookup,
} from './guarded-lookup.ts';
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

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');
const portOf = (url: URL) => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
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
  const host = bare(url.hostname);
  if (!isIP(host) || allowedAddress(host, portOf(url), standIns)) return undefined;
  return refusal('not_public', url.href, `${host} (${addressRange(host)}), not a public address`);
};

/**
 * One request on Node's own http(s), no connection kept: names resolve through the guarded lookup, and the
 * socket's peer is checked again once connected, before the request is answered.
 */
const send = (
  target: URL,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal; body?: string },
  { lookup, standIns }: { lookup: Lookup; standIns: StandInPolicy | undefined },
) =>
  new Promise<IncomingMessage>((resolve, reject) => {
    const port = portOf(target);
    const { body, ...options } = init;
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      ...options,
      ...(body === undefined
        ? {}
        : { headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) } }),
      agent: false,
      lookup: guardedLookup(lookup, port, standIns),
    });
    request.once('socket', (socket) =>
      socket.once('connect', () => {
        const peer = socket.remoteAddress ?? '';
        if (!allowedAddress(peer, port, standIns))
          request.destroy(new NonPublicAddressError(target.hostname, peer, addressRange(peer)));
      }),
    );
    request.once('response', resolve);
    request.once('error', reject);
    request.end(body);
  });

const answerOf = (
  response: IncomingMessage,
  url: URL,
  redirects: readonly string[],
  { signal, timeoutMs, maxBytes }: { signal: AbortSignal; timeoutMs: number; maxBytes: number },
): OutboundAnswer => {
  const discard = async () => void response.destroy();
  const header = (name: string) => {
    const value = response.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  const body = async (): Promise<OutboundBody> => {
    if (Number(header('content-length') ?? Number.NaN) > maxBytes) {
      await discard();
      return { kind: 'too_large', maxBytes };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      // Counted as it streams, and stopped: a server may send no Content-Length, a wrong one, or no end.
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await discard();
          return { kind: 'too_large', maxBytes };
        }
        chunks.push(chunk);
      }
    } catch (error) {
      const failure = outboundFailure(url.href, error, { signal, ms: timeoutMs });
      return { kind: 'failed', detail: failure.detail, timedOut: signal.aborted };
    }
    if (signal.aborted) return { kind: 'failed', detail: `no answer within ${timeoutMs} ms`, timedOut: true };
    return { kind: 'body', bytes: Buffer.concat(chunks) };
  };
  return {
    kind: 'answer',
    status: response.statusCode ?? 0,
    header,
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
 * Node's own http(s), not the undici package: a Lambda bundle stays without its 500 KiB.
 * @example
 * const outbound = guardedFetch();
 * const result = await outbound('https://open.spotify.com/track/…', { method: 'HEAD', redirects: 0 });
 */
export const guardedFetch = ({
  lookup = systemLookup,
  standIns,
  timeoutMs: defaultTimeoutMs = 15_000,
  redirects: defaultRedirects = 5,
  maxBytes: defaultMaxBytes = 5 * 1024 * 1024,
}: GuardedFetchOptions = {}): OutboundFetch => {
  return async (start, request = {}) => {
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    const maxRedirects = request.method === 'POST' ? 0 : (request.redirects ?? defaultRedirects);
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
      const host = bare(url.hostname);
      const target = isIP(host) || isLocalName(host) ? url : (standIns?.route?.(url) ?? url);
      // A routed address is checked like any other: only a stand-in's passes.
      const routed = target === url ? undefined : refuseEarly(target, undefined, standIns);
      if (routed) return routed;
      let response: IncomingMessage;
      try {
        response = await send(
          target,
          {
            method: request.method ?? 'GET',
            headers: request.headers ?? {},
            signal,
            ...(request.method === 'POST' && request.body !== undefined ? { body: request.body } : {}),
          },
          { lookup, standIns },
        );
      } catch (error) {
        return outboundFailure(url.href, error, { signal, ms: timeoutMs });
      }
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      const redirect = status >= 300 && status < 400 && location !== undefined;
      if (!redirect || maxRedirects === 0)
        return answerOf(response, url, redirects, { signal, timeoutMs, maxBytes });
      response.destroy();
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
