import type { Language } from '../../shared/domain/issue.ts';

/** The words of the archive's list page. The issues' own words come from the issues. */
export const ARCHIVE_STRINGS = {
  fr: {
    locale: 'fr-FR',
    heading: 'Tous les numéros',
    description: 'Chaque dimanche, une histoire et sa playlist.',
    empty: 'Aucun numéro n’est encore paru.',
    older: 'Numéros plus anciens',
    newest: 'Retour aux derniers numéros',
    feeds: 'Suivre par flux\u00a0:',
    subscribe: 'Recevoir la playlist chaque dimanche',
    pages: 'Pages de l’archive',
    // A no-break space: the number never ends a line without its word.
    tracks: (count: number) => (count > 1 ? `${count}\u00a0titres` : `${count}\u00a0titre`),
  },
  en: {
    locale: 'en-GB',
    heading: 'All issues',
    description: 'Every Sunday, a story and its playlist.',
    empty: 'No issue has come out yet.',
    older: 'Older issues',
    newest: 'Back to the latest issues',
    feeds: 'Follow by feed:',
    subscribe: 'Get the playlist every Sunday',
    pages: 'Archive pages',
    tracks: (count: number) => (count === 1 ? '1\u00a0track' : `${count}\u00a0tracks`),
  },
} satisfies Record<Language, unknown>;

/**
 * "dimanche 29 novembre 2026". The Sunday is a calendar date, not an instant: noon UTC formatted in UTC
 * stays on that day whatever the machine's zone. (The web page's own copy of this rule lives with MJML.)
 */
export const sundayLabel = (isoDate: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
