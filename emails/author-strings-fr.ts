import type { AuthorStrings } from './author-strings.ts';

/** French writes 0 and 1 in the singular ("0 avertissement"); `count` is already formatted ("1\u202f234"). */
const plural = (count: string, one: string, many: string) =>
  Number(count.replace(/\D/g, '')) < 2 ? one : many;

const warningCount = (n: string) => `${n} ${plural(n, 'avertissement', 'avertissements')}`;
const ONLY_HERE =
  'Cet encadré n’apparaît que dans l’aperçu et l’e-mail de test\u00a0: les lecteurs ne le voient jamais.';

/** The author's mails in French. Non-breaking spaces before the high punctuation, as French typesets it. */
export const AUTHOR_STRINGS_FR: AuthorStrings = {
  locale: 'fr-FR',
  clock: (hour, minute) =>
    minute === 0 ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${String(minute).padStart(2, '0')}`,
  dayAt: (day, time) => `${day} à ${time}`,
  kicker: 'DIMANCHE · VOTRE LETTRE',
  footer: 'Un message de Dimanche, l’outil qui envoie votre lettre. Tout le détail est dans le studio\u00a0:',
  list: (items) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`,
  track: (position, artist, title) =>
    artist && title ? `Piste ${position} (${artist} – ${title})` : `Piste ${position}`,
  issueCover: 'Image du numéro',
  trackCover: (track) => `${track}, pochette`,
  warningLine: {
    dead_link: (track, w) => `${track}\u00a0: le lien est mort (${w.detail}) — ${w.url}`,
    unreachable_link: (track, w) => `${track}\u00a0: le lien n’a pas répondu (${w.detail}) — ${w.url}`,
    dead_cover: (track, w) => `${track}\u00a0: l’image ne se charge pas (${w.detail}) — ${w.url}`,
    non_public_address: (track, w) =>
      `${track}\u00a0: adresse non publique, jamais vérifiée (${w.detail}) — ${w.url}`,
    unresolved: (track, w) =>
      `${track}\u00a0: aucune autre plateforme trouvée (${w.detail})\u00a0; la lettre n’aura que votre lien — ${w.url}`,
    repeated_track: (track, w, sunday) =>
      `${track}\u00a0: déjà dans le #${w.earlier.series} du ${sunday}, piste ${w.earlier.position} (${w.match === 'isrc' ? 'même ISRC' : 'même artiste et même titre'})`,
  },
  warningCount,
  staleCheck: 'vérifié sur une version précédente de l’article',
  groupTitle: {
    dead_link: (n) => `${n} ${plural(n, 'lien mort', 'liens morts')}`,
    unreachable_link: (n) => `${n} ${plural(n, 'lien injoignable', 'liens injoignables')} pour l’instant`,
    dead_cover: (n) => `${n} ${plural(n, 'image introuvable', 'images introuvables')}`,
    non_public_address: (n) => `${n} ${plural(n, 'adresse non publique', 'adresses non publiques')}`,
    unresolved: (n) => `${n} ${plural(n, 'piste sans autres plateformes', 'pistes sans autres plateformes')}`,
    repeated_track: (n) => `${n} ${plural(n, 'piste déjà parue', 'pistes déjà parues')}`,
    missing_platforms: (n) =>
      `${n} ${plural(n, 'piste absente de certaines plateformes', 'pistes absentes de certaines plateformes')}`,
  },
  groupHint: {
    dead_link:
      'À corriger\u00a0: remplacez le lien dans l’article WordPress, puis mettez l’article à jour. La lettre repartira de la nouvelle version.',
    unreachable_link:
      'Souvent passager (site lent, panne d’un soir). La vérification de la veille le refera\u00a0; si le problème reste, changez le lien.',
    dead_cover: 'Remplacez l’image dans l’article, puis mettez-le à jour.',
    non_public_address:
      'À corriger\u00a0: ces adresses mènent à un réseau privé ou local (127.0.0.1, 10.…, 192.168.…), que vos lecteurs ne peuvent pas ouvrir\u00a0; Dimanche ne les visite pas. Remplacez-les dans l’article WordPress, puis mettez l’article à jour.',
    unresolved:
      'Vérifiez que le lien mène bien au morceau. Sinon rien n’est bloqué\u00a0: les lecteurs auront votre lien seulement.',
    repeated_track: 'Rien à faire si c’est voulu\u00a0; sinon, changez de morceau dans l’article.',
    missing_platforms:
      'Rien à faire\u00a0: les lecteurs de ces plateformes reçoivent pour ces pistes la page song.link, qui propose les autres.',
  },
  missingLine: (platform, count, positions) =>
    `${platform}\u00a0: ${count} ${plural(count, 'piste', 'pistes')} (n° ${positions})`,
  banner: {
    heading: (n) => `${warningCount(n)} sur ce numéro. ${ONLY_HERE}`,
    sizeOnly: `À vérifier sur ce numéro. ${ONLY_HERE}`,
    size: (kb, limit, clipped) =>
      clipped
        ? `Cet e-mail pèse ${kb}\u00a0Ko\u00a0: Gmail le coupe après ${limit}\u00a0Ko et masque la suite, lien de désinscription compris. Raccourcissez le texte ou la playlist.`
        : `Cet e-mail pèse ${kb}\u00a0Ko, près des ${limit}\u00a0Ko après lesquels Gmail le coupe et masque la suite. Évitez de l’allonger.`,
  },
  warnings: {
    subject: (s, n) => `${s.name}\u00a0: ${warningCount(n)}`,
    heading: (s) => `${s.name}\u00a0: à vérifier avant dimanche`,
    intro: (s, n) =>
      `Le numéro ${s.name}, prévu le ${s.sunday}, a ${warningCount(n)}. Rien n’est bloqué\u00a0: corrigez l’article et mettez-le à jour, ou laissez-le tel quel.`,
    closing: 'Vous ne recevrez ce message à nouveau que si la liste change.',
    button: 'Voir le numéro dans le studio',
  },
  report: {
    subject: (s, sent, audience) =>
      `Envoyé\u00a0: ${s.name}, à ${sent} ${plural(audience, 'abonné', 'abonnés')} sur ${audience}`,
    heading: (s) => `${s.name} est parti`,
    intro: (s, started, finished) =>
      `L’envoi du ${s.sunday} a commencé le ${started} et s’est terminé le ${finished}.`,
    audience: 'Abonnés au départ',
    delivered: 'Envoyés',
    failed: 'En échec',
    ambiguous: 'Incertains',
    skipped: 'Désabonnés pendant l’envoi',
    ambiguousHint:
      'Incertain\u00a0: l’envoi a été interrompu pendant l’appel à Amazon SES. Ces lettres ne sont pas renvoyées, pour éviter les doublons\u00a0; le studio dit si elles sont arrivées.',
    paused: (resume) =>
      `Amazon SES a atteint sa limite d’envoi du jour pendant l’envoi\u00a0: il s’est mis en pause et a repris de lui-même à partir du ${resume}.`,
    mostPlayed: (pick) => `La plus écoutée pour l’instant\u00a0: ${pick}.`,
    noClicks: 'Pas encore d’écoute\u00a0: les premiers clics arrivent dans l’heure.',
    previous: (series, pick) => `Sur le #${series}, après sa semaine\u00a0: ${pick}.`,
    pick: (track, clicks, split) => `${track}, ${clicks} ${plural(clicks, 'clic', 'clics')} (${split})`,
    postsTitle: 'Annonces sur les réseaux',
    noNetworks: 'Aucun réseau social configuré.',
    noOutcome: 'pas de nouvelles\u00a0: l’annonce n’a pas été traitée',
    postState: {
      calling: 'en cours de publication',
      waiting: 'en attente de publication',
      uncertain: 'en cours de vérification (le réseau n’a pas répondu)',
      published: 'publiée',
      duplicate: 'déjà publiée',
      unconfirmed: 'NON CONFIRMÉE\u00a0: vérifiez le compte à la main',
      failed: 'ÉCHEC',
      needs_reconnect: 'NON PUBLIÉE\u00a0: le compte est à reconnecter',
      skipped: 'non publiée',
    },
    button: 'Voir le rapport complet',
  },
  eve: {
    subject: (when, s, n) => `${when}\u00a0: ${s.name} part chez ${n} ${plural(n, 'abonné', 'abonnés')}`,
    heading: (when, s) => `${when}, ${s.name}`,
    intro: (when, n) =>
      `${when}, la lettre part chez ${n} ${plural(n, 'abonné', 'abonnés')}, et les annonces sur les réseaux avec elle.`,
    noWarnings: 'Tout est en ordre\u00a0: aucun avertissement.',
    withWarnings: (n) =>
      `Encore ${warningCount(n)}. Rien n’est bloqué\u00a0; s’il faut corriger, c’est maintenant.`,
    button: 'Voir la semaine dans le studio',
    tomorrow: (time) => `Demain ${time}`,
    onDay: (day, time) => `Le ${day} à ${time}`,
    deliverability: (n) =>
      `Attention, le compte d’envoi a ${n} ${plural(n, 'problème', 'problèmes')} qui ${plural(n, 'empêche', 'empêchent')} la lettre d’arriver chez tout le monde (Réglages → Délivrabilité)\u00a0:`,
    deliverabilityLine: (text) => `– ${text.fr}`,
    silentNetworks: (count) =>
      count === 1
        ? 'Un réseau ne publiera pas l’annonce\u00a0:'
        : `${count} réseaux ne publieront pas l’annonce\u00a0:`,
    silentNetwork: (network, why) =>
      `– ${network}\u00a0: ${
        {
          not_connected: 'non connecté («\u00a0Connecter\u00a0» dans Réglages)',
          to_reconnect: 'à reconnecter («\u00a0Reconnecter\u00a0» dans Réglages)',
          expires: 'l’accès expire avant l’envoi («\u00a0Reconnecter\u00a0» dans Réglages)',
        }[why]
      }`,
  },
  nothingDue: {
    subject: (when) => `${when}\u00a0: aucun numéro prévu`,
    heading: 'Rien ne part dimanche',
    body: (sunday) =>
      `Aucun numéro n’est prévu pour le ${sunday}. Si vous voulez une lettre, publiez l’article sur WordPress d’ici là\u00a0: il sera pris automatiquement. Sinon, rien à faire.`,
    button: 'Ouvrir le studio',
  },
  tooLate: {
    subject: (s) => `Non envoyé\u00a0: ${s.name}, trop tard ce dimanche`,
    heading: 'La lettre n’est pas partie',
    body: (s, deadline) =>
      `${s.name} devait partir le ${s.sunday}, mais l’envoi n’a pu démarrer qu’après ${deadline}, quand une playlist du dimanche matin n’est plus d’actualité. Rien n’est parti. Vous pouvez l’envoyer à la main depuis le studio, ou la reporter à un autre dimanche.`,
    button: 'Voir le numéro',
  },
  notRendered: {
    subject: (s) => `Non envoyé\u00a0: ${s.name} n’est pas prêt`,
    heading: 'La lettre n’est pas partie',
    body: (s) =>
      `${s.name} devait partir le ${s.sunday}, mais sa version e-mail n’a pas été préparée. Mettez l’article à jour sur WordPress pour la refaire, puis envoyez-le depuis le studio.`,
    button: 'Voir le numéro',
  },
  quota: {
    subject: (s) => `En pause\u00a0: ${s.name}, limite d’envoi du jour atteinte`,
    heading: 'L’envoi est en pause',
    body: (s, sent, audience, resume) =>
      `Amazon SES a atteint sa limite d’envoi du jour pendant ${s.name}\u00a0: ${sent} lettres sur ${audience} sont parties. Le reste repart tout seul à partir du ${resume}\u00a0; rien à faire, sauf demander à AWS une limite plus haute si cela se répète.`,
    button: 'Suivre l’envoi',
  },
  feed: {
    subject: 'Votre blog ne répond plus',
    heading: 'Votre blog ne répond plus',
    body: (failures, url, detail) => [
      `Depuis ${failures} relevés de suite (un toutes les 15\u00a0minutes), votre flux ne se lit pas\u00a0: ${url} (${detail}).`,
      'Tant qu’il ne répond pas, vos nouveaux articles n’arrivent pas dans la lettre. Rien n’est perdu\u00a0: dès qu’il répond de nouveau, les articles parus entre-temps sont repris.',
      'Si votre blog a changé d’adresse, donnez la nouvelle adresse de son flux (FEED_URL).',
    ],
    notPublic: (url) =>
      `Adresse non publique\u00a0: ${url} mène à un réseau privé ou local (127.0.0.1, 10.…, 192.168.…), que Dimanche ne visite jamais. Donnez l’adresse publique du flux de votre blog (FEED_URL).`,
    button: 'Voir les réglages',
  },
  blogNotPublic: {
    subject: 'Adresse non publique\u00a0: article non repris',
    heading: 'Adresse non publique',
    body: (url) => [
      `Pour reprendre un article, l’API de votre blog a mené à ${url}, une adresse non publique (réseau privé ou local\u00a0: 127.0.0.1, 10.…, 192.168.…). Dimanche ne visite jamais ces adresses\u00a0: rien n’y a été lu.`,
      'Un article annoncé par WordPress n’est pas repris\u00a0; un article lu dans le flux l’est tel que le flux le donne. Vérifiez l’adresse de l’API de votre blog (WORDPRESS_API_URL) et ses redirections.',
    ],
    button: 'Voir les réglages',
  },
  social: {
    reconnectSubject: (network) => `${network}\u00a0: compte à reconnecter`,
    reconnectHeading: (network) => `${network} a refusé la connexion`,
    reconnectBody: (network, reason, s) => [
      `${network} a refusé les accès de Dimanche (${reason}), l’annonce de ${s.name} n’y est pas parue.`,
      `Plus rien n’y sera publié tant que le compte n’est pas reconnecté\u00a0; les autres réseaux ne sont pas touchés.`,
    ],
    accountSubject: (network) => `${network}\u00a0: compte à reconnecter`,
    accountBody: (network, label) => [
      `Dimanche ne peut plus publier sur ${network} au nom de ${label}\u00a0: l’accès a expiré ou a été retiré, et ne peut pas être renouvelé sans vous.`,
      `Reconnectez le compte dans Réglages\u00a0: d’ici là, les annonces n’y paraîtront pas\u00a0; les autres réseaux ne sont pas touchés.`,
    ],
    reconnectButton: 'Reconnecter',
    failedSubject: (network, s) => `${network}\u00a0: l’annonce de ${s.name} a échoué`,
    failedBody: (network, detail, s) => [
      `${network} a refusé l’annonce de ${s.name}\u00a0: ${detail}.`,
      'Vous pouvez la publier à la main\u00a0; le texte prévu est dans le studio.',
    ],
    unconfirmedSubject: (network, s) => `${network}\u00a0: vérifiez l’annonce de ${s.name}`,
    unconfirmedBody: (network, detail, s) => [
      `Dimanche n’a pas pu confirmer l’annonce de ${s.name} sur ${network}\u00a0: ${detail}.`,
      'Elle n’a pas été republiée, pour éviter un doublon. Regardez le compte et publiez-la à la main si elle manque.',
    ],
    settingsButton: 'Voir les comptes dans le studio',
    campaignButton: 'Voir les annonces dans le studio',
  },
};
