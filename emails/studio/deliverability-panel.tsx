import type {
  HealthItem,
  HealthReport,
  HealthStatus,
} from '../../shared/domain/deliverability/health-item.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { DELIVERABILITY_STRINGS } from '../../shared/i18n/studio/deliverability-strings.ts';
import { blockingFirst } from '../../shared/domain/studio/blocking-first.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { Badge } from './ui/badge.tsx';
import { Section } from './ui/section.tsx';

const TONE: Record<HealthStatus, string> = { ok: 'sent', warn: 'held', fail: 'cancelled' };

const Row = ({ item, language }: { item: HealthItem; language: Language }) => (
  <li data-status={item.status}>
    <Badge tone={TONE[item.status]}>{DELIVERABILITY_STRINGS[language].status[item.status]}</Badge>{' '}
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
    <Section id="deliverability" title={s.title}>
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
    </Section>
  );
};
