import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoFeedPollStore } from '../../shared/adapters/dynamodb/feed-poll-store.ts';
import { rssFeedParser } from '../../shared/adapters/feed/rss-feed-parser.ts';
import { fetchFeedSource } from '../../shared/adapters/http/fetch-feed-source.ts';
import { dynamoRateLimits } from '../../shared/adapters/dynamodb/rate-limits.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import type { BlogPosts } from '../../shared/ports/blog-posts.ts';
import type { FeedTrouble } from '../../shared/ports/feed-poll.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import type { AcceptPostDeps } from '../../shared/usecases/accept-post.ts';
import type { PollFeedDeps } from '../../shared/usecases/poll-feed.ts';
import { feedItemTaker } from '../../shared/usecases/posts/take-feed-item.ts';

/** The feed poller's adapters, the same on AWS and on one machine. */
export const feedPollDeps = (options: {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Accepting an item as an issue; its store defaults to the table's issues. */
  accept: Omit<AcceptPostDeps, 'store'> & { store?: AcceptPostDeps['store'] };
  timeZone: string;
  blogPosts?: BlogPosts;
  /** Tells her the feed cannot be read (a mail; or only a log line when no author address is set). */
  warnAuthor: (trouble: FeedTrouble) => Promise<void>;
  logger: Logger;
  /** The home's guarded client: the feed's address is a setting. */
  outbound: OutboundFetch;
  /** Told when her blog's API leads to an address that is not public; absent: only logged. */
  author?: AuthorNotifier;
}): PollFeedDeps => ({
  source: fetchFeedSource({ outbound: options.outbound }),
  parser: rssFeedParser(),
  store: dynamoFeedPollStore(options.doc, options.tableName),
  takeItem: feedItemTaker({
    ...options.accept,
    store: options.accept.store ?? dynamoIssueStore(options.doc, options.tableName),
    timeZone: options.timeZone,
    logger: options.logger,
    ...(options.blogPosts ? { blogPosts: options.blogPosts } : {}),
    ...(options.author
      ? { notPublic: { author: options.author, cooldowns: dynamoRateLimits(options.doc, options.tableName) } }
      : {}),
  }),
  warnAuthor: options.warnAuthor,
  clock: options.accept.clock,
  logger: options.logger,
});
