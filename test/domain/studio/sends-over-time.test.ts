import { describe, expect, it } from 'vitest';
import { formatter } from '../../../shared/i18n/studio/format.ts';
import { sendsOverTime } from '../../../shared/domain/studio/sends-over-time.ts';

const f = formatter('fr', 'Europe/Paris');

describe('the sends-over-time chart of a campaign report', () => {
  it('gives a campaign over within a second ten slices of a second each, each labelled with its own time', () => {
    const slices = sendsOverTime(
      ['2026-11-29T08:00:00.100Z', '2026-11-29T08:00:00.200Z', '2026-11-29T08:00:00.900Z'],
      f,
    );
    expect(slices).toHaveLength(10);
    expect(new Set(slices.map((s) => s.label)).size).toBe(10);
    expect(slices[0]).toEqual({ label: '09:00:00', value: 3 });
    expect(slices.slice(1).every((s) => s.value === 0)).toBe(true);
  });

  it('spreads a long campaign over ten equal slices from its first send to its last, every send counted', () => {
    const start = Date.parse('2026-11-29T08:00:00Z');
    const times = Array.from({ length: 600 }, (_, i) => new Date(start + i * 1000).toISOString());
    const slices = sendsOverTime(times, f);
    expect(slices.map((s) => s.value)).toEqual(Array(10).fill(60));
    // A minute a slice, each starting where the last ended (the span ends one millisecond past the last send).
    expect(slices.map((s) => s.label).slice(0, 3)).toEqual(['09:00:00', '09:00:59', '09:01:59']);
  });

  it('draws nothing for a campaign that sent nothing', () => {
    expect(sendsOverTime([], f)).toEqual([]);
  });
});
