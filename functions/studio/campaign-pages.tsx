import type { Language } from '../../shared/domain/issue.ts';
import { type LinkVariant, PLATFORM_NAMES } from '../../shared/domain/platforms.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import { chartStrings } from '../../shared/i18n/studio/chart-strings.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { type StudioStrings, studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { CampaignProgress } from '../../shared/domain/studio/campaign-progress.ts';
import type { campaignList, campaignPage } from '../../shared/usecases/studio/campaign-views.ts';
import { BarChart } from './charts.tsx';
import { document, Layout } from './layout.tsx';
import { SocialOutcomes } from './social-outcomes.tsx';

type Page = { language: Language; f: Formatter; csrf: string };

const variantName = (v: LinkVariant) => (v === 'universal' ? 'song.link' : PLATFORM_NAMES[v]);

/** Envois: every campaign with its progress, the readers' trend, and the most played track of each issue. */
export const campaignListPage = (props: Page & Awaited<ReturnType<typeof campaignList>>) => {
  const { language, f, csrf, rows, picks, weeks } = props;
  const t = studioStrings(language);
  const e = chartStrings(language);
  return document(
    <Layout language={language} title={t.campaigns.title} nav="campaigns" csrf={csrf}>
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
                  <td>{t.campaigns.status[progress.campaign.status]}</td>
                  <td>{`${f.number(progress.counts.sent)} / ${f.number(progress.audience)}`}</td>
                  <td>{f.short(progress.campaign.startedAt)}</td>
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
        rows={weeks.map((w) => ({ label: f.week(w.end), value: w.value }))}
        empty={e.noSubscribers}
      />
      <BarChart
        id="most-played"
        title={t.campaigns.mostPlayedAcross}
        label={t.issue.number}
        unit={t.campaigns.clicks}
        rows={picks.map(({ issue, pick }) => ({
          label: pick ? `#${issue.series} ${pick.track.artist} – ${pick.track.title}` : `#${issue.series}`,
          value: pick?.clicks ?? 0,
        }))}
        empty={rows.length ? e.noClicksYet : e.noSends}
      />
    </Layout>,
  );
};

/** One campaign: its live progress, its social posts, then its report, charts with their tables. */
export const campaignPageView = (
  props: Page &
    NonNullable<Awaited<ReturnType<typeof campaignPage>>> & { connected: readonly SocialNetwork[] },
) => {
  const { language, f, csrf, issue, progress, report, attempts, connected } = props;
  const t = studioStrings(language);
  const e = chartStrings(language);
  const { counts, campaign, audience, done, pending, rate } = progress;
  const live = campaign.status !== 'done';
  const figures = [
    ['audience', t.campaigns.audience, f.number(audience)],
    ['sent', t.campaigns.sent, f.number(counts.sent)],
    ['failed', t.campaigns.failed, f.number(counts.failed)],
    ['pending', t.campaigns.pending, f.number(pending)],
    ['rate', t.campaigns.rate, t.campaigns.perSecond(f.decimal(rate))],
  ] as const;
  return document(
    <Layout language={language} title={issueName(issue)} nav="campaigns" csrf={csrf}>
      <h1>{issueName(issue)}</h1>
      <section
        aria-labelledby="progress-title"
        {...(live ? { 'data-progress-url': `/studio/campaigns/${issue.series}/progress` } : {})}
      >
        <h2 id="progress-title">{t.campaigns.progress}</h2>
        <p role="status" aria-live="polite">
          <strong data-count="status">{t.campaigns.status[campaign.status]}</strong> · {t.campaigns.started}{' '}
          {f.short(campaign.startedAt)}
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
      <SocialOutcomes language={language} f={f} attempts={attempts} connected={connected} />
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
  );
};

/** The live figures the page's script polls for, already in her words. */
export const progressJson = (progress: CampaignProgress, t: StudioStrings, f: Formatter) => {
  const { counts, campaign, audience, done, pending, rate } = progress;
  return {
    status: campaign.status,
    audience,
    done,
    text: {
      audience: f.number(audience),
      sent: f.number(counts.sent),
      failed: f.number(counts.failed),
      pending: f.number(pending),
      rate: t.campaigns.perSecond(f.decimal(rate)),
      status: t.campaigns.status[campaign.status],
    },
  };
};
