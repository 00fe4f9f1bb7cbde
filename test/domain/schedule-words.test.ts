import { describe, expect, it } from 'vitest';
import { scheduleInWords } from '../../shared/domain/schedule-words.ts';

describe('the schedule in words', () => {
  it.each([
    [
      '0 9 * * 0',
      'Europe/Paris',
      'chaque dimanche à 9 h, heure de Paris',
      'every Sunday at 9:00, Paris time',
    ],
    [
      '0 9 * * 7',
      'Europe/Paris',
      'chaque dimanche à 9 h, heure de Paris',
      'every Sunday at 9:00, Paris time',
    ],
    [
      '30 7 * * 6',
      'Europe/Brussels',
      'chaque samedi à 7 h 30, heure de Brussels',
      'every Saturday at 7:30, Brussels time',
    ],
    [
      '5 18 * * 1,4',
      'America/New_York',
      'chaque lundi et jeudi à 18 h 05, heure de New York',
      'every Monday and Thursday at 18:05, New York time',
    ],
    [
      '0 8 * * 1-5',
      'UTC',
      'du lundi au vendredi à 8 h, temps universel (UTC)',
      'Monday to Friday at 8:00, UTC',
    ],
    [
      '0 9,18 * * *',
      'Europe/Paris',
      'chaque jour à 9 h et 18 h, heure de Paris',
      'every day at 9:00 and 18:00, Paris time',
    ],
    [
      '0 10 1 * *',
      'Europe/Paris',
      'le 1er de chaque mois à 10 h, heure de Paris',
      'on the 1st of every month at 10:00, Paris time',
    ],
    [
      '0 9 * 7,8 0',
      'Europe/Paris',
      'chaque dimanche en juillet et août à 9 h, heure de Paris',
      'every Sunday in July and August at 9:00, Paris time',
    ],
  ])('says %s in %s', (cron, zone, fr, en) => {
    expect(scheduleInWords(cron, zone, 'fr')).toBe(fr);
    expect(scheduleInWords(cron, zone, 'en')).toBe(en);
  });

  it.each([
    '*/15 9 * * 0',
    '0 9 * * SUN',
    '0 9 * * 0#2',
    '0 25 * * 0',
    '0 9 * *',
    '0 9 1 * 0',
    '0,30 9 * * 0',
  ])('gives nothing for %s rather than a sentence that might be wrong', (cron) => {
    expect(scheduleInWords(cron, 'Europe/Paris', 'fr')).toBeUndefined();
  });
});
