import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorBanner } from '../../emails/author-banner.ts';
import type { IssueWarning } from '../../shared/domain/music/issue-warning.ts';
import { groupWarnings, warningTotal } from '../../shared/domain/music/warning-groups.ts';
import { PLATFORMS } from '../../shared/domain/platforms.ts';
import { anIssue } from '../builders/issue.ts';

const issue = { ...anIssue(), revision: 2 };
const position = fc.integer({ min: 1, max: issue.tracks.length + 2 });
const url = fc.constantFrom('https://www.deezer.com/track/1', 'https://open.spotify.com/track/2');
const detail = fc.constantFrom('HTTP 404 Not Found', 'timed out', 'HTTP 503');

const warning: fc.Arbitrary<IssueWarning & { revision: number }> = fc
  .oneof(
    fc.record({ kind: fc.constant('dead_link' as const), position, url, detail }),
    fc.record({ kind: fc.constant('unreachable_link' as const), position, url, detail }),
    fc.record({
      kind: fc.constant('dead_cover' as const),
      position: fc.option(position, { nil: undefined }),
      url,
      detail,
    }),
    fc.record({
      kind: fc.constant('missing_platforms' as const),
      position,
      platforms: fc.subarray([...PLATFORMS], { minLength: 1 }),
    }),
    fc.record({ kind: fc.constant('unresolved' as const), position, url, detail }),
    fc.record({
      kind: fc.constant('repeated_track' as const),
      position,
      match: fc.constantFrom('isrc' as const, 'artist_title' as const),
      earlier: fc.record({
        issueId: fc.constant('iss_30' as const),
        series: fc.constant(30),
        sunday: fc.constant('2026-11-01'),
        position,
      }),
    }),
  )
  .chain((w) =>
    fc
      .integer({ min: 1, max: 2 })
      .map((revision) => ({ ...w, revision }) as IssueWarning & { revision: number }),
  );

/** Words of the English banner; the French one names tracks, platforms and details, never these. */
const ENGLISH =
  /\b(warnings?|Track|tracks?|for this issue|the link is dead|not found on|readers|cover|checked)\b/;

describe('the banner on her preview and test mail', () => {
  it('counts every warning once, a group a kind with its own count, all in French', () => {
    const fr = authorBanner('fr', 'Europe/Paris');
    fc.assert(
      fc.property(fc.array(warning, { maxLength: 40 }), (warnings) => {
        const banner = fr({ issue, warnings });
        const groups = groupWarnings(warnings);
        expect(warningTotal(groups)).toBe(warnings.length);
        expect(groups.flatMap((g) => g.warnings)).toHaveLength(warnings.length);
        if (warnings.length === 0) {
          expect(banner).toBeUndefined();
          return;
        }
        expect(banner?.total).toBe(warnings.length);
        expect(banner?.heading).toMatch(new RegExp(`^${warnings.length} avertissements? sur ce numéro\\.`));
        expect(banner?.groups.map((g) => Number(/^\d+/.exec(g.title)?.[0]))).toEqual(
          groups.map((g) => g.count),
        );
        const words = [banner?.heading, ...(banner?.groups ?? []).flatMap((g) => [g.title, ...g.items])]
          .join('\n')
          .replace(/https:\/\/\S+/g, '')
          // Her track names ("(Artist – Title)") and the servers' own details are quoted as they are.
          .replace(/\([^()]*–[^()]*\)|\((?:HTTP \d+[^)]*|timed out)\)/g, '');
        expect(words).not.toMatch(ENGLISH);
      }),
      { numRuns: 200 },
    );
  });

  it('writes "1 avertissement" and "0" in the singular, as French does, and says nothing with nothing to say', () => {
    const fr = authorBanner('fr', 'Europe/Paris');
    const one = fr({
      issue,
      warnings: [{ kind: 'dead_link', position: 1, url: 'https://x.example/1', detail: 'HTTP 404' }],
    });
    expect(one?.heading).toMatch(/^1 avertissement sur ce numéro\./);
    expect(one?.groups).toEqual([
      {
        title: '1 lien mort',
        items: [
          expect.stringMatching(
            /^Piste 1 \(.+\)\u00a0: le lien est mort \(HTTP 404\) — https:\/\/x\.example\/1$/,
          ),
        ],
      },
    ]);
    const size = fr({ issue, warnings: [], size: { kilobytes: 95, limitKilobytes: 102, clipped: false } });
    expect(size).toMatchObject({ total: 0, heading: expect.stringMatching(/^À vérifier sur ce numéro\./) });
    expect(size?.notes).toEqual([
      'Cet e-mail pèse 95\u00a0Ko, près des 102\u00a0Ko après lesquels Gmail le coupe et masque la suite. Évitez de l’allonger.',
    ]);
    expect(fr({ issue, warnings: [] })).toBeUndefined();
  });
});
