import type { Language } from '../../domain/issue.ts';

const fr = {
  expiredTitle: 'Ce formulaire a expiré',
  expired:
    'Rien n’a été fait. Rechargez la page (touche F5 ou le bouton ↻ du navigateur) puis recommencez : le formulaire sera de nouveau valable.',
  notFoundTitle: 'Page introuvable',
  notFound: 'Cette page n’existe pas, ou plus. Vérifiez l’adresse, ou repartez de la page de la semaine.',
  invalidTitle: 'Quelque chose est à corriger',
  invalid: 'Rien n’a été enregistré. Corrigez ce qui suit, puis renvoyez le formulaire :',
  field: (name: string) => `le champ « ${name} » n’est pas valable`,
  tooLargeTitle: 'Fichier trop gros',
  tooLarge: (size: string) =>
    `Rien n’a été importé : le fichier dépasse ${size}. Coupez-le en plusieurs fichiers et importez-les l’un après l’autre.`,
  refusedTitle: 'Action refusée',
  refused: 'Cette action n’a pas été faite. Revenez en arrière et réessayez.',
  errorTitle: 'Une erreur est survenue',
  error: (reference: string) =>
    `Rien n’indique que votre action a abouti : vérifiez avant de la refaire. Si cela se reproduit, transmettez cette référence à la personne qui gère Dimanche : ${reference}.`,
  reference: 'Référence',
  home: 'Revenir à la semaine',
};

export type ErrorStrings = typeof fr;

const en: ErrorStrings = {
  expiredTitle: 'This form has expired',
  expired:
    'Nothing was done. Reload the page (F5 or the browser’s ↻ button) and try again: the form will be valid again.',
  notFoundTitle: 'Page not found',
  notFound:
    'This page does not exist, or no longer does. Check the address, or start again from this week’s page.',
  invalidTitle: 'Something needs fixing',
  invalid: 'Nothing was saved. Fix the following, then send the form again:',
  field: (name) => `the field “${name}” is not valid`,
  tooLargeTitle: 'File too large',
  tooLarge: (size) =>
    `Nothing was imported: the file is over ${size}. Split it into several files and import them one after another.`,
  refusedTitle: 'Action refused',
  refused: 'This action was not done. Go back and try again.',
  errorTitle: 'Something went wrong',
  error: (reference) =>
    `Nothing shows that your action went through: check before doing it again. If it happens again, give this reference to whoever runs Dimanche: ${reference}.`,
  reference: 'Reference',
  home: 'Back to this week',
};

/** The studio's error pages, in the author's language. */
export const errorStrings = (language: Language): ErrorStrings => (language === 'en' ? en : fr);

/** A size limit as the refusal says it: whole megabytes, 1 at least; nothing when the limit is unknown. */
export const megabytes = (bytes: unknown) =>
  typeof bytes === 'number' ? `${Math.floor(bytes / 1024 / 1024) || 1} Mo` : '';
