import { createHash } from 'node:crypto';
import type { Issue, Track } from '../issue.ts';
import { type LinkVariant, PLATFORMS } from '../platforms.ts';
import { type ClickLink, clickLink, clickUrl } from './click-link.ts';
import { type TrackResolution, trackUrlKey } from './track-resolution.ts';

/** One track's links as the email prints them: each leads through `/r/`, `universal` always there. */
export type TrackLinkSet = {
  position: number;
  hrefs: Partial<Record<LinkVariant, string>> & { universal: string };
};

/**
 * Where a track's links lead: every platform the resolver found and its song.link page; unresolved (not yet,
 * not found, given up), the author's own link is the only one, standing in for the universal page.
 */
export const trackTargets = (
  track: Track,
  resolution: TrackResolution | undefined,
): Partial<Record<LinkVariant, string>> & { universal: string } => {
  if (resolution?.status !== 'resolved') return { universal: track.url };
  const targets: Partial<Record<LinkVariant, string>> & { universal: string } = {
    universal: resolution.pageUrl,
  };
  for (const platform of PLATFORMS) {
    const link = resolution.links[platform];
    if (link) targets[platform] = link;
  }
  return targets;
};

export type IssueLinks = { links: ClickLink[]; sets: TrackLinkSet[]; version: string };

/**
 * The issue's track links as click links, from the resolutions cached so far. `version` changes exactly when a
 * target does: the render step re-renders an issue whose links moved on (a track resolved since).
 */
export const issueLinks = (
  issue: Pick<Issue, 'id' | 'tracks'>,
  resolutions: ReadonlyMap<string, TrackResolution>,
  publicBaseUrl: string,
): IssueLinks => {
  const links: ClickLink[] = [];
  const sets = issue.tracks.map((track): TrackLinkSet => {
    const targets = trackTargets(track, resolutions.get(trackUrlKey(track.url)));
    const hrefs = {} as TrackLinkSet['hrefs'];
    for (const [platform, target] of Object.entries(targets) as [LinkVariant, string][]) {
      const link = clickLink({ issueId: issue.id, position: track.position, platform, target });
      links.push(link);
      hrefs[platform] = clickUrl(publicBaseUrl, link.id);
    }
    return { position: track.position, hrefs };
  });
  const version = createHash('sha256')
    .update(JSON.stringify(links.map((l) => l.id)))
    .digest('base64url')
    .slice(0, 16);
  return { links, sets, version };
};
