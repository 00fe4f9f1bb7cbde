const fr = {
  states: {
    draft: 'Brouillon',
    scheduled: 'Programmé',
    sending: 'En cours d’envoi',
    sent: 'Envoyé',
    archived: 'Archivé',
    held: 'En attente',
    cancelled: 'Annulé',
  },
};

const en: typeof fr = {
  states: {
    draft: 'Draft',
    scheduled: 'Scheduled',
    sending: 'Sending',
    sent: 'Sent',
    archived: 'Archived',
    held: 'Held',
    cancelled: 'Cancelled',
  },
};

/** An issue's state, as its badge says it. */
export const stateStrings = { fr, en };
