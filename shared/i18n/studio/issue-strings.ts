import type { Language } from '../../domain/issue.ts';

const fr = {
  issue: {
    list: 'Numéros',
    number: 'Numéro',
    sunday: 'Dimanche',
    state: 'État',
    preview: 'Aperçu de l’e-mail',
    platform: 'Vu par un lecteur de',
    universal: 'Toutes plateformes (song.link)',
    readerLanguage: 'Dans la langue du lecteur',
    readerLanguages: { fr: 'Français', en: 'Anglais' } as Record<Language, string>,
    width: 'Largeur',
    mobile: 'Mobile',
    desktop: 'Ordinateur',
    show: 'Afficher',
    text: 'Version texte',
    web: 'Page web du numéro',
    social: 'Textes des réseaux',
    characters: (n: number, limit: number) => `${n} / ${limit} caractères (décompte du réseau)`,
    actions: 'Actions',
    history: 'Historique',
    noHistory: 'Aucune action pour l’instant.',
    none: 'Aucun numéro reçu pour l’instant : publiez un article sur WordPress.com.',
    testSend: (to: string) => `M’envoyer un test (${to})`,
    testSent: (to: string) => `Un e-mail de test est parti vers ${to}.`,
    testFailed: 'L’e-mail de test n’est pas parti ; réessayez dans un instant.',
    notRendered: 'La mise en page n’est pas prête : l’aperçu viendra après.',
    by: (who: string, when: string) => `${who}, ${when}`,
  },
};

/** Numéros: the list and an issue's page. In French only: an English studio falls back to these. */
export const issueStrings = { fr, en: fr };
