import { Hono } from 'hono';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { mostPlayed } from '../../shared/domain/music/most-played.ts';
import { PLATFORM_NAMES, type LinkVariant } from '../../shared/domain/platforms.ts';
import { HttpProblem } from '../http/problem.ts';
import { BarChart } from './charts.tsx';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { issueByNumber, issueName, subscriberTrend } from './issue-data.ts';
import { document, Layout } from './layout.tsx';
import type { StudioEnv } from './session.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';
import { campaignReport } from './campaign-report.ts';
import { chartStrings } from '../../shared/i18n/studio/chart-strings.ts';
import { SocialOutcomes } from './social-outcomes.tsx';

const variantName = (v: LinkVariant) => (v === 'universal' ? 'song.link' : PLATFORM_NAMES[v]);
const noCampaign = (raw: string) =>
  new HttpProblem(404, 'campaign-not-found', 'No such campaign', `Issue #${raw.slice(0, 12)} has no send.`);

/**
 * Envois: every campaign, and one campaign's live progress, its social posts, then its report: charts with their
 * tables, each saying why when it has nothing to show.
 */
export const campaignRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const f = formatter(language, deps.settings.timeZone);
  const e = chartStrings(language);
  const progressOf = async (issue: Issue) => {
    const campaign = await deps.campaigns.get(campaignIdFor(issue.id));
    if (!campaign) return undefined;
    const counts = await deps.campaigns.counts(campaign.id);
    const seconds = Math.max(
      1,
      ((Date.parse(campaign.finishedAt ?? '') || deps.clock.now().getTime()) -
        Date.parse(campaign.startedAt)) /
        1000,
    );
    const audience = Math.max(campaign.audience, counts.audience);
    const done = counts.sent + counts.failed + counts.skipped + counts.ambiguous;
    return { campaign, counts, audience, done, rate: counts.sent / seconds };
  };

  return new Hono<StudioEnv>()
    .get('/', async (c) => {
      const issues = await deps.issues.pageBySunday({ limit: 52 });
      const rows = (
        await Promise.all(issues.map(async (issue) => ({ issue, progress: await progressOf(issue) })))
      ).filter((r) => r.progress);
      const picks = await Promise.all(
        rows.map(async ({ issue }) => ({
          issue,
          pick: mostPlayed(await deps.clicks.countsFor(issue.id), issue.tracks),
        })),
      );
      const trend = await subscriberTrend(deps);
      const weeks = weeklyTotals(trend.confirmedAt, deps.clock.now(), f);
      return c.html(
        document(
          <Layout
            language={language}
            title={t.campaigns.title}
            nav="campaigns"
            csrf={c.get('session').csrfToken}
          >
            <h1>{t.campaigns.title}</h1>
            {rows.length === 0 ? (
              <p>{t.campaigns.none}</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.issue.number}</th>
                      <th scope="col">{t.issue.state}</th>
                      <th scope="col">{t.campaigns.sent}</th>
                      <th scope="col">{t.campaigns.started}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ issue, progress }) => (
                      <tr>
                        <td>
                          <a href={`/studio/campaigns/${issue.series}`}>{issueName(issue)}</a>
                        </td>
                        <td>{t.campaigns.status[progress!.campaign.status]}</td>
                        <td>{`${f.number(progress!.counts.sent)} / ${f.number(progress!.audience)}`}</td>
                        <td>{f.short(progress!.campaign.startedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <BarChart
              id="subscribers"
              title={t.campaigns.subscribersOverTime}
              label={t.campaigns.week}
              unit={t.nav.subscribers}
              rows={weeks}
              empty={e.noSubscribers}
            />
            <BarChart
              id="most-played"
              title={t.campaigns.mostPlayedAcross}
              label={t.issue.number}
              unit={t.campaigns.clicks}
              rows={picks.map(({ issue, pick }) => ({
                label: pick
                  ? `#${issue.series} ${pick.track.artist} – ${pick.track.title}`
                  : `#${issue.series}`,
                value: pick?.clicks ?? 0,
              }))}
              empty={rows.length ? e.noClicksYet : e.noSends}
            />
          </Layout>,
        ),
      );
    })
    .get('/:number/progress', async (c) => {
      const issue = await issueByNumber(deps, c.req.param('number'));
      const progress = issue ? await progressOf(issue) : undefined;
      if (!progress) throw noCampaign(c.req.param('number'));
      const { counts, campaign, audience, done, rate } = progress;
      return c.json({
        status: campaign.status,
        audience,
        done,
        text: {
          audience: f.number(audience),
          sent: f.number(counts.sent),
          failed: f.number(counts.failed),
          pending: f.number(Math.max(0, audience - done)),
          rate: t.campaigns.perSecond(f.decimal(rate)),
          status: t.campaigns.status[campaign.status],
        },
      });
    })
    .get('/:number', async (c) => {
      const issue = await issueByNumber(deps, c.req.param('number'));
      const progress = issue ? await progressOf(issue) : undefined;
      if (!issue || !progress) throw noCampaign(c.req.param('number'));
      const { counts, campaign, audience, done, rate } = progress;
      const report = campaign.status === 'done' ? await campaignReport(deps, issue, campaign, f) : undefined;
      const live = campaign.status !== 'done';
      const figures = [
        ['audience', t.campaigns.audience, f.number(audience)],
        ['sent', t.campaigns.sent, f.number(counts.sent)],
        ['failed', t.campaigns.failed, f.number(counts.failed)],
        ['pending', t.campaigns.pending, f.number(Math.max(0, audience - done))],
        ['rate', t.campaigns.rate, t.campaigns.perSecond(f.decimal(rate))],
      ] as const;
      return c.html(
        document(
          <Layout
            language={language}
            title={issueName(issue)}
            nav="campaigns"
            csrf={c.get('session').csrfToken}
          >
            <h1>{issueName(issue)}</h1>
            <section
              aria-labelledby="progress-title"
              {...(live ? { 'data-progress-url': `/studio/campaigns/${issue.series}/progress` } : {})}
            >
              <h2 id="progress-title">{t.campaigns.progress}</h2>
              <p role="status" aria-live="polite">
                <strong data-count="status">{t.campaigns.status[campaign.status]}</strong> ·{' '}
                {t.campaigns.started} {f.short(campaign.startedAt)}
                {campaign.finishedAt ? ` · ${t.campaigns.finished} ${f.short(campaign.finishedAt)}` : ''}
              </p>
              <progress max={audience || 1} value={done} aria-label={t.campaigns.progress}></progress>
              <div class="figures">
                {figures.map(([key, label, value]) => (
                  <div class="figure">
                    <span>{label}</span>
                    <strong data-count={key}>{value}</strong>
                  </div>
                ))}
              </div>
            </section>
            <SocialOutcomes
              language={language}
              f={f}
              attempts={await deps.socialAttempts.list(issue.id)}
              connected={deps.settings.social.networks}
            />
            {report ? (
              <section aria-labelledby="report-title">
                <h2 id="report-title">{t.campaigns.report}</h2>
                <div class="figures">
                  {(
                    [
                      [t.campaigns.delivered, report.delivered],
                      [t.campaigns.bounced, report.bounced],
                      [t.campaigns.complained, report.complained],
                      [t.campaigns.unsubscribed, report.unsubscribed],
                    ] as const
                  ).map(([label, value]) => (
                    <div class="figure">
                      <span>{label}</span>
                      <strong>{f.number(value)}</strong>
                    </div>
                  ))}
                </div>
                <h3>{t.campaigns.mostPlayed}</h3>
                <p>
                  {report.pick
                    ? t.campaigns.mostPlayedLine(
                        `${report.pick.track.artist} – ${report.pick.track.title}`,
                        report.pick.clicks,
                      )
                    : t.campaigns.noClicks}
                </p>
                <BarChart
                  id="over-time"
                  title={t.campaigns.overTime}
                  label={t.campaigns.time}
                  unit={t.campaigns.mails}
                  rows={report.overTime}
                  empty={e.noMails}
                />
                <BarChart
                  id="clicks-track"
                  title={t.campaigns.clicksTrack}
                  label={t.campaigns.track}
                  unit={t.campaigns.clicks}
                  rows={report.byTrack}
                  empty={e.noClicks}
                />
                <BarChart
                  id="clicks-platform"
                  title={t.campaigns.clicksPlatform}
                  label={t.campaigns.platform}
                  unit={t.campaigns.clicks}
                  rows={report.byPlatform.map((r) => ({ label: variantName(r.platform), value: r.clicks }))}
                  empty={e.noClicks}
                />
              </section>
            ) : null}
          </Layout>,
        ),
      );
    });
};

/** Confirmed subscribers at the end of each of the last eight weeks, from their confirmation dates. */
const weeklyTotals = (confirmedAt: string[], now: Date, f: ReturnType<typeof formatter>) =>
  Array.from({ length: 8 }, (_, i) => {
    const end = new Date(now.getTime() - (7 - i) * 7 * 86_400_000);
    return {
      label: f.short(end.toISOString()).split(/[ ,]+/).slice(0, 3).join(' '),
      value: confirmedAt.filter((at) => at <= end.toISOString()).length,
    };
  });
