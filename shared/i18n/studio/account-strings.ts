/** Réglages' networks: connecting, the state of each, and every way the connect flow can fail, in her words. */
const fr = {
  connect: 'Connecter',
  reconnect: 'Reconnecter',
  disconnect: 'Déconnecter',
  connectedAs: (label: string) => `Connecté en tant que ${label}`,
  toReconnect: 'À reconnecter',
  notConnected: 'Non connecté',
  renewed: 'accès renouvelé automatiquement par Dimanche',
  validUntil: (date: string) =>
    `accès valable jusqu’au ${date} : le réseau ne le renouvelle pas, reconnectez-le avant`,
  noExpiry: 'accès sans date de fin',
  checkedOn: (date: string) => `vérifié auprès du réseau le ${date}`,
  lastError: 'Dernière erreur',
  errors: {
    expired: 'l’accès donné par le réseau a expiré : reconnectez-le.',
    refresh_refused:
      'le réseau a refusé de renouveler l’accès (application retirée ou mot de passe changé) : reconnectez-le.',
    revoked: 'l’accès a été retiré sur le réseau : reconnectez-le.',
    other: 'le réseau a refusé la dernière publication : reconnectez-le si cela se répète.',
  } as Record<string, string>,
  noApp: (name: string) =>
    `${name} : la personne qui gère Dimanche n’a pas encore enregistré son application auprès de ${name} (le README explique comment, section « Connecter les réseaux »).`,
  instanceLabel: 'Adresse de votre instance Mastodon',
  instanceHelp: 'Par exemple piaille.fr ou mastodon.social.',
  handleLabel: 'Votre identifiant Bluesky',
  handleHelp: 'Par exemple dimanche.bsky.social.',
  passwordLabel: 'Mot de passe d’application',
  passwordHelp:
    'Jamais votre mot de passe principal : créez un mot de passe d’application pour Dimanche dans Bluesky (Réglages › Confidentialité et sécurité › Mots de passe d’application), puis collez-le ici.',
  passwordLink: 'Créer un mot de passe d’application sur Bluesky',
  connectedNotice: (name: string, label: string) => `${name} connecté en tant que ${label}.`,
  disconnectedNotice: (name: string) => `${name} déconnecté.`,
  onTheWay: (name: string) => `Vers la page d’autorisation de ${name}…`,
  onTheWayHelp: 'Si rien ne se passe, suivez ce lien :',
  continue: 'Continuer',
  backFrom: (name: string) => `Retour de ${name}…`,
  backToSettings: 'Revenir aux Réglages',
  chooseTitle: (name: string) => `Publier sur ${name} en tant que…`,
  chooseHelp: 'Choisissez le compte au nom duquel Dimanche annoncera chaque numéro.',
  choose: 'Publier avec ce compte',
  /** Where a sign-in offers her only herself: why there is no page to pick. */
  onlyYourself: {
    linkedin:
      'Publier au nom d’une page LinkedIn demande que l’application de Dimanche ait l’accès «\u00a0Community Management\u00a0» de LinkedIn, que seule la personne qui a installé Dimanche peut demander.',
  } as Partial<Record<string, string>>,
  willNotPost: (name: string, why: string) => `${name} ne publiera pas dimanche : ${why}.`,
  whyNotConnected: 'il n’est pas connecté',
  whyToReconnect: 'il est à reconnecter',
  problems: {
    unknown_state: {
      title: 'Cette connexion n’est plus valable',
      detail:
        'Ce lien de retour a déjà servi, a plus de dix minutes, ou vient d’une autre page (bouton Retour, double clic). Rien n’a été enregistré : revenez aux Réglages et cliquez de nouveau sur « Connecter ».',
    },
    denied: {
      title: 'Connexion refusée',
      detail:
        'Vous avez refusé l’accès sur la page du réseau. Rien n’a été enregistré ; pour connecter ce réseau, cliquez de nouveau sur « Connecter » et choisissez « Autoriser ».',
    },
    refused: {
      title: 'Le réseau a refusé la connexion',
      detail:
        'Le réseau n’a pas accepté la demande (code expiré ou application mal enregistrée). Rien n’a été enregistré : réessayez dans un instant ; si cela se répète, prévenez la personne qui gère Dimanche.',
    },
    unavailable: {
      title: 'Le réseau ne répond pas',
      detail:
        'Le réseau n’a pas répondu. Rien n’a été enregistré : réessayez dans quelques minutes depuis les Réglages.',
    },
    no_app: {
      title: 'Application non enregistrée',
      detail:
        'La personne qui gère Dimanche n’a pas encore enregistré son application pour ce réseau (le README explique comment). Rien n’a été enregistré.',
    },
    invalid_address: {
      title: 'Adresse d’instance invalide',
      detail: 'Écrivez l’adresse de votre instance, par exemple piaille.fr, puis réessayez.',
    },
    private_address: {
      title: 'Adresse refusée',
      detail:
        'Cette adresse mène à une machine privée, pas à une instance publique : Dimanche ne s’y connecte pas. Vérifiez l’adresse de votre instance.',
    },
    unreachable: {
      title: 'L’instance ne répond pas',
      detail: 'Cette instance n’a pas répondu. Vérifiez son adresse, ou réessayez dans quelques minutes.',
    },
    not_mastodon: {
      title: 'Ce n’est pas une instance Mastodon',
      detail: 'Le serveur à cette adresse ne répond pas comme une instance Mastodon. Vérifiez l’adresse.',
    },
    invalid_handle: {
      title: 'Identifiant Bluesky invalide',
      detail: 'Écrivez votre identifiant complet, par exemple dimanche.bsky.social, puis réessayez.',
    },
    not_app_password: {
      title: 'Ce n’est pas un mot de passe d’application',
      detail:
        'Un mot de passe d’application a la forme xxxx-xxxx-xxxx-xxxx. Il n’a pas été envoyé : ne donnez jamais votre mot de passe principal, créez-en un pour Dimanche dans Bluesky.',
    },
    not_connected: {
      title: 'Déjà déconnecté',
      detail: 'Ce réseau n’était plus connecté : rien à faire.',
    },
  } as Record<string, { title: string; detail: string }>,
};

export type AccountStrings = typeof fr;

const en: AccountStrings = {
  connect: 'Connect',
  reconnect: 'Reconnect',
  disconnect: 'Disconnect',
  connectedAs: (label) => `Connected as ${label}`,
  toReconnect: 'To reconnect',
  notConnected: 'Not connected',
  renewed: 'access renewed automatically by Dimanche',
  validUntil: (date) => `access valid until ${date}: the network does not renew it, reconnect before`,
  noExpiry: 'access with no end date',
  checkedOn: (date) => `checked with the network on ${date}`,
  lastError: 'Last error',
  errors: {
    expired: 'the access the network gave has expired: reconnect it.',
    refresh_refused:
      'the network refused to renew the access (app removed or password changed): reconnect it.',
    revoked: 'the access was withdrawn on the network: reconnect it.',
    other: 'the network refused the last post: reconnect it if this happens again.',
  },
  noApp: (name) =>
    `${name}: whoever runs Dimanche has not registered its ${name} app yet (the README explains how, section “Connecting the networks”).`,
  instanceLabel: 'Your Mastodon instance’s address',
  instanceHelp: 'For example piaille.fr or mastodon.social.',
  handleLabel: 'Your Bluesky handle',
  handleHelp: 'For example yourname.bsky.social.',
  passwordLabel: 'App password',
  passwordHelp:
    'Never your main password: make an app password for Dimanche in Bluesky (Settings › Privacy and security › App passwords), then paste it here.',
  passwordLink: 'Make an app password on Bluesky',
  connectedNotice: (name, label) => `${name} connected as ${label}.`,
  disconnectedNotice: (name) => `${name} disconnected.`,
  onTheWay: (name) => `On the way to ${name}’s consent page…`,
  onTheWayHelp: 'If nothing happens, follow this link:',
  continue: 'Continue',
  backFrom: (name) => `Back from ${name}…`,
  backToSettings: 'Back to Settings',
  chooseTitle: (name) => `Post on ${name} as…`,
  chooseHelp: 'Choose the account Dimanche announces each issue as.',
  choose: 'Post as this account',
  onlyYourself: {
    linkedin:
      'Posting as a LinkedIn page needs Dimanche’s app to have LinkedIn’s “Community Management” access, which only whoever installed Dimanche can ask for.',
  },
  willNotPost: (name, why) => `${name} will not post on Sunday: ${why}.`,
  whyNotConnected: 'it is not connected',
  whyToReconnect: 'it must be reconnected',
  problems: {
    unknown_state: {
      title: 'This connection is no longer valid',
      detail:
        'This return link was used already, is more than ten minutes old, or comes from another page (Back, a double click). Nothing was saved: go back to Settings and click “Connect” again.',
    },
    denied: {
      title: 'Connection refused',
      detail:
        'You refused access on the network’s page. Nothing was saved; to connect it, click “Connect” again and choose to allow.',
    },
    refused: {
      title: 'The network refused the connection',
      detail:
        'The network did not accept the request (an expired code, or an app registered wrongly). Nothing was saved: try again in a moment; if it happens again, tell whoever runs Dimanche.',
    },
    unavailable: {
      title: 'The network does not answer',
      detail: 'The network did not answer. Nothing was saved: try again in a few minutes from Settings.',
    },
    no_app: {
      title: 'No app registered',
      detail:
        'Whoever runs Dimanche has not registered its app for this network yet (the README explains how). Nothing was saved.',
    },
    invalid_address: {
      title: 'Invalid instance address',
      detail: 'Write your instance’s address, for example piaille.fr, and try again.',
    },
    private_address: {
      title: 'Address refused',
      detail:
        'This address leads to a private machine, not a public instance: Dimanche does not connect to it. Check your instance’s address.',
    },
    unreachable: {
      title: 'The instance does not answer',
      detail: 'This instance did not answer. Check its address, or try again in a few minutes.',
    },
    not_mastodon: {
      title: 'Not a Mastodon instance',
      detail: 'The server at this address does not answer as a Mastodon instance does. Check the address.',
    },
    invalid_handle: {
      title: 'Invalid Bluesky handle',
      detail: 'Write your full handle, for example yourname.bsky.social, and try again.',
    },
    not_app_password: {
      title: 'Not an app password',
      detail:
        'An app password looks like xxxx-xxxx-xxxx-xxxx. It was not sent: never give your main password, make one for Dimanche in Bluesky.',
    },
    not_connected: {
      title: 'Already disconnected',
      detail: 'This network was no longer connected: nothing to do.',
    },
  },
};

export const accountStrings = (language: 'fr' | 'en'): AccountStrings => (language === 'fr' ? fr : en);
