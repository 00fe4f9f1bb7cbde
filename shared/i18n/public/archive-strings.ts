import type { Language } from '../../domain/issue.ts';

/** The words of the archive's list page and of its error pages. The issues' own words come from the issues. */
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
    notFoundTitle: 'Numéro introuvable',
    notFound: 'Ce numéro n’existe pas ou n’est pas encore paru.',
    badPageTitle: 'Page introuvable',
    badPage: 'Ce lien ne mène à aucune page de l’archive.',
    backToList: 'Voir tous les numéros',
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
    notFoundTitle: 'Issue not found',
    notFound: 'This issue does not exist or has not come out yet.',
    badPageTitle: 'Page not found',
    badPage: 'This link leads to no page of the archive.',
    backToList: 'See all issues',
    tracks: (count: number) => (count === 1 ? '1\u00a0track' : `${count}\u00a0tracks`),
  },
} satisfies Record<Language, unknown>;
