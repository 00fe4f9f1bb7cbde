import { existsSync } from 'node:fs';
import { entryAsPost, wordpressPostOf } from '../../../shared/usecases/posts/take-feed-item.ts';
import { rssFeedParser } from '../../../shared/adapters/feed/rss-feed-parser.ts';
import { fetchFeedSource } from '../../../shared/adapters/http/fetch-feed-source.ts';
import { wordpressComPosts } from '../../../shared/adapters/http/wordpress-com-posts.ts';
import { localOutbound } from '../stand-ins/local-outbound.ts';

export type ArchivePosts = { ok: true; posts: unknown[]; from: string } | { ok: false; detail: string };

const isSite = (target: string) => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(target);
const isWebAddress = (target: string) => /^https?:\/\/[^\s/]+/i.test(target);

/**
 * Why `target` cannot be read as a blog or a feed, in one line; undefined when it can. A file on disk (an
 * export.xml, a post.json) is the likely mistake: this command reads the blog itself.
 */
export const archiveTargetProblem = (target: string): string | undefined => {
  if (existsSync(target))
    return `${target} is a file: import-archive reads the blog itself (example.wordpress.com) or its feed address (https://…), not a file.`;
  if (/\.(xml|json|csv|rss|atom)$/i.test(target) && !isWebAddress(target))
    return `Cannot read ${target}: there is no such file, and import-archive reads a blog (example.wordpress.com) or a feed address (https://…), not a file.`;
  if (isSite(target) || isWebAddress(target)) return undefined;
  return `${target} is neither a blog (example.wordpress.com) nor a feed address (https://…).`;
};

/**
 * Every past post of her blog, oldest first. A site name (`example.wordpress.com`) reads the whole blog through
 * the REST API, page by page; a feed URL reads what the feed lists (often only the last ten), each entry from
 * the REST API when the feed is WordPress's.
 */
export const archivePosts = async (
  target: string,
  { apiUrl, onPage = () => {} }: { apiUrl: string; onPage?: (page: number, pages: number) => void },
): Promise<ArchivePosts> => {
  // The API the operator named (the fake blog `npm start` prints, or the real one) is the one stand-in.
  const outbound = localOutbound({ standIns: [apiUrl] });
  const rest = wordpressComPosts({ baseUrl: apiUrl, outbound });
  if (isSite(target)) {
    const posts: unknown[] = [];
    for (let page = 1, pages = 1; page <= pages; page += 1) {
      const answer = await rest.page(target, page, 100);
      if (!answer.ok) return { ok: false, detail: `${target}, page ${page}: ${answer.detail}` };
      pages = answer.totalPages;
      onPage(page, pages);
      posts.push(...answer.posts);
    }
    return { ok: true, posts: posts.reverse(), from: `${apiUrl} (${target})` };
  }
  const fetched = await fetchFeedSource({ outbound }).fetch(target, {});
  if (fetched.kind !== 'fetched')
    return { ok: false, detail: fetched.kind === 'failed' ? fetched.detail : '304' };
  const feed = await rssFeedParser().parse(fetched.body);
  if (!feed.ok) return { ok: false, detail: feed.detail };
  const posts: unknown[] = [];
  for (const item of feed.items) {
    const wordpress = wordpressPostOf(item, feed);
    const answer = wordpress ? await rest.byId(wordpress.site, wordpress.id) : undefined;
    posts.push(answer?.ok ? answer.post : entryAsPost(item));
  }
  return { ok: true, posts: posts.reverse(), from: target };
};
