import type { IssueWarning } from '../../domain/music/issue-warning.ts';

type Kind = IssueWarning['kind'];

const fr = {
  warnings: {
    title: 'Avertissements',
    none: 'Aucun avertissement : tout est prêt.',
    count: (n: number) => `${n} avertissement${n > 1 ? 's' : ''}`,
    missing: (platform: string, n: number) =>
      `${n} morceau${n > 1 ? 'x' : ''} introuvable${n > 1 ? 's' : ''} sur ${platform}`,
    track: (position: number, artist: string, title: string) => `Morceau ${position}, ${artist} – ${title}`,
    cover: 'Image de couverture',
    kinds: {
      dead_link: 'Liens morts',
      unreachable_link: 'Liens injoignables',
      dead_cover: 'Images introuvables',
      non_public_address: 'Adresses non publiques',
      missing_platforms: 'Plateformes sans le morceau',
      unresolved: 'Morceaux sans liens vers les autres plateformes',
      repeated_track: 'Morceaux déjà passés',
    } satisfies Record<Kind, string>,
    todo: {
      dead_link: 'Remplacez le lien dans l’article WordPress, puis mettez l’article à jour.',
      unreachable_link:
        'Souvent passager : le lien est revérifié la veille de l’envoi. S’il reste injoignable, remplacez-le.',
      dead_cover: 'Changez l’image dans l’article, puis mettez-le à jour.',
      non_public_address:
        'Adresse non publique (réseau privé ou local) : vos lecteurs ne pourront pas l’ouvrir et Dimanche ne la vérifie pas. Remplacez-la dans l’article, puis mettez-le à jour.',
      missing_platforms:
        'Rien d’obligatoire : ces lecteurs recevront la page song.link, qui propose les autres plateformes.',
      unresolved:
        'Vérifiez que le lien mène à un morceau (pas à un album ni à une playlist) ; sinon l’e-mail garde votre lien tel quel.',
      repeated_track: 'Gardez-le si c’est voulu ; sinon choisissez un autre morceau.',
    } satisfies Record<Kind, string>,
    already: (series: number, sunday: string) => `déjà dans le n°${series} du ${sunday}`,
    stale: 'vérifié sur une version précédente de l’article',
  },
};

const en: typeof fr = {
  warnings: {
    title: 'Warnings',
    none: 'No warnings: all set.',
    count: (n: number) => `${n} warning${n === 1 ? '' : 's'}`,
    missing: (platform: string, n: number) => `${n} track${n === 1 ? '' : 's'} not found on ${platform}`,
    track: (position: number, artist: string, title: string) => `Track ${position}, ${artist} – ${title}`,
    cover: 'Cover image',
    kinds: {
      dead_link: 'Dead links',
      unreachable_link: 'Unreachable links',
      dead_cover: 'Images not found',
      non_public_address: 'Non-public addresses',
      missing_platforms: 'Platforms without the track',
      unresolved: 'Tracks without links to the other platforms',
      repeated_track: 'Tracks already played',
    },
    todo: {
      dead_link: 'Replace the link in the WordPress post, then update the post.',
      unreachable_link:
        'Often temporary: the link is checked again the day before the send. If it stays unreachable, replace it.',
      dead_cover: 'Change the image in the post, then update it.',
      non_public_address:
        'A non-public address (a private or local network): your readers cannot open it and Dimanche does not check it. Replace it in the post, then update it.',
      missing_platforms:
        'Nothing required: these readers get the song.link page, which offers the other platforms.',
      unresolved:
        'Check that the link leads to a track (not an album or a playlist); otherwise the email keeps your link as it is.',
      repeated_track: 'Keep it if you meant it; otherwise choose another track.',
    },
    already: (series: number, sunday: string) => `already in #${series} of ${sunday}`,
    stale: 'checked on an earlier version of the post',
  },
};

/** An issue's warnings, grouped, with what to do. */
export const warningStrings = { fr, en };
