import type { Track } from '../../shared/domain/issue.ts';
import type { IssueWarning } from '../../shared/domain/music/issue-warning.ts';
import { PLATFORM_NAMES, type Platform } from '../../shared/domain/platforms.ts';
import type { ListedWarning } from '../../shared/usecases/music/issue-warnings.ts';
import type { Formatter } from './format.ts';
import type { StudioStrings } from './strings.ts';

type Kind = IssueWarning['kind'];
const ORDER: Kind[] = [
  'non_public_address',
  'dead_link',
  'dead_cover',
  'unresolved',
  'unreachable_link',
  'repeated_track',
  'missing_platforms',
];

const trackName = (t: StudioStrings, tracks: readonly Track[], position?: number) => {
  const track = tracks.find((x) => x.position === position);
  if (position === undefined) return t.warnings.cover;
  return track ? t.warnings.track(position, track.artist, track.title) : t.warnings.track(position, '?', '?');
};

/**
 * The warnings grouped by kind, worst first, each group with what to do once. "Not on Bandcamp" for fourteen
 * tracks is one line with a count (the tracks folded under it), not fourteen lines.
 */
export const Warnings = (props: {
  warnings: ListedWarning[];
  tracks: readonly Track[];
  t: StudioStrings;
  f: Formatter;
}) => {
  const { t, warnings, tracks } = props;
  if (warnings.length === 0) return <p class="notice">{t.warnings.none}</p>;
  const groups = ORDER.map((kind) => ({ kind, items: warnings.filter((w) => w.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <div>
      <p>
        <strong>{t.warnings.count(warnings.length)}</strong>
      </p>
      <ul class="warnings">
        {groups.map(({ kind, items }) => (
          <li>
            <h3>
              {t.warnings.kinds[kind]} ({items.length})
            </h3>
            <p class="muted">{t.warnings.todo[kind]}</p>
            {kind === 'missing_platforms' ? (
              <MissingPlatforms {...props} items={items} />
            ) : (
              <ul>
                {items.map((w) => (
                  <li>
                    {trackName(t, tracks, w.position)}
                    {w.kind === 'repeated_track'
                      ? ` : ${t.warnings.already(w.earlier.series, props.f.sunday(w.earlier.sunday))}`
                      : 'url' in w
                        ? ` : ${w.url}`
                        : ''}
                    {w.revision !== undefined && w.line.includes('(checked on revision')
                      ? ` (${t.warnings.stale})`
                      : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};

const MissingPlatforms = (props: { items: ListedWarning[]; tracks: readonly Track[]; t: StudioStrings }) => {
  const byPlatform = new Map<Platform, number[]>();
  for (const w of props.items)
    if (w.kind === 'missing_platforms')
      for (const p of w.platforms) byPlatform.set(p, [...(byPlatform.get(p) ?? []), w.position]);
  return (
    <ul>
      {[...byPlatform].map(([platform, positions]) => (
        <li>
          <details>
            <summary>{props.t.warnings.missing(PLATFORM_NAMES[platform], positions.length)}</summary>
            <ul>
              {positions.map((p) => (
                <li>{trackName(props.t, props.tracks, p)}</li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
};
