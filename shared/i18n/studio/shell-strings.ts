const fr = {
  studio: 'Studio',
  skip: 'Aller au contenu',
  nav: {
    week: 'Cette semaine',
    issues: 'Numéros',
    campaigns: 'Envois',
    subscribers: 'Abonnés',
    settings: 'Réglages',
  },
  signOut: 'Se déconnecter',
};

const en: typeof fr = {
  studio: 'Studio',
  skip: 'Skip to content',
  nav: {
    week: 'This week',
    issues: 'Issues',
    campaigns: 'Sends',
    subscribers: 'Subscribers',
    settings: 'Settings',
  },
  signOut: 'Sign out',
};

/** The studio's name, its skip link, navigation and sign-out. */
export const shellStrings = { fr, en };
