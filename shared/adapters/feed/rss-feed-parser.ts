import Parser from 'rss-parser';
import type { FeedItem, FeedParser } from '../../ports/feed-poll.ts';

type Extra = { 'content:encoded'?: string; id?: string };

/** RSS 2.0, RSS 1.0 and Atom through rss-parser; an entry with no id, guid or link cannot be told apart and is skipped. */
export const rssFeedParser = (): FeedParser => {
  const parser = new Parser<Record<string, unknown>, Extra>({ timeout: 0 });
  return {
    parse: async (body) => {
      try {
        const feed = await parser.parseString(body);
        const items: FeedItem[] = feed.items.flatMap((item) => {
          const id = item.guid ?? item.id ?? item.link;
          if (!id) return [];
          return [
            {
              id,
              ...(item.link ? { link: item.link } : {}),
              title: item.title ?? '',
              html: item['content:encoded'] ?? item.content ?? item.summary ?? '',
              ...(item.isoDate ? { published: item.isoDate } : {}),
            },
          ];
        });
        const generator = typeof feed['generator'] === 'string' ? feed['generator'] : undefined;
        return {
          ok: true,
          items,
          ...(feed.link ? { link: feed.link } : {}),
          ...(generator ? { generator } : {}),
        };
      } catch (error) {
        return { ok: false, detail: `not a feed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
};
