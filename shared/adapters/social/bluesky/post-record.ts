import type { AppBskyFeedPost, BlobRef } from '@atproto/api';
import type { ComposedPost, LinkFacet } from '../../../domain/social/social-post.ts';

export const POST_COLLECTION = 'app.bsky.feed.post';

/**
 * The post record: the text, its links as facets (Bluesky makes no link clickable by itself), and the card
 * as an external embed (Bluesky builds none from the URL either).
 */
export const postRecord = (post: ComposedPost, createdAt: Date, thumb?: BlobRef): AppBskyFeedPost.Record => ({
  $type: POST_COLLECTION,
  text: post.text,
  createdAt: createdAt.toISOString(),
  langs: [post.language],
  facets: (post.facets ?? urlFacet(post)).map(({ byteStart, byteEnd, uri }) => ({
    index: { byteStart, byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
  })),
  embed: {
    $type: 'app.bsky.embed.external',
    external: {
      uri: post.card.url,
      title: post.card.title,
      description: post.card.description,
      ...(thumb ? { thumb } : {}),
    },
  },
});

/** The composer gives facets; this covers a post without them, so its one link still works. */
const urlFacet = ({ text, url }: ComposedPost): LinkFacet[] => {
  const at = text.indexOf(url);
  if (at < 0) return [];
  const byteStart = Buffer.byteLength(text.slice(0, at));
  return [{ byteStart, byteEnd: byteStart + Buffer.byteLength(url), uri: url }];
};

type PostLike = {
  text?: unknown;
  facets?: { features?: { uri?: unknown }[] }[];
  embed?: { external?: { uri?: unknown } };
};

/** Whether a post record (as listed or in a feed) is the announcement of `url`. */
export const recordLinksTo = (value: unknown, url: string): boolean => {
  const record = (value ?? {}) as PostLike;
  return (
    record.embed?.external?.uri === url ||
    (record.facets ?? []).some((facet) => (facet.features ?? []).some((feature) => feature.uri === url)) ||
    (typeof record.text === 'string' && record.text.includes(url))
  );
};

/** at://did/app.bsky.feed.post/rkey → the post's page on bsky.app. */
export const postUrlOf = (uri: string, handle: string) =>
  `https://bsky.app/profile/${handle}/post/${uri.split('/').pop() ?? ''}`;
