import type { Track } from '../../domain/issue.ts';
import type { IssueWarning } from '../../domain/music/issue-warning.ts';
import { type TrackResolution, trackUrlKey } from '../../domain/music/track-resolution.ts';

const keyOf = (url: string): string | undefined => {
  try {
    return trackUrlKey(url);
  } catch {
    return undefined;
  }
};

const UNRESOLVED_DETAIL = {
  not_found: 'song.link knows no song at this link',
  failed: 'song.link kept failing',
} as const;

/**
 * What the cached resolutions say about an issue's tracks. A track not resolved yet says nothing: the
 * resolver works through its queue at its own pace, and the eve's check sees what it found by then.
 * `pending`: tracks whose resolution is still to come.
 */
export const resolutionWarnings = async (
  tracks: readonly Track[],
  links: { getMany: (keys: readonly string[]) => Promise<Map<string, TrackResolution>> },
): Promise<{ warnings: IssueWarning[]; pending: number }> => {
  const keys = tracks.map((track) => keyOf(track.url));
  const cached = await links.getMany([...new Set(keys.filter((k): k is string => k !== undefined))]);
  const pending = keys.filter((key) => key !== undefined && !cached.has(key)).length;
  const warnings = tracks.flatMap((track, i): IssueWarning[] => {
    const key = keys[i];
    const resolution: TrackResolution | undefined = key === undefined ? undefined : cached.get(key);
    if (!resolution) return [];
    if (resolution.status === 'resolved')
      return resolution.missing.length > 0
        ? [{ kind: 'missing_platforms', position: track.position, platforms: [...resolution.missing] }]
        : [];
    return [
      {
        kind: 'unresolved',
        position: track.position,
        url: track.url,
        detail: resolution.detail ?? UNRESOLVED_DETAIL[resolution.status],
      },
    ];
  });
  return { warnings, pending };
};
