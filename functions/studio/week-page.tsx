import type { Context } from 'hono';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { findSundayIssue } from '../../shared/usecases/campaign/find-sunday-issue.ts';
import { previewSocial } from '../../shared/usecases/social/preview-social.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { issueName, issueView, nextSend, subscriberTrend } from './issue-data.ts';
import { document, Layout } from './layout.tsx';
import type { StudioEnv } from './session.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';
import { Warnings } from './warnings-view.tsx';
import { SocialPosts, StateBadge, TestSendForm } from './issue-parts.tsx';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { comingPlan, NextSend, PLAN_WEEKS, PlanTable } from './sunday-plan-view.tsx';

/** Cette semaine: the coming Sunday's issue, its countdown, warnings, posts, and the subscribers. */
export const weekPage = async (c: Context<StudioEnv>, deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const f = formatter(language, deps.settings.timeZone);
  const csrf = c.get('session').csrfToken;
  const now = deps.clock.now();
  const sunday = sundayOnOrAfter(now, deps.settings.timeZone);
  const [issue, trend] = await Promise.all([findSundayIssue(deps.issues, sunday), subscriberTrend(deps)]);
  const view = issue ? await issueView(deps, issue) : undefined;
  const social = issue
    ? await previewSocial(issue.id, { store: deps.issues, settings: socialSettings(deps) })
    : undefined;
  const sendAt = nextSend(deps);
  const a = issueActionStrings(language);
  const plan = await comingPlan(deps, sunday, PLAN_WEEKS);
  const flash = c.req.query('done');
  return c.html(
    document(
      <Layout language={language} title={t.week.title} nav="week" csrf={csrf}>
        <h1>{t.week.title}</h1>
        {flash ? (
          <p class="notice" role="status">
            {flash === 'test' ? t.issue.testSent(deps.studio.authorEmail) : flash}
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
                <TestSendForm
                  series={view.issue.series}
                  to={deps.studio.authorEmail}
                  csrf={csrf}
                  t={t}
                  back="week"
                />
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
    ),
  );
};

export const socialSettings = (deps: StudioDeps) => ({
  ...deps.settings.social,
  publicBaseUrl: deps.settings.publicBaseUrl,
  seriesName: deps.settings.seriesName,
});
