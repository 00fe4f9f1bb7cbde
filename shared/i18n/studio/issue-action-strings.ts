import type { Language } from '../../domain/issue.ts';
import type { ActRefusal } from '../../usecases/studio/act-on-issue.ts';

/** An issue's actions and the plan of Sundays, in her language: what each action does, and why one cannot. */
const fr = {
  move: 'Changer de dimanche',
  moveTitle: 'Changer le dimanche de ce numéro ?',
  moveText: (from: string) =>
    `Il est prévu pour le ${from}. Choisissez un dimanche libre : le numéro y part à l’heure habituelle, et son ancien dimanche se libère.`,
  moveLabel: 'Nouveau dimanche',
  moveButton: 'Oui, changer de dimanche',
  moveDone: 'Le numéro a changé de dimanche.',
  noFreeSunday: 'Aucun dimanche libre dans les semaines à venir.',
  moved: (from: string, to: string) => `Déplacé du ${from} au ${to}`,
  refusedTitle: 'Cette action n’est plus possible',
  nothingDone: 'Rien n’a été fait : aucun e-mail n’est parti.',
  why: {
    sent: (sunday: string) =>
      `Ce numéro a déjà été envoyé (numéro du ${sunday}). Il ne part jamais deux fois.`,
    sending: () => 'L’envoi de ce numéro a déjà commencé : il ne part jamais deux fois.',
    archived: () => 'Ce numéro est archivé : il a été publié avant Dimanche et ne part pas par e-mail.',
    held: () => 'Ce numéro est en attente : reprenez-le d’abord.',
    cancelled: () => 'L’envoi de ce numéro est annulé : reprenez-le d’abord.',
    not_held: () => 'Ce numéro n’est ni en attente ni annulé : il n’y a rien à reprendre.',
    not_rendered: () => 'La mise en page de ce numéro n’est pas prête : republiez l’article.',
    not_coming: (sunday: string) =>
      `Seul le numéro de dimanche prochain peut partir maintenant ; celui-ci part le ${sunday}.`,
    past: (sunday: string) => `Le dimanche de ce numéro (${sunday}) est passé.`,
    unavailable: () =>
      'L’envoi immédiat n’est pas disponible sur cette installation : lancez « npm run sunday -- --now --issue N ».',
    taken: () => 'Ce dimanche est déjà pris par un autre numéro : choisissez-en un autre.',
    not_a_sunday: () => 'Choisissez un des dimanches libres proposés.',
    unchanged: () => 'Rien à changer : c’était déjà le cas.',
  } satisfies Record<ActRefusal, (sunday: string) => string>,
  seeCampaign: 'Voir cet envoi',
  seeIssue: 'Revenir au numéro',
  plan: 'Les prochains dimanches',
  free: 'libre',
  nextSend: (issue: string, at: string) => `Prochain envoi : ${issue}, ${at}.`,
  noNextSend: 'Aucun envoi au programme : aucun numéro prêt n’attend son dimanche.',
};

export type IssueActionStrings = typeof fr;

const en: IssueActionStrings = {
  move: 'Change Sunday',
  moveTitle: 'Move this issue to another Sunday?',
  moveText: (from) =>
    `It is planned for ${from}. Choose a free Sunday: the issue goes out then at the usual time, and its old Sunday is freed.`,
  moveLabel: 'New Sunday',
  moveButton: 'Yes, change the Sunday',
  moveDone: 'The issue moved to another Sunday.',
  noFreeSunday: 'No free Sunday in the coming weeks.',
  moved: (from, to) => `Moved from ${from} to ${to}`,
  refusedTitle: 'This action is no longer possible',
  nothingDone: 'Nothing was done: no email went out.',
  why: {
    sent: (sunday) => `This issue was already sent (the issue of ${sunday}). It never goes out twice.`,
    sending: () => 'This issue is already being sent: it never goes out twice.',
    archived: () => 'This issue is archived: it was published before Dimanche and is not mailed.',
    held: () => 'This issue is held: release it first.',
    cancelled: () => 'This issue’s send is cancelled: release it first.',
    not_held: () => 'This issue is neither held nor cancelled: there is nothing to release.',
    not_rendered: () => 'This issue’s layout is not ready: publish the post again.',
    not_coming: (sunday) => `Only next Sunday’s issue can go out now; this one goes out on ${sunday}.`,
    past: (sunday) => `This issue’s Sunday (${sunday}) has passed.`,
    unavailable: () =>
      'Sending now is not available on this installation: run “npm run sunday -- --now --issue N”.',
    taken: () => 'That Sunday already belongs to another issue: choose another one.',
    not_a_sunday: () => 'Choose one of the free Sundays offered.',
    unchanged: () => 'Nothing to change: it was already so.',
  },
  seeCampaign: 'See this send',
  seeIssue: 'Back to the issue',
  plan: 'The coming Sundays',
  free: 'free',
  nextSend: (issue, at) => `Next send: ${issue}, ${at}.`,
  noNextSend: 'Nothing is planned: no ready issue is waiting for its Sunday.',
};

export const issueActionStrings = (language: Language): IssueActionStrings => (language === 'en' ? en : fr);
