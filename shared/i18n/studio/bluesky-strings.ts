/** Bluesky's card in Réglages and what its OAuth sign-in can answer, in her words. */
const fr = {
  oauthHelp:
    'Dimanche vous envoie sur la page de votre serveur Bluesky pour autoriser l’accès : il n’y voit jamais votre mot de passe.',
  noSignInPage: 'Votre serveur n’a pas cette page ? Utilisez un mot de passe d’application',
  problems: {
    no_oauth: {
      title: 'Votre serveur Bluesky ne propose pas la connexion par sa page',
      detail:
        'Connectez Bluesky avec un mot de passe d’application : créez-en un pour Dimanche dans Bluesky (Réglages › Confidentialité et sécurité › Mots de passe d’application), puis saisissez-le avec votre identifiant dans Réglages. Jamais votre mot de passe principal.',
    },
    unknown_handle: {
      title: 'Identifiant Bluesky introuvable',
      detail:
        'Cet identifiant ne mène à aucun compte Bluesky. Vérifiez-le (par exemple dimanche.bsky.social) dans Réglages et réessayez.',
    },
  } as Record<string, { title: string; detail: string }>,
};

const en: typeof fr = {
  oauthHelp:
    'Dimanche sends you to your Bluesky server’s own page to allow access: it never sees your password.',
  noSignInPage: 'Your server has no such page? Use an app password',
  problems: {
    no_oauth: {
      title: 'Your Bluesky server offers no sign-in page',
      detail:
        'Connect Bluesky with an app password: make one for Dimanche in Bluesky (Settings › Privacy and security › App passwords), then enter it with your handle in Settings. Never your main password.',
    },
    unknown_handle: {
      title: 'Bluesky handle not found',
      detail:
        'This handle leads to no Bluesky account. Check it (e.g. dimanche.bsky.social) in Settings and try again.',
    },
  },
};

export const blueskyStrings = (language: 'fr' | 'en') => (language === 'fr' ? fr : en);
