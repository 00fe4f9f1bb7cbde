import type { Track } from '../../shared/domain/issue.ts';
import { groupWarnings, type WarningGroup, warningTotal } from '../../shared/domain/music/warning-groups.ts';
import { PLATFORM_NAMES } from '../../shared/domain/platforms.ts';
import type { ListedWarning } from '../../shared/usecases/music/issue-warnings.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { StudioStrings } from '../../shared/i18n/studio/studio-strings.ts';

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
  // The one grouping and count of shared/: the banner, the test mail and her mails show the same numbers.
  const groups = groupWarnings(warnings);
  return (
    <div>
      <p>
        <strong>{t.warnings.count(warningTotal(groups))}</strong>
      </p>
      <ul class="warnings">
        {groups.map((group) => (
          <li>
            <h3>
              {t.warnings.kinds[group.kind]} ({group.count})
            </h3>
            <p class="muted">{t.warnings.todo[group.kind]}</p>
            {group.kind === 'missing_platforms' ? (
              <MissingPlatforms {...props} group={group} />
            ) : (
              <ul>
                {group.warnings.map((w) => (
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

const MissingPlatforms = (props: {
  group: WarningGroup<ListedWarning>;
  tracks: readonly Track[];
  t: StudioStrings;
}) => (
  <ul>
    {props.group.missing.map(({ platform, positions }) => (
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
