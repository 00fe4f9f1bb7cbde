import type { Language } from '../../domain/issue.ts';
import type { ReaderFilter } from '../../usecases/subscribers/list-readers.ts';

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

const fr = {
  searchLabel: 'Chercher par adresse ou prénom (une partie suffit)',
  searchButton: 'Chercher',
  filterLabel: 'Afficher',
  filters: {
    all: 'Tous',
    confirmed: 'Confirmés',
    pending: 'En attente',
    unsubscribed: 'Désabonnés',
    suppressed: 'Rebonds, plaintes et effacés',
  } satisfies Record<ReaderFilter, string>,
  listCaption: 'Lecteurs, par adresse',
  email: 'Adresse',
  name: 'Prénom',
  language: 'Langue',
  status: 'État',
  since: 'Inscription',
  reason: 'Raison',
  suppressedAt: 'Depuis',
  reasons: {
    hard_bounce: 'Adresse rejetée (rebond)',
    complaint: 'Plainte (signalé indésirable)',
    erased: 'Effacé à sa demande',
    manual: 'Bloqué à la main',
  },
  languages: { fr: 'Français', en: 'Anglais' },
  none: (search: string) =>
    search
      ? `Aucun lecteur ne correspond à « ${search} ».`
      : 'Aucun lecteur dans cette liste pour l’instant.',
  shown: (n: number) => `${n} ${plural(n, 'lecteur affiché', 'lecteurs affichés')}`,
  next: 'Suivants',
  first: 'Revenir au début',
  suppressedNote:
    'Ces adresses ne reçoivent plus rien ; il n’en reste qu’une empreinte, sans adresse ni prénom.',
  edit: 'Modifier',
  save: 'Enregistrer',
  saved: 'Modifications enregistrées.',
  noName: 'Laissez vide s’il n’a pas donné de prénom.',
  conflict:
    'Ce lecteur a changé entre-temps (il s’est peut-être désabonné) : rechargez la page et recommencez.',
  unsubscribe: 'Le désabonner',
  unsubscribeTitle: 'Désabonner ce lecteur ?',
  unsubscribeText:
    'Il ne recevra plus les numéros du dimanche. Sa fiche et son historique restent ; il pourra se réinscrire lui-même.',
  unsubscribeButton: 'Oui, le désabonner',
  unsubscribed: 'Le lecteur est désabonné.',
  alreadyOut: 'Ce lecteur ne reçoit déjà plus les numéros.',
  gone: 'Ce lecteur n’existe pas (ou plus). Retrouvez-le depuis la liste des abonnés.',
  indexing: (rows: number) =>
    `La recherche se prépare : ${rows} lecteurs déjà repris. Rechargez la page dans un instant pour voir tous les autres.`,
  invalidName: 'Prénom : 100 caractères au plus, sans caractère de contrôle.',
  invalidLanguage: 'Langue : choisissez Français ou Anglais.',
};

export type ReaderStrings = typeof fr;

const en: ReaderStrings = {
  searchLabel: 'Search by address or name (any part)',
  searchButton: 'Search',
  filterLabel: 'Show',
  filters: {
    all: 'All',
    confirmed: 'Confirmed',
    pending: 'Pending',
    unsubscribed: 'Unsubscribed',
    suppressed: 'Bounces, complaints and erasures',
  },
  listCaption: 'Readers, by address',
  email: 'Address',
  name: 'Name',
  language: 'Language',
  status: 'Status',
  since: 'Signed up',
  reason: 'Reason',
  suppressedAt: 'Since',
  reasons: {
    hard_bounce: 'Address rejected (bounce)',
    complaint: 'Complaint (marked as spam)',
    erased: 'Erased on request',
    manual: 'Blocked by hand',
  },
  languages: { fr: 'French', en: 'English' },
  none: (search) => (search ? `No reader matches “${search}”.` : 'No reader in this list yet.'),
  shown: (n) => `${n} ${plural(n, 'reader shown', 'readers shown')}`,
  next: 'Next',
  first: 'Back to the start',
  suppressedNote:
    'These addresses receive nothing more; only a fingerprint remains, without address or name.',
  edit: 'Edit',
  save: 'Save',
  saved: 'Changes saved.',
  noName: 'Leave empty if they gave no name.',
  conflict: 'This reader changed meanwhile (perhaps they unsubscribed): reload the page and try again.',
  unsubscribe: 'Unsubscribe them',
  unsubscribeTitle: 'Unsubscribe this reader?',
  unsubscribeText:
    'They will no longer receive the Sunday issues. Their record and history stay; they may sign up again themselves.',
  unsubscribeButton: 'Yes, unsubscribe',
  unsubscribed: 'The reader is unsubscribed.',
  alreadyOut: 'This reader already receives no issues.',
  gone: 'This reader does not exist (any more). Find them from the subscriber list.',
  indexing: (rows) =>
    `Search is getting ready: ${rows} readers taken in so far. Reload the page in a moment to see all the others.`,
  invalidName: 'Name: at most 100 characters, no control characters.',
  invalidLanguage: 'Language: choose French or English.',
};

/** Abonnés' list, search, edit and unsubscribe, in the author's language. */
export const readerStrings = (language: Language): ReaderStrings => (language === 'en' ? en : fr);
