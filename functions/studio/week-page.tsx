import type { Language } from '../../shared/domain/issue.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { WeekView } from '../../shared/usecases/studio/week-view.ts';
import { SocialPosts, StateBadge, TestSendForm } from './issue-parts.tsx';
import { document, Layout } from './layout.tsx';
import { NextSend, PlanTable } from './sunday-plan-view.tsx';
import { Warnings } from './warnings-view.tsx';

/** Cette semaine: the coming Sunday's issue, its countdown, warnings, posts, the plan and the subscribers. */
export const weekPage = (
  props: WeekView & {
    language: Language;
    f: Formatter;
    csrf: string;
    authorEmail: string;
    flash: string | undefined;
  },
) => {
  const { language, f, csrf, authorEmail, flash, now, sunday, view, social, trend, plan, sendAt } = props;
  const t = studioStrings(language);
  const a = issueActionStrings(language);
  return document(
    <Layout language={language} title={t.week.title} nav="week" csrf={csrf}>
      <h1>{t.week.title}</h1>
      {flash ? (
        <p class="notice" role="status">
          {flash === 'test' ? t.issue.testSent(authorEmail) : flash}
        </p>
      ) : null}
      <section aria-labelledby="issue-title">
        <h2 id="issue-title">{t.week.sundayIssue(f.sunday(sunday))}</h2>
        {!view ? (
          <div class="alert">
            <p>
              <strong>{t.week.none}</strong>
            </p>
            <p>{t.week.noneWhat}</p>
          </div>
        ) : (
          <div>
            <p>
              <strong>{issueName(view.issue)}</strong> <StateBadge state={view.state} t={t} />
            </p>
            {sendAt && view.state === 'scheduled' ? (
              <p>
                {t.week.countdown(
                  f.duration(sendAt.getTime() - now.getTime()),
                  f.dateTime(sendAt.toISOString()),
                )}
              </p>
            ) : null}
            {view.state === 'held' || view.state === 'cancelled' ? (
              <p class="alert">{t.week.heldNote}</p>
            ) : null}
            {view.issue.renderedRevision === undefined ? <p class="alert">{t.week.notRendered}</p> : null}
            <p>
              <a href={`/studio/issues/${view.issue.series}`}>{t.week.open}</a>
            </p>
            {view.issue.renderedRevision !== undefined ? (
              <TestSendForm series={view.issue.series} to={authorEmail} csrf={csrf} t={t} back="week" />
            ) : null}
            <h2>{t.warnings.title}</h2>
            <Warnings warnings={view.warnings} tracks={view.issue.tracks} t={t} f={f} />
          </div>
        )}
      </section>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{a.plan}</h2>
        <NextSend next={plan.next} at={plan.nextAt} a={a} f={f} />
        <PlanTable rows={plan.rows} t={t} a={a} f={f} />
      </section>
      <section aria-labelledby="subscribers-title">
        <h2 id="subscribers-title">{t.week.subscribers}</h2>
        <p>
          <strong>{t.week.confirmed(f.number(trend.confirmed))}</strong> —{' '}
          {t.week.change(f.number(trend.joined), f.number(trend.left))}
        </p>
      </section>
      {social?.ok ? (
        <section aria-labelledby="posts-title">
          <h2 id="posts-title">{t.week.posts}</h2>
          <SocialPosts posts={social.posts} t={t} />
        </section>
      ) : null}
    </Layout>,
  );
};
