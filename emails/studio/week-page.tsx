import type { Language } from '../../shared/domain/issue.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { WeekView } from '../../shared/usecases/studio/week-view.ts';
import { SocialPosts, StateBadge, TestSendForm } from './issue-parts.tsx';
import { document, Page } from './ui/layout.tsx';
import { Notice } from './ui/notes.tsx';
import type { NetworkState } from '../../shared/usecases/accounts/accounts-view.ts';
import { WillNotPost } from './accounts-section.tsx';
import { Section } from './ui/section.tsx';
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
    /** The networks that are on but will not post (not connected, or to reconnect). */
    wontPost?: readonly NetworkState[];
  },
) => {
  const { language, f, csrf, authorEmail, flash, now, sunday, view, social, trend, plan, sendAt } = props;
  const t = studioStrings(language);
  const a = issueActionStrings(language);
  return document(
    <Page language={language} title={t.week.title} nav="week" csrf={csrf}>
      {flash ? <Notice>{flash === 'test' ? t.issue.testSent(authorEmail) : flash}</Notice> : null}
      {props.wontPost ? <WillNotPost networks={props.wontPost} language={language} /> : null}
      <Section id="issue" title={t.week.sundayIssue(f.sunday(sunday))}>
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
      </Section>
      <Section id="plan" title={a.plan}>
        <NextSend next={plan.next} at={plan.nextAt} a={a} f={f} />
        <PlanTable rows={plan.rows} t={t} a={a} f={f} />
      </Section>
      <Section id="subscribers" title={t.week.subscribers}>
        <p>
          <strong>{t.week.confirmed(f.number(trend.confirmed))}</strong> —{' '}
          {t.week.change(f.number(trend.joined), f.number(trend.left))}
        </p>
      </Section>
      {social?.ok ? (
        <Section id="posts" title={t.week.posts}>
          <SocialPosts posts={social.posts} t={t} />
        </Section>
      ) : null}
    </Page>,
  );
};
