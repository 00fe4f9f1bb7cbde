import { describe, expect, it } from 'vitest';
import { sendTimeOf } from '../../shared/domain/send-time.ts';
import { localInstant } from '../../shared/domain/local-instant.ts';

describe('a wall-clock time on a calendar day, as an instant', () => {
  it.each([
    ['2026-11-29', '09:00', 'Europe/Paris', '2026-11-29T08:00:00.000Z'],
    ['2027-06-06', '09:00', 'Europe/Paris', '2027-06-06T07:00:00.000Z'],
    // The Sunday clocks go back (03:00 → 02:00) and forward (02:00 → 03:00) in Paris.
    ['2026-10-25', '09:00', 'Europe/Paris', '2026-10-25T08:00:00.000Z'],
    ['2027-03-28', '09:30', 'Europe/Paris', '2027-03-28T07:30:00.000Z'],
    ['2026-11-29', '09:00', 'America/New_York', '2026-11-29T14:00:00.000Z'],
    ['2026-11-29', '09:00', 'UTC', '2026-11-29T09:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(localInstant(date, time, zone).toISOString()).toBe(expected);
  });
});

describe("the Sunday run's time, from its cron", () => {
  it.each([
    ['0 9 * * 0', '09:00'],
    ['30 7 * * 0', '07:30'],
    ['*/5 9 * * 0', '09:00'],
    ['0 8-10 * * 0', '09:00'],
  ])('%s is said as %s', (cron, time) => {
    expect(sendTimeOf(cron)).toBe(time);
  });
});
