import type { Language } from '../shared/domain/issue.ts';

/** The words of the double opt-in mail. Changing one needs `npm run build:emails` (a test says so). */
export type ConfirmationStrings = {
  subject: (seriesName: string) => string;
  preview: string;
  heading: string;
  intro: (seriesName: string) => string;
  button: string;
  fallback: string;
  expiry: string;
  ignore: string;
  why: string;
};

export const CONFIRMATION_STRINGS: Record<Language, ConfirmationStrings> = {
  fr: {
    subject: (series) => `Confirmez votre abonnement à ${series}`,
    preview: 'Un clic, et la playlist arrive chaque dimanche matin.',
    heading: 'Encore une étape',
    intro: (series) =>
      `Quelqu’un, sans doute vous, a demandé à recevoir ${series} à cette adresse. Pour confirmer, cliquez sur le bouton ci-dessous\u00a0: la playlist arrivera chaque dimanche matin.`,
    button: 'Je confirme mon abonnement',
    fallback: 'Le bouton ne fonctionne pas\u00a0? Copiez ce lien dans votre navigateur\u00a0:',
    expiry: 'Ce lien est valable sept jours.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message\u00a0: vous ne recevrez rien d’autre.',
    why: 'Vous recevez ce message unique parce que cette adresse a été saisie dans notre formulaire d’inscription.',
  },
  en: {
    subject: (series) => `Confirm your subscription to ${series}`,
    preview: 'One click, and the playlist arrives every Sunday morning.',
    heading: 'One more step',
    intro: (series) =>
      `Someone, probably you, asked to receive ${series} at this address. To confirm, click the button below: the playlist will arrive every Sunday morning.`,
    button: 'Confirm my subscription',
    fallback: 'Button not working? Copy this link into your browser:',
    expiry: 'This link is valid for seven days.',
    ignore: 'If you did not ask for this, ignore this message: you will get nothing else.',
    why: 'You are getting this one-off message because this address was entered in our sign-up form.',
  },
};
