import { gunzipSync, gzipSync } from 'node:zlib';
import type { IssueId } from '../../domain/issue.ts';
import type { FeedFormat } from '../../ports/feed-renderer.ts';
import type { StoredFeed } from '../../ports/issue-store.ts';

/** DynamoDB refuses items over 400 KB; keep a margin for attribute names and keys. */
const MAX_ITEM_BYTES = 380 * 1024;

export class FeedTooLargeError extends Error {
  override name = 'FeedTooLargeError';
}

/** One item per format, so a request reads only the document it serves. */
export const feedKey = (id: IssueId, format: FeedFormat) => ({ pk: `ISSUE#${id}`, sk: `FEED#${format}` });

/** Gzipped like the renders: the story's HTML in every entry compresses well. */
export const toFeedItem = (
  id: IssueId,
  format: FeedFormat,
  xml: string,
  at: string,
  listed: readonly IssueId[],
) => {
  const body = gzipSync(xml);
  if (body.length > MAX_ITEM_BYTES) {
    throw new FeedTooLargeError(
      `${format} feed of ${id} is ${body.length} bytes gzipped, over ${MAX_ITEM_BYTES}`,
    );
  }
  return { ...feedKey(id, format), kind: 'feed', format, body, builtAt: at, listed: [...listed] };
};

export const fromFeedItem = (item: Record<string, unknown>): StoredFeed => ({
  xml: gunzipSync(item.body as Uint8Array).toString('utf8'),
  builtAt: String(item.builtAt),
  ...(Array.isArray(item.listed) ? { listed: item.listed as IssueId[] } : {}),
});
