import type { Language } from '../../domain/issue.ts';
import type { SocialAttemptState } from '../../domain/social/social-attempt.ts';

type Said = { badge: string; why: (network: string, when: string) => string };

const fr = {
  title: 'Annonces sur les réseaux',
  network: 'Réseau',
  outcome: 'Résultat',
  open: 'Voir l’annonce',
  technical: 'Détail technique (tel que le réseau l’a dit)',
  notConnected: { badge: 'Non connecté', why: () => 'Aucun compte configuré : rien n’a été publié ici.' },
  notYet: { badge: 'Pas encore', why: () => 'L’annonce part avec l’envoi ; elle apparaîtra ici.' },
  states: {
    published: { badge: 'Publiée', why: () => '' },
    duplicate: {
      badge: 'Publiée',
      why: () => 'Le réseau l’avait déjà : elle n’a pas été publiée deux fois.',
    },
    calling: { badge: 'En cours', why: () => 'La publication est en cours.' },
    waiting: {
      badge: 'En attente',
      why: (network, when) => `${network} a demandé d’attendre : nouvel essai ${when}.`,
    },
    uncertain: { badge: 'À vérifier', why: () => 'Le réseau n’a pas confirmé ; vérification en cours.' },
    unconfirmed: {
      badge: 'À vérifier',
      why: (network) =>
        `${network} n’a pas confirmé la publication. Regardez sur votre compte avant de la republier à la main.`,
    },
    failed: {
      badge: 'Échec',
      why: (network) => `${network} a refusé l’annonce : elle n’a pas été publiée.`,
    },
    needs_reconnect: {
      badge: 'Échec',
      why: (network) =>
        `${network} a refusé l’accès au compte : reconnectez-le (de nouveaux identifiants) pour les prochaines annonces.`,
    },
    skipped: { badge: 'Ignorée', why: (network) => `Aucun compte ${network} n’est configuré.` },
  } satisfies Record<SocialAttemptState, Said>,
};

export type SocialOutcomeStrings = typeof fr;

const en: SocialOutcomeStrings = {
  title: 'Social posts',
  network: 'Network',
  outcome: 'Outcome',
  open: 'See the post',
  technical: 'Technical detail (as the network said it)',
  notConnected: { badge: 'Not connected', why: () => 'No account set up: nothing was posted here.' },
  notYet: { badge: 'Not yet', why: () => 'The post goes out with the send; it will show here.' },
  states: {
    published: { badge: 'Posted', why: () => '' },
    duplicate: { badge: 'Posted', why: () => 'The network had it already: it was not posted twice.' },
    calling: { badge: 'Posting', why: () => 'Posting now.' },
    waiting: { badge: 'Waiting', why: (network, when) => `${network} asked to wait: next try ${when}.` },
    uncertain: { badge: 'To check', why: () => 'The network did not confirm; checking.' },
    unconfirmed: {
      badge: 'To check',
      why: (network) =>
        `${network} did not confirm the post. Look at your account before posting it by hand.`,
    },
    failed: { badge: 'Failed', why: (network) => `${network} refused the post: it was not published.` },
    needs_reconnect: {
      badge: 'Failed',
      why: (network) => `${network} refused the account: reconnect it (new credentials) for the next posts.`,
    },
    skipped: { badge: 'Skipped', why: (network) => `No ${network} account is set up.` },
  },
};

export const socialOutcomeStrings = (language: Language): SocialOutcomeStrings =>
  language === 'en' ? en : fr;
