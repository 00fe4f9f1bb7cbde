import type { Language } from '../../domain/issue.ts';

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
