const fr = {
  actions: {
    hold: 'Mettre en attente',
    cancel: 'Annuler l’envoi programmé',
    release: 'Reprendre l’envoi',
    send_now: 'Envoyer maintenant',
    test_send: 'Test envoyé',
    confirmTitle: {
      hold: 'Mettre ce numéro en attente ?',
      cancel: 'Annuler l’envoi de dimanche ?',
      release: 'Remettre ce numéro au programme ?',
      send_now: 'Envoyer ce numéro maintenant ?',
    },
    confirmText: {
      hold: 'Il ne partira pas dimanche tant que vous ne l’aurez pas repris. Rien n’est perdu.',
      cancel: 'Il ne partira pas dimanche. Vous pourrez encore le reprendre ensuite.',
      release: 'Il partira dimanche à l’heure prévue.',
      send_now: (n: string) =>
        `L’e-mail part tout de suite vers ${n} abonnés, et les annonces sur les réseaux. On ne peut pas l’arrêter une fois lancé.`,
    },
    confirmButton: {
      hold: 'Oui, mettre en attente',
      cancel: 'Oui, annuler l’envoi',
      release: 'Oui, reprendre',
      send_now: 'Oui, envoyer maintenant',
    },
    back: 'Non, revenir',
    done: {
      hold: 'Le numéro est en attente.',
      cancel: 'L’envoi de dimanche est annulé.',
      release: 'Le numéro est de nouveau au programme.',
      send_now: 'L’envoi a commencé.',
    },
    refused: {
      already_started: 'Trop tard : l’envoi de ce numéro a déjà commencé.',
      unchanged: 'Rien à changer : c’était déjà le cas.',
      not_found: 'Ce numéro n’existe pas.',
      not_coming: 'Seul le numéro de dimanche prochain peut partir maintenant.',
      unavailable: 'L’envoi immédiat n’est pas disponible sur cette installation.',
      held: 'Reprenez d’abord le numéro : il est en attente.',
      not_rendered: 'La mise en page n’est pas prête.',
      other: (kind: string) => `L’envoi n’a pas démarré (${kind}).`,
    },
  },
};

/** The actions on an issue, their confirmations and outcomes. In French only: an English studio falls back to these. */
export const actionStrings = { fr, en: fr };
