import type { FeedSource } from '../../ports/feed-poll.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * A conditional GET (If-None-Match / If-Modified-Since, RFC 9110 §13.1) through the guarded client, with a
 * timeout and a size bound. Redirects are not followed: a 301 means the feed moved and she should give the new
 * address, and a feed that redirects elsewhere could lead anywhere.
 */
export const fetchFeedSource = ({
  outbound,
  timeoutMs = 15_000,
}: {
  outbound: OutboundFetch;
  timeoutMs?: number;
}): FeedSource => ({
  fetch: async (url, validators) => {
    const headers: Record<string, string> = {
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
      'user-agent': 'Dimanche feed reader',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const result = await outbound(url, { headers, redirects: 0, timeoutMs, maxBytes: MAX_FEED_BYTES });
    if (result.kind === 'refused')
      return result.reason === 'not_public'
        ? { kind: 'failed', detail: result.detail, notPublic: true }
        : { kind: 'failed', detail: result.detail };
    if (result.kind === 'failed') return { kind: 'failed', detail: result.detail };
    if (result.status === 304) {
      await result.discard();
      return { kind: 'not_modified' };
    }
    if (result.status !== 200) {
      await result.discard();
      const location = result.header('location');
      return { kind: 'failed', detail: `HTTP ${result.status}${location ? ` → ${location}` : ''}` };
    }
    const body = await result.body();
    if (body.kind === 'too_large') return { kind: 'failed', detail: `larger than ${MAX_FEED_BYTES} bytes` };
    if (body.kind === 'failed') return { kind: 'failed', detail: body.detail };
    const etag = result.header('etag');
    const lastModified = result.header('last-modified');
    return {
      kind: 'fetched',
      body: new TextDecoder().decode(body.bytes),
      validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
    };
  },
});
