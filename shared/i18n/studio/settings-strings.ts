const fr = {
  settings: {
    title: 'Réglages',
    form: 'Le formulaire d’inscription pour votre blog',
    formHelp: 'Dans l’éditeur WordPress.com, ajoutez un bloc « HTML personnalisé » et collez-y ce code :',
    copy: 'Copier le code',
    copied: 'Copié !',
    preview: 'Aperçu',
    social: 'Comptes des réseaux',
    network: 'Réseau',
    state: 'État',
    lastPost: 'Dernière annonce',
    lastPostLead: 'Dernière annonce\u00a0: ',
    connected: 'Connecté',
    notConnected: 'Non connecté',
    noPost: 'aucune',
    schedule: 'Programmation',
    scheduleLine: (when: string, zone: string) => `Chaque semaine, ${when} (fuseau ${zone}).`,
    scheduleWords: (words: string) => `Envoi ${words}.`,
    webhook: 'Adresse de notification du blog',
    webhookHelp:
      'Dans WP Admin › Réglages › Webhooks, ajoutez un webhook : action « publish_post », champs « ID » et « post_url », et cette adresse comme URL. Chaque article publié ou corrigé arrive alors ici. Gardez-la pour vous : avec elle, on peut demander à Dimanche de relire votre blog (rien de plus).',
    webhookLabel: 'Adresse du webhook',
    webhookCopy: 'Copier l’adresse',
    webhookNone:
      'Pas encore configurée : demandez à la personne qui gère Dimanche de créer le secret « wordpressToken » ; l’adresse s’affichera ici.',
  },
  problems: {
    csrf: 'Ce formulaire a expiré. Rechargez la page et recommencez.',
  },
};

const en: typeof fr = {
  settings: {
    title: 'Settings',
    form: 'The sign-up form for your blog',
    formHelp: 'In the WordPress.com editor, add a “Custom HTML” block and paste this code into it:',
    copy: 'Copy the code',
    copied: 'Copied!',
    preview: 'Preview',
    social: 'Social accounts',
    network: 'Network',
    state: 'State',
    lastPost: 'Last post',
    lastPostLead: 'Last post: ',
    connected: 'Connected',
    notConnected: 'Not connected',
    noPost: 'none',
    schedule: 'Schedule',
    scheduleLine: (when: string, zone: string) => `Every week, ${when} (time zone ${zone}).`,
    scheduleWords: (words: string) => `Sent ${words}.`,
    webhook: 'The blog’s notification address',
    webhookHelp:
      'In WP Admin › Settings › Webhooks, add a webhook: action “publish_post”, fields “ID” and “post_url”, and this address as its URL. Every post published or edited then arrives here. Keep it to yourself: with it, anyone can ask Dimanche to read your blog again (nothing more).',
    webhookLabel: 'Webhook address',
    webhookCopy: 'Copy the address',
    webhookNone:
      'Not set up yet: ask whoever runs Dimanche to create the “wordpressToken” secret; the address will show here.',
  },
  problems: {
    csrf: 'This form has expired. Reload the page and try again.',
  },
};

/** Réglages, and the wording of a refused form. */
export const settingsStrings = { fr, en };
