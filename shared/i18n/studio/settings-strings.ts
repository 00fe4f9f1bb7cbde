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

/** Réglages, and the wording of a refused form. In French only: an English studio falls back to these. */
export const settingsStrings = { fr, en: fr };
