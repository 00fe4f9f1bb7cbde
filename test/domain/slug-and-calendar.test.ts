import { describe, expect, it } from 'vitest';
import { localDate, sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { seriesFromSlug, slugFor } from '../../shared/domain/slug.ts';

describe('archive slugs', () => {
  it('start with the series number and fold French accents', () => {
    expect(slugFor(34, 'Chambre en Provence')).toBe('34-chambre-en-provence');
    expect(slugFor(35, 'Été, à l’ombre des pins — « live » 😉')).toBe('35-ete-a-l-ombre-des-pins-live');
    expect(slugFor(36, '😉')).toBe('36');
  });

  it('resolve back to the series number whatever the words', () => {
    expect(seriesFromSlug('34-chambre-en-provence')).toBe(34);
    expect(seriesFromSlug('34')).toBe(34);
    expect(seriesFromSlug('034-x')).toBeUndefined();
    expect(seriesFromSlug('../etc/passwd')).toBeUndefined();
  });
});

describe('the Sunday of a post', () => {
  it('is the same day for a post written on Sunday morning in Paris', () => {
    expect(sundayOnOrAfter(new Date('2026-11-29T07:30:00Z'), 'Europe/Paris')).toBe('2026-11-29');
  });

  it('is the next day for a post written late on Saturday in Paris, even when it is already Sunday in UTC-less terms', () => {
    expect(sundayOnOrAfter(new Date('2026-11-28T22:30:00Z'), 'Europe/Paris')).toBe('2026-11-29');
    expect(sundayOnOrAfter(new Date('2026-11-28T22:30:00Z'), 'America/New_York')).toBe('2026-11-29');
    expect(localDate(new Date('2026-11-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-29');
  });

  it('is the following Sunday for a post written on Monday', () => {
    expect(sundayOnOrAfter(new Date('2026-11-30T10:00:00Z'), 'Europe/Paris')).toBe('2026-12-06');
  });
});
