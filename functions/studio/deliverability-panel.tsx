import type {
  HealthItem,
  HealthReport,
  HealthStatus,
} from '../../shared/domain/deliverability/health-item.ts';
import type { Language } from '../../shared/domain/issue.ts';
import type { Formatter } from './format.ts';

// The panel's own words (functions/studio/strings.ts is the pages'; this one stays in its file).
const STRINGS = {
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

const BADGE: Record<HealthStatus, string> = { ok: 'badge sent', warn: 'badge held', fail: 'badge cancelled' };

const Row = ({ item, language }: { item: HealthItem; language: Language }) => (
  <li data-status={item.status}>
    <span class={BADGE[item.status]}>{STRINGS[language].status[item.status]}</span> {item.text[language]}
  </li>
);

/** Réglages → Délivrabilité: the last run of the account's checks (daily job, `npm run doctor`'s checks). */
export const DeliverabilityPanel = (props: {
  report: HealthReport | undefined;
  language: Language;
  f: Formatter;
}) => {
  const { report, language, f } = props;
  const s = STRINGS[language];
  const failing = report?.items.filter((i) => i.status === 'fail') ?? [];
  // Blocking first: what she must pass on is at the top, the rest follows in the order it is fixed.
  const ordered = report ? [...failing, ...report.items.filter((i) => i.status !== 'fail')] : [];
  return (
    <section aria-labelledby="deliverability-title">
      <h2 id="deliverability-title">{s.title}</h2>
      <p class="muted">{s.intro}</p>
      {!report ? (
        <p class="notice">{s.none}</p>
      ) : (
        <div>
          <p class={failing.length > 0 ? 'alert' : 'notice'}>
            {failing.length > 0 ? s.failing(failing.length) : s.allGood}{' '}
            {s.checkedAt(f.dateTime(report.checkedAt))}
          </p>
          <ul class="deliverability">
            {ordered.map((item) => (
              <Row item={item} language={language} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
};
