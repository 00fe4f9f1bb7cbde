import { Feed } from 'feed';
import type { Issue, Language } from '../shared/domain/issue.ts';
import type { ArchiveFeeds, FeedRenderer } from '../shared/ports/feed-renderer.ts';
import { escapeHtml } from './escape-html.ts';
import { entryContent, entrySummary } from './feed-entry.ts';
import { STRINGS } from './strings.ts';

export type FeedLinks = {
  archive: string;
  rss: string;
  atom: string;
  issue: (slug: string) => string;
  /** Stays the same when the title (so the slug) changes: the entry's id, so a reader sees no new entry. */
  permalink: (series: number) => string;
};

export type FeedIdentity = { seriesName: string; language: Language; timeZone: string; links: FeedLinks };

/**
 * Whole stories make a feed heavy (a story may be up to the webhook's 512 KiB): past this many characters of
 * content, the older entries carry their summary and link only. Gzipped, a feed then stays far below what one
 * stored item holds.
 */
export const CONTENT_BUDGET = 300_000;

/** Milliseconds the zone is ahead of UTC at an instant. */
const offsetAt = (instant: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - instant;
};

/** The instant an issue is published: midnight starting its Sunday where the newsletter lives. */
export const publishedAt = (sunday: string, timeZone: string): Date => {
  const midnightUtc = Date.parse(`${sunday}T00:00:00Z`);
  // Twice: the offset at midnight local time can differ from the offset at midnight UTC around a change.
  const first = midnightUtc - offsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetAt(first, timeZone));
};

/** The archive's RSS 2.0 and Atom feeds with the `feed` library. Deterministic: dated by the issues, not the clock. */
export const createFeedRenderer = ({ seriesName, language, timeZone, links }: FeedIdentity): FeedRenderer => {
  const build = (issues: readonly [Issue, ...Issue[]], titleOf: (issue: Issue) => string) => {
    const feed = new Feed({
      id: links.archive,
      title: seriesName,
      description: STRINGS[language].feedDescription,
      link: links.archive,
      language,
      updated: publishedAt(issues[0].sunday, timeZone),
      generator: 'Dimanche',
      feedLinks: { rss: links.rss, atom: links.atom },
      author: { name: seriesName, link: links.archive },
    });
    let budget = CONTENT_BUDGET;
    for (const issue of issues) {
      const date = publishedAt(issue.sunday, timeZone);
      const page = links.issue(issue.slug);
      const content = entryContent(issue, page);
      const whole = content.length <= budget;
      if (whole) budget -= content.length;
      feed.addItem({
        id: links.permalink(issue.series),
        title: titleOf(issue),
        link: page,
        date,
        published: date,
        description: entrySummary(issue),
        ...(whole ? { content } : {}),
      });
    }
    return feed;
  };

  return {
    renderFeeds: (issues): ArchiveFeeds => ({
      // RSS 2.0 says titles are plain text, but most readers render them as HTML: escaped like Atom's
      // (declared type="html" by the library), no reader meets raw markup, and "]]>" cannot end the CDATA.
      rss: build(issues, (issue) => escapeHtml(issue.title)).rss2(),
      atom: build(issues, (issue) => escapeHtml(issue.title)).atom1(),
    }),
  };
};
