import { FROZEN_STATUSES, type Issue, type IssueId } from '../domain/issue.ts';
import type { IssueWarning } from '../domain/music/issue-warning.ts';
import { type IssueLinks, issueLinks } from '../domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../domain/music/track-resolution.ts';
import type { ClickLink } from '../domain/music/click-link.ts';
import type { Clock } from '../ports/clock.ts';
import type { EmailRenderer } from '../ports/email-renderer.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderOutcome } from '../ports/render-trigger.ts';
import { type FeedRefreshDeps, refreshArchiveFeeds } from './archive-feed-refresh.ts';
import { type PublicPagesDeps, publishPublicPages } from './publish-public-pages.ts';

/** The tracks' links in the email: resolved ones from the cache, each stored as a click link before it is used. */
export type RenderTrackLinks = {
  resolutions: { getMany: (keys: readonly string[]) => Promise<Map<string, TrackResolution>> };
  clicks: { register: (links: readonly ClickLink[]) => Promise<void> };
  publicBaseUrl: string;
};

export type RenderIssueDeps = {
  store: IssueStore;
  renderer: EmailRenderer;
  clock: Clock;
  /** Public web address of an issue, for "view in browser". */
  archiveUrl: (slug: string) => string;
  /** The archive's feeds, rebuilt after each render; absent where only the email matters (benches, some tests). */
  feeds?: Pick<FeedRefreshDeps, 'renderer' | 'timeZone'>;
  /** Absent (benches, some tests): the cards link the author's URLs as they are, no variants. */
  trackLinks?: RenderTrackLinks;
  /**
   * What a new revision's tracks set off (catalogue, resolution, health: `ingestTracks`), run before its first
   * render is saved: if it fails nothing is saved, and the webhook's retry runs both again.
   */
  ingest?: (issue: Issue) => Promise<IssueWarning[]>;
  /** The public pages built as finished objects (and the CDN told what changed); absent: served from the table. */
  publicPages?: Omit<PublicPagesDeps, 'store' | 'clock' | 'timeZone' | 'feeds'>;
};

/**
 * Renders one revision, once per set of track links: a newer revision makes this one stale, and it is not
 * rendered at all; a track resolved since the last render (the music worker asks) renders it again, until the
 * campaign freezes the issue. A re-render racing the Sunday start can leave senders with either render: both
 * carry valid, registered links.
 */
export const renderIssue = async (
  id: IssueId,
  revision: number,
  deps: RenderIssueDeps,
): Promise<RenderOutcome> => {
  const issue = await deps.store.get(id);
  if (!issue) return { rendered: false, reason: 'not_found' };
  if (issue.revision !== revision) return { rendered: false, reason: 'stale_revision' };
  const rendered = issue.renderedRevision === revision;
  if (rendered && FROZEN_STATUSES.includes(issue.status)) return { rendered: true };

  const warnings = !rendered && deps.ingest ? await deps.ingest(issue) : undefined;
  const links = deps.trackLinks ? await linksOf(issue, deps.trackLinks) : undefined;
  if (rendered && issue.renderedLinks === links?.version) return { rendered: true };
  if (links) await deps.trackLinks?.clicks.register(links.links);

  const email = await deps.renderer.renderIssue(issue, {
    archiveUrl: deps.archiveUrl(issue.slug),
    ...(links ? { tracks: links.sets } : {}),
  });
  const { current } = await deps.store.saveRender(
    id,
    revision,
    { ...email, ...(links ? { linksVersion: links.version } : {}) },
    deps.clock.now().toISOString(),
  );
  if (!current) return { rendered: false, reason: 'stale_revision' };
  if (deps.feeds && !rendered) {
    const fresh = { ...issue, renderedRevision: revision };
    await refreshArchiveFeeds(fresh, { store: deps.store, clock: deps.clock, ...deps.feeds });
  }
  if (deps.publicPages && deps.feeds) {
    const fresh = { ...issue, renderedRevision: revision };
    const { timeZone, renderer: feeds } = deps.feeds;
    const pages = { store: deps.store, clock: deps.clock, timeZone, feeds, ...deps.publicPages };
    await publishPublicPages(fresh, email.webHtml, pages);
  }
  return { rendered: true, changed: rendered ? 'links' : 'revision', ...(warnings ? { warnings } : {}) };
};

const linksOf = async (
  issue: Parameters<typeof issueLinks>[0],
  deps: RenderTrackLinks,
): Promise<IssueLinks> => {
  const keys = [...new Set(issue.tracks.map((track) => trackUrlKey(track.url)))];
  return issueLinks(issue, await deps.resolutions.getMany(keys), deps.publicBaseUrl);
};
