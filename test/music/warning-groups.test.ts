import { describe, expect, it } from 'vitest';
import type { IssueWarning } from '../../shared/domain/music/issue-warning.ts';
import { groupWarnings, warningFingerprint, warningTotal } from '../../shared/domain/music/warning-groups.ts';

const dead: IssueWarning = { kind: 'dead_link', position: 3, url: 'https://x.example/3', detail: 'HTTP 404' };

describe('warning groups', () => {
  it('puts what breaks a click first and folds the missing platforms per platform, tracks in order', () => {
    const groups = groupWarnings([
      { kind: 'missing_platforms', position: 9, platforms: ['bandcamp'] },
      { kind: 'missing_platforms', position: 2, platforms: ['tidal', 'bandcamp'] },
      dead,
    ]);
    expect(groups).toEqual([
      { kind: 'dead_link', count: 1, warnings: [dead], missing: [] },
      {
        kind: 'missing_platforms',
        count: 2,
        warnings: [
          { kind: 'missing_platforms', position: 2, platforms: ['tidal', 'bandcamp'] },
          { kind: 'missing_platforms', position: 9, platforms: ['bandcamp'] },
        ],
        missing: [
          { platform: 'tidal', positions: [2] },
          { platform: 'bandcamp', positions: [2, 9] },
        ],
      },
    ]);
    expect(warningTotal(groups)).toBe(3);
    expect(groupWarnings([])).toEqual([]);
    expect(warningTotal([])).toBe(0);
  });
});

describe('the warning set’s fingerprint', () => {
  it('ignores the order of the list, of the keys, and the details', () => {
    const read = { detail: 'timed out', url: dead.url, position: 3, kind: 'dead_link' } as IssueWarning;
    const cover: IssueWarning = { kind: 'dead_cover', url: 'https://x.example/c.jpg', detail: 'HTTP 410' };
    expect(warningFingerprint([dead, cover])).toBe(warningFingerprint([cover, read]));
  });

  it('changes with what the problem is or where it is', () => {
    const base = warningFingerprint([dead]);
    expect(warningFingerprint([{ ...dead, position: 4 }])).not.toBe(base);
    expect(warningFingerprint([{ ...dead, kind: 'unreachable_link' }])).not.toBe(base);
    expect(warningFingerprint([])).not.toBe(base);
  });
});
