import type { HealthStatus } from '../../domain/deliverability/health-item.ts';

/** Réglages → Délivrabilité, in her language. */
export const DELIVERABILITY_STRINGS = {
  fr: {
    title: 'Délivrabilité',
    intro:
      'Ce que le compte d’envoi permet dimanche : sortie du bac à sable SES, domaine authentifié, DMARC, quota face aux abonnés.',
    checkedAt: (at: string) => `Vérifié le ${at}.`,
    allGood: 'Tout est prêt : la lettre peut partir chez tous vos abonnés.',
    failing: (n: number) =>
      `${n} ${n > 1 ? 'points empêchent' : 'point empêche'} la lettre d’arriver chez tout le monde : à transmettre à la personne qui gère le compte AWS.`,
    none: 'Pas encore vérifié : la vérification passe chaque jour, une heure avant l’heure d’envoi.',
    status: { ok: 'OK', warn: 'À surveiller', fail: 'Bloquant' } satisfies Record<HealthStatus, string>,
  },
  en: {
    title: 'Deliverability',
    intro:
      'What the sending account allows on Sunday: out of the SES sandbox, domain authenticated, DMARC, quota against the audience.',
    checkedAt: (at: string) => `Checked on ${at}.`,
    allGood: 'All set: the newsletter can reach every subscriber.',
    failing: (n: number) =>
      `${n} ${n > 1 ? 'problems keep' : 'problem keeps'} the newsletter from reaching everyone: pass ${n > 1 ? 'them' : 'it'} on to whoever runs the AWS account.`,
    none: 'Not checked yet: the check runs every day, an hour before the send time.',
    status: { ok: 'OK', warn: 'Watch', fail: 'Blocking' } satisfies Record<HealthStatus, string>,
  },
} as const;
