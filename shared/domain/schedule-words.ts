import type { Language } from './issue.ts';

/**
 * A five-field cron (minute hour day-of-month month day-of-week) said as she would say it: "chaque dimanche à
 * 9 h, heure de Paris". Numbers, lists and ranges are said; anything else (steps, names, L, #) gives undefined,
 * and the page shows the cron as written rather than a sentence that might be wrong.
 */
const DAYS = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "1,3-5" → [1, 3, 4, 5] within [min, max]; undefined for anything else (a step, a name, a bad range). */
const numbers = (field: string, min: number, max: number): number[] | undefined => {
  const out: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < min || to > max || from > to) return undefined;
    for (let n = from; n <= to; n += 1) out.push(n);
  }
  return out;
};

const join = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

const clock = (language: Language, hour: number, minute: number) =>
  language === 'fr'
    ? `${hour} h${minute ? ` ${String(minute).padStart(2, '0')}` : ''}`
    : `${hour}:${String(minute).padStart(2, '0')}`;

/** "Europe/Paris" → "Paris", "America/New_York" → "New York"; UTC stays UTC. */
const zoneName = (timeZone: string) => timeZone.split('/').at(-1)?.replaceAll('_', ' ') ?? timeZone;

const zone = (language: Language, timeZone: string) => {
  if (/^(UTC|Etc\/UTC|GMT)$/.test(timeZone)) return language === 'fr' ? 'temps universel (UTC)' : 'UTC';
  return language === 'fr' ? `heure de ${zoneName(timeZone)}` : `${zoneName(timeZone)} time`;
};

const daysPart = (language: Language, dom: string, month: string, dow: string): string | undefined => {
  const fr = language === 'fr';
  const and = fr ? 'et' : 'and';
  const months = month === '*' ? undefined : numbers(month, 1, 12);
  if (month !== '*' && !months) return undefined;
  const inMonths = months
    ? fr
      ? ` en ${join(
          months.map((m) => MONTHS.fr[m - 1] as string),
          and,
        )}`
      : ` in ${join(
          months.map((m) => MONTHS.en[m - 1] as string),
          and,
        )}`
    : '';
  if (dom !== '*' && dow !== '*') return undefined;
  if (dom !== '*') {
    const days = numbers(dom, 1, 31);
    if (!days) return undefined;
    const said = join(
      days.map((d) => (fr ? (d === 1 ? '1er' : String(d)) : ordinal(d))),
      and,
    );
    return fr
      ? `le ${said} ${months ? `de chaque mois${inMonths.replace(' en ', ', en ')}` : 'de chaque mois'}`
      : `on the ${said} of ${
          months
            ? join(
                months.map((m) => MONTHS.en[m - 1] as string),
                and,
              )
            : 'every month'
        }`;
  }
  if (dow === '*') return (fr ? 'chaque jour' : 'every day') + inMonths;
  const days = numbers(dow, 0, 7);
  if (!days) return undefined;
  const unique = [...new Set(days.map((d) => d % 7))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const names = unique.map((d) => DAYS[language][d] as string);
  if (unique.length === 7) return (fr ? 'chaque jour' : 'every day') + inMonths;
  const run = /^(\d)-(\d)$/.exec(dow);
  if (run && unique.length > 2)
    return (fr ? `du ${names[0]} au ${names.at(-1)}` : `${names[0]} to ${names.at(-1)}`) + inMonths;
  return (fr ? `chaque ${join(names, and)}` : `every ${join(names, and)}`) + inMonths;
};

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

export const scheduleInWords = (cron: string, timeZone: string, language: Language): string | undefined => {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const minutes = numbers(minute, 0, 59);
  const hours = numbers(hour, 0, 23);
  if (!minutes || minutes.length !== 1 || !hours) return undefined;
  const days = daysPart(language, dom, month, dow);
  if (!days) return undefined;
  const at = join(
    hours.map((h) => clock(language, h, minutes[0] as number)),
    language === 'fr' ? 'et' : 'and',
  );
  return language === 'fr'
    ? `${days} à ${at}, ${zone(language, timeZone)}`
    : `${days} at ${at}, ${zone(language, timeZone)}`;
};
