import type {
  HealthItem,
  HealthReport,
  HealthStatus,
} from '../../shared/domain/deliverability/health-item.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { DELIVERABILITY_STRINGS } from '../../shared/i18n/studio/deliverability-strings.ts';
import { blockingFirst } from '../../shared/domain/studio/blocking-first.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';

const BADGE: Record<HealthStatus, string> = { ok: 'badge sent', warn: 'badge held', fail: 'badge cancelled' };

const Row = ({ item, language }: { item: HealthItem; language: Language }) => (
  <li data-status={item.status}>
    <span class={BADGE[item.status]}>{DELIVERABILITY_STRINGS[language].status[item.status]}</span>{' '}
    {item.text[language]}
  </li>
);

/** Réglages → Délivrabilité: the last run of the account's checks (daily job, `npm run doctor`'s checks). */
export const DeliverabilityPanel = (props: {
  report: HealthReport | undefined;
  language: Language;
  f: Formatter;
}) => {
  const { report, language, f } = props;
  const s = DELIVERABILITY_STRINGS[language];
  const { failing, ordered } = blockingFirst(report);
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
