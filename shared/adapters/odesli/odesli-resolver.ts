import type { LinkResolver, ResolveOutcome } from '../../ports/link-resolver.ts';
import { describeError } from '../social/publish-http.ts';
import { fromRetryAfter } from '../social/rate-limit-reset.ts';
import { isNotFoundAnswer, outcomeOfAnswer } from './odesli-answer.ts';

export type OdesliResolverOptions = {
  /** `https://api.song.link` on AWS; the fake's address locally. */
  baseUrl: string;
  /** Without a key the API allows about 10 requests a minute. */
  apiKey?: string;
  /** Which country's store the links point at (ISO 3166-1 alpha-2). */
  userCountry?: string;
  /** One call, body included; past it the call counts as unavailable and is retried later. */
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => Date;
};

/** When a 429 names no time: the API counts by the minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Status and the start of the body, for logs and the author's warning: never a whole page. */
const detailOf = (status: number, text: string) =>
  `HTTP ${status}${text ? `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}` : ''}`;

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The song.link / Odesli links API: one URL in, that song's page and links on every platform out. */
export const odesliResolver = ({
  baseUrl,
  apiKey,
  userCountry = 'FR',
  timeoutMs,
  fetch: fetchImpl = fetch,
  now = () => new Date(),
}: OdesliResolverOptions): LinkResolver => ({
  resolve: async (url): Promise<ResolveOutcome> => {
    const request = new URL(`${baseUrl.replace(/\/+$/, '')}/v1-alpha.1/links`);
    request.searchParams.set('url', url);
    request.searchParams.set('userCountry', userCountry);
    // An album link of a single answers with the song itself rather than the album.
    request.searchParams.set('songIfSingle', 'true');
    if (apiKey) request.searchParams.set('key', apiKey);

    let status: number;
    let headers: Headers;
    let text: string;
    try {
      // The deadline covers the body too: a server that stalls mid-answer is as unavailable as a silent one.
      const response = await fetchImpl(request, { signal: AbortSignal.timeout(timeoutMs) });
      ({ status, headers } = response);
      text = await response.text();
    } catch (error) {
      return { kind: 'unavailable', detail: describeError(error) };
    }

    const body = parse(text);
    if (status === 200) {
      if (body === undefined) return { kind: 'unavailable', detail: `${detailOf(status, text)} (not JSON)` };
      return outcomeOfAnswer(body);
    }
    if (isNotFoundAnswer(status, body)) return { kind: 'not_found', detail: detailOf(status, text) };
    if (status === 429) {
      const at = fromRetryAfter(headers.get('retry-after'), now());
      const retryAfterSeconds = at
        ? Math.max(1, Math.ceil((at.getTime() - now().getTime()) / 1000))
        : DEFAULT_RETRY_AFTER_SECONDS;
      return { kind: 'rate_limited', retryAfterSeconds };
    }
    // 5xx, and 4xx that are not about the song (a refused key, a request the API cannot read): neither says
    // the song does not exist, so the track is retried and, failing that, kept with the author's link alone.
    return { kind: 'unavailable', detail: detailOf(status, text) };
  },
});
