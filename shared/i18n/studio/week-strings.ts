const fr = {
  week: {
    title: 'Cette semaine',
    sundayIssue: (sunday: string) => `Le numéro du ${sunday}`,
    countdown: (left: string, at: string) => `Envoi dans ${left}, ${at}.`,
    sendPast: (at: string) => `L’heure d’envoi (${at}) est passée.`,
    none: 'Aucun numéro n’est prêt pour dimanche.',
    noneWhat:
      'Publiez l’article de la semaine sur WordPress.com : il arrive ici tout seul, mis en page pour l’e-mail, en moins d’une minute. Vérifiez ensuite ses avertissements sur cette page.',
    notRendered: 'Le numéro est arrivé mais sa mise en page n’est pas prête : republiez l’article.',
    heldNote: 'Ce numéro est en attente : il ne partira pas dimanche tant que vous ne l’aurez pas repris.',
    subscribers: 'Abonnés',
    confirmed: (n: string) => `${n} abonnés confirmés`,
    change: (joined: string, left: string) => `+${joined} cette semaine, −${left} départs`,
    posts: 'Les annonces sur les réseaux',
    disabled: 'non connecté : ce texte ne sera pas publié',
    open: 'Ouvrir le numéro',
  },
  duration: (days: number, hours: number, minutes: number) =>
    days > 0
      ? `${days} jour${days > 1 ? 's' : ''} et ${hours} heure${hours > 1 ? 's' : ''}`
      : hours > 0
        ? `${hours} heure${hours > 1 ? 's' : ''} et ${minutes} minute${minutes > 1 ? 's' : ''}`
        : `${minutes} minute${minutes > 1 ? 's' : ''}`,
};

const en: typeof fr = {
  week: {
    ...fr.week,
    title: 'This week',
    sundayIssue: (sunday) => `The issue for ${sunday}`,
    countdown: (left, at) => `Goes out in ${left}, ${at}.`,
    sendPast: (at) => `The send time (${at}) has passed.`,
    none: 'No issue is ready for Sunday.',
    noneWhat:
      'Publish this week’s post on WordPress.com: it arrives here by itself, laid out for the email, within a minute. Then check its warnings on this page.',
    notRendered: 'The issue arrived but its layout is not ready: publish the post again.',
    heldNote: 'This issue is held: it will not go out on Sunday until you release it.',
    subscribers: 'Subscribers',
    confirmed: (n) => `${n} confirmed subscribers`,
    change: (joined, left) => `+${joined} this week, −${left} left`,
    posts: 'The social posts',
    disabled: 'not connected: this text will not be posted',
    open: 'Open the issue',
  },
  duration: (days, hours, minutes) =>
    days > 0
      ? `${days} day${days > 1 ? 's' : ''} and ${hours} hour${hours > 1 ? 's' : ''}`
      : hours > 0
        ? `${hours} hour${hours > 1 ? 's' : ''} and ${minutes} minute${minutes > 1 ? 's' : ''}`
        : `${minutes} minute${minutes > 1 ? 's' : ''}`,
};

/** Cette semaine, and the countdown's duration in words. */
export const weekStrings = { fr, en };
