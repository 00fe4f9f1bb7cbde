import type { Language } from '../../domain/issue.ts';

const fr = {
  noClicks: 'Aucun clic pour l’instant : les clics des lecteurs sur les morceaux s’afficheront ici.',
  noClicksYet: 'Aucun clic sur ces numéros pour l’instant.',
  noSends: 'Aucun numéro envoyé pour l’instant : le premier envoi remplira ce graphique.',
  noMails: 'Aucun e-mail parti pour l’instant.',
  noSubscribers: 'Aucun abonné confirmé sur ces huit semaines.',
};

const en: typeof fr = {
  noClicks: 'No clicks yet: readers’ clicks on the tracks will show here.',
  noClicksYet: 'No clicks on these issues yet.',
  noSends: 'No issue sent yet: the first send will fill this chart.',
  noMails: 'No mail has gone out yet.',
  noSubscribers: 'No confirmed subscriber over these eight weeks.',
};

/** Why an empty chart is empty, in her language. */
export const chartStrings = (language: Language) => (language === 'en' ? en : fr);
