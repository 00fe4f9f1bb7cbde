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

/** An issue's warnings, grouped, with what to do. In French only: an English studio falls back to these. */
export const warningStrings = { fr, en: fr };
