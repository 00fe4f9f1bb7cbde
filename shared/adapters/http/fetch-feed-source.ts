import type { FeedSource } from '../../ports/feed-poll.ts';

const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * A conditional GET (If-None-Match / If-Modified-Since, RFC 9110 §13.1) with a timeout and a size bound.
 * Redirects are not followed: a 301 means the feed moved and she should give the new address, and a feed
 * that redirects elsewhere could lead anywhere.
 */
export const fetchFeedSource = ({
  fetch = globalThis.fetch,
  timeoutMs = 15_000,
}: { fetch?: typeof globalThis.fetch; timeoutMs?: number } = {}): FeedSource => ({
  fetch: async (url, validators) => {
    const headers: Record<string, string> = {
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
      'user-agent': 'Dimanche feed reader',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    try {
      const response = await fetch(url, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'not_modified' };
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        return { kind: 'failed', detail: `HTTP ${response.status}${location ? ` → ${location}` : ''}` };
      }
      const body = await response.text();
      if (body.length > MAX_FEED_BYTES)
        return { kind: 'failed', detail: `larger than ${MAX_FEED_BYTES} bytes` };
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      return {
        kind: 'fetched',
        body,
        validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
      };
    } catch (error) {
      return {
        kind: 'failed',
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
  },
});
