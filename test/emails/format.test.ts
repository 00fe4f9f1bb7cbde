import { describe, expect, it } from 'vitest';
import { formatSunday } from '../../shared/domain/calendar.ts';
import { formatDuration, playlistMinutes, trackDetails } from '../../emails/format.ts';

describe('formatting for the email', () => {
  it('writes durations as m:ss', () => {
    expect([42, 148, 429, 725, 3600].map(formatDuration)).toEqual(['0:42', '2:28', '7:09', '12:05', '60:00']);
  });

  it('gives the playlist length only when every track has one', () => {
    expect(playlistMinutes([148, 429, 228])).toBe(13);
    expect(playlistMinutes([148, undefined])).toBeUndefined();
    expect(playlistMinutes([])).toBeUndefined();
  });

  it('writes the Sunday in the issue language, whatever the machine timezone', () => {
    expect(formatSunday('2026-11-29', 'fr-FR')).toBe('dimanche 29 novembre 2026');
    expect(formatSunday('2026-03-29', 'fr-FR')).toBe('dimanche 29 mars 2026');
  });

  it('lists the album then the length, each only when known', () => {
    expect(trackDetails({ album: 'Moon Safari', durationSeconds: 429 })).toEqual(['Moon Safari', '7:09']);
    expect(trackDetails({ durationSeconds: 429 })).toEqual(['7:09']);
    expect(trackDetails({})).toEqual([]);
  });
});
