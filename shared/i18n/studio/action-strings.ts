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

const en: typeof fr = {
  actions: {
    hold: 'Hold',
    cancel: 'Cancel the scheduled send',
    release: 'Resume the send',
    send_now: 'Send now',
    test_send: 'Test sent',
    confirmTitle: {
      hold: 'Hold this issue?',
      cancel: 'Cancel Sunday’s send?',
      release: 'Put this issue back on the schedule?',
      send_now: 'Send this issue now?',
    },
    confirmText: {
      hold: 'It will not go out on Sunday until you resume it. Nothing is lost.',
      cancel: 'It will not go out on Sunday. You can still resume it afterwards.',
      release: 'It will go out on Sunday at the usual time.',
      send_now: (n: string) =>
        `The email goes out at once to ${n} subscribers, and the posts on the networks. It cannot be stopped once started.`,
    },
    confirmButton: {
      hold: 'Yes, hold it',
      cancel: 'Yes, cancel the send',
      release: 'Yes, resume',
      send_now: 'Yes, send now',
    },
    back: 'No, go back',
    done: {
      hold: 'The issue is on hold.',
      cancel: 'Sunday’s send is cancelled.',
      release: 'The issue is back on the schedule.',
      send_now: 'The send has started.',
    },
    refused: {
      already_started: 'Too late: this issue’s send has already started.',
      unchanged: 'Nothing to change: it already was.',
      not_found: 'This issue does not exist.',
      not_coming: 'Only next Sunday’s issue can go out now.',
      unavailable: 'Sending at once is not available on this installation.',
      held: 'Resume the issue first: it is on hold.',
      not_rendered: 'The layout is not ready.',
      other: (kind: string) => `The send did not start (${kind}).`,
    },
  },
};

/** The actions on an issue, their confirmations and outcomes. */
export const actionStrings = { fr, en };
