import { FROZEN_STATUSES, type Issue, type IssueId } from '../../domain/issue.ts';
import type { SundayClaim } from '../../domain/sunday-claim.ts';
import type { FeedFormat } from '../../ports/feed-renderer.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import { fromFeedItem, toFeedItem } from '../dynamodb/feed-item.ts';
import { sundaySortKey } from '../dynamodb/issue-item.ts';
import { fromRenderItem, toRenderItem } from '../dynamodb/render-item.ts';
import { stored } from './stored.ts';

type Item = Record<string, unknown>;

/**
 * Issues, renders, feeds and Sunday claims in maps. Renders and feeds go through the table's own item codecs,
 * so an item DynamoDB would refuse as too large is refused here too, with the same error.
 */
export const memoryIssueStore = (): IssueStore => {
  const issues = new Map<IssueId, Issue>();
  const renders = new Map<string, Item>();
  const feeds = new Map<string, Item>();
  const claims = new Map<string, SundayClaim>();
  const get = async (id: IssueId) => {
    const issue = issues.get(id);
    return issue ? stored(issue) : undefined;
  };
  const bySunday = (newestFirst: boolean) =>
    [...issues.values()]
      .map((issue) => ({ issue, key: sundaySortKey(issue) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (newestFirst ? -1 : 1));

  return {
    get,

    saveRevision: async (issue, expectedRevision) => {
      const current = issues.get(issue.id);
      const allowed =
        expectedRevision === undefined
          ? current === undefined
          : current?.revision === expectedRevision && !FROZEN_STATUSES.includes(current.status);
      if (allowed) {
        issues.set(issue.id, stored(issue));
        return { ok: true };
      }
      if (!current) return { ok: false, error: 'revision_conflict' };
      const error = FROZEN_STATUSES.includes(current.status) ? 'frozen' : 'revision_conflict';
      return { ok: false, error, current: stored(current) };
    },

    saveRender: async (id, revision, rendered, at) => {
      renders.set(`${id}#${revision}`, toRenderItem(id, revision, rendered, at));
      const issue = issues.get(id);
      if (issue?.revision === revision && (issue.status === 'received' || issue.status === 'rendered')) {
        const { renderedLinks: _old, ...rest } = issue;
        issues.set(id, {
          ...rest,
          renderedRevision: revision,
          status: 'rendered',
          updatedAt: at,
          ...(rendered.linksVersion ? { renderedLinks: rendered.linksVersion } : {}),
        });
        return { current: true };
      }
      return { current: issue?.renderedRevision === revision };
    },

    getRender: async (id, revision) => {
      const item = renders.get(`${id}#${revision}`);
      return item ? fromRenderItem(item) : undefined;
    },

    setStatus: async (id, from, to, at) => {
      const issue = issues.get(id);
      if (issue?.status !== from) return false;
      issues.set(id, { ...issue, status: to, updatedAt: at });
      return true;
    },

    listBySunday: async ({ limit, before }) =>
      bySunday(true)
        .filter(({ key }) => before === undefined || key < before)
        .slice(0, limit)
        .map(({ issue }) => stored(issue)),

    pageBySunday: async ({ limit, from, order = 'newest_first' }) => {
      const newestFirst = order === 'newest_first';
      const start = from ? sundaySortKey(from) : undefined;
      return bySunday(newestFirst)
        .filter(({ key }) => start === undefined || (newestFirst ? key < start : key > start))
        .slice(0, limit)
        .map(({ issue }) => stored(issue));
    },

    saveFeeds: async (id, documents, at, listed) => {
      // Both are encoded (and checked for size) before either is kept.
      const items = (['rss', 'atom'] as const).map((format) =>
        toFeedItem(id, format, documents[format], at, listed),
      );
      for (const item of items) feeds.set(`${id}#${String(item.format)}`, item);
    },

    getFeed: async (id, format: FeedFormat) => {
      const item = feeds.get(`${id}#${format}`);
      return item ? fromFeedItem(item) : undefined;
    },

    sundayClaim: async (sunday) => {
      const claim = claims.get(sunday);
      return claim ? { sunday, issueId: claim.issueId, at: claim.at } : undefined;
    },

    claimSunday: async (claim, replacing) => {
      const current = claims.get(claim.sunday);
      const allowed = replacing
        ? current?.issueId === replacing.issueId && current.at === replacing.at
        : current === undefined || current.issueId === claim.issueId;
      if (allowed) claims.set(claim.sunday, stored(claim));
      return allowed;
    },

    releaseSunday: async (sunday, id) => {
      if (claims.get(sunday)?.issueId !== id) return false;
      claims.delete(sunday);
      return true;
    },
  };
};
