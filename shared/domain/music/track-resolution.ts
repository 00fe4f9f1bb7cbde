import type { Platform } from '../platforms.ts';

/**
 * What the resolver made of one track URL, cached by `trackUrlKey` and shared by every issue that links it.
 * resolved: the song.link page and each platform's link, with the platforms that lack the track.
 * not_found: the resolver knows no song at that URL (the author's link stays the only one).
 * failed: the resolver kept failing (server errors, timeouts) past the retries; the issue goes out with the
 * author's link and a warning, and a later ingest of the same URL tries again.
 */
export type TrackResolution =
  | {
      key: string;
      url: string;
      status: 'resolved';
      pageUrl: string;
      links: Partial<Record<Platform, string>>;
      missing: Platform[];
      /** What the resolver calls the song, to tell a wrong match from the author's title. */
      artist?: string;
      title?: string;
      thumbnailUrl?: string;
      resolvedAt: string;
    }
  | { key: string; url: string; status: 'not_found' | 'failed'; detail?: string; resolvedAt: string };

/** Query parameters that only track who shared a link: the same song shared twice is one cache entry. */
const TRACKING_PARAMS = /^(utm_.+|si|fbclid|gclid|igshid|feature|context)$/i;

/**
 * The cache key of a track URL: scheme and host lower-cased, fragment and tracking parameters dropped, the
 * remaining parameters sorted. Two links to the same song from two shares resolve once.
 */
export const trackUrlKey = (raw: string): string => {
  const url = new URL(raw);
  url.hash = '';
  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAMS.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
};
