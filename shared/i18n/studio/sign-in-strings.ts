const fr = {
  signIn: {
    title: 'Connexion au studio',
    intro: 'Saisissez votre adresse : nous vous envoyons un lien de connexion, valable 15 minutes.',
    email: 'Adresse e-mail',
    button: 'Recevoir le lien',
    sentTitle: 'Vérifiez votre boîte aux lettres',
    sent: 'Si cette adresse est celle du studio, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes et ne sert qu’une fois.',
    confirmTitle: 'Se connecter au studio',
    confirm: 'Ce bouton ouvre votre session sur cet appareil.',
    confirmButton: 'Me connecter',
    refusedTitle: 'Ce lien ne fonctionne plus',
    refused: 'Il a déjà servi ou il a plus de 15 minutes. Demandez-en un nouveau.',
    again: 'Demander un nouveau lien',
    limitedTitle: 'Trop de demandes',
    limited: (minutes: number) =>
      `Attendez ${minutes} minute${minutes > 1 ? 's' : ''} avant de demander un nouveau lien.`,
    signedOutTitle: 'Vous êtes déconnectée',
    signedOut: 'Votre session est fermée sur cet appareil.',
    mailSubject: 'Votre lien de connexion au studio',
    mailText: (link: string) =>
      `Bonjour,\n\nVoici votre lien pour ouvrir le studio (valable 15 minutes, une seule fois) :\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message.`,
    mailButton: 'Ouvrir le studio',
  },
};

const en: typeof fr = {
  signIn: {
    ...fr.signIn,
    title: 'Sign in to the studio',
    intro: 'Enter your address: we mail you a sign-in link, valid for 15 minutes.',
    email: 'Email address',
    button: 'Send me the link',
    sentTitle: 'Check your mailbox',
    sent: 'If this is the studio’s address, a sign-in link is on its way. It works once, for 15 minutes.',
    confirmTitle: 'Sign in to the studio',
    confirm: 'This button opens your session on this device.',
    confirmButton: 'Sign me in',
    refusedTitle: 'This link no longer works',
    refused: 'It was used already or is more than 15 minutes old. Ask for a new one.',
    again: 'Ask for a new link',
    limitedTitle: 'Too many requests',
    limited: (minutes) => `Wait ${minutes} minute${minutes > 1 ? 's' : ''} before asking for another link.`,
    signedOutTitle: 'You are signed out',
    signedOut: 'Your session on this device is closed.',
    mailSubject: 'Your studio sign-in link',
    mailText: (link) =>
      `Hello,\n\nHere is your link to open the studio (valid 15 minutes, once):\n${link}\n\nIf you did not ask for it, ignore this mail.`,
    mailButton: 'Open the studio',
  },
};

/** Signing in by a mailed link: the pages and the mail. */
export const signInStrings = { fr, en };
