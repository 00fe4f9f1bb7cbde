import type { Language } from '../../shared/domain/issue.ts';
import { type LinkVariant, PLATFORM_NAMES } from '../../shared/domain/platforms.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import { chartStrings } from '../../shared/i18n/studio/chart-strings.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { campaignList, campaignPage } from '../../shared/usecases/studio/campaign-views.ts';
import { BarChart } from './ui/bar-chart.tsx';
import { Figures } from './ui/figures.tsx';
import { document, Page } from './ui/layout.tsx';
import { Section } from './ui/section.tsx';
import { Table } from './ui/table.tsx';
import { SocialOutcomes } from './social-outcomes.tsx';

type Page = { language: Language; f: Formatter; csrf: string };

const variantName = (v: LinkVariant) => (v === 'universal' ? 'song.link' : PLATFORM_NAMES[v]);

/** Envois: every campaign with its progress, the readers' trend, and the most played track of each issue. */
export const campaignListPage = (props: Page & Awaited<ReturnType<typeof campaignList>>) => {
  const { language, f, csrf, rows, picks, weeks } = props;
  const t = studioStrings(language);
  const e = chartStrings(language);
  return document(
    <Page language={language} title={t.campaigns.title} nav="campaigns" csrf={csrf}>
      {rows.length === 0 ? (
        <p>{t.campaigns.none}</p>
      ) : (
        <Table heads={[t.issue.number, t.issue.state, t.campaigns.sent, t.campaigns.started]}>
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
        </Table>
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
    </Page>,
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
    [t.campaigns.audience, f.number(audience), 'audience'],
    [t.campaigns.sent, f.number(counts.sent), 'sent'],
    [t.campaigns.failed, f.number(counts.failed), 'failed'],
    [t.campaigns.pending, f.number(pending), 'pending'],
    [t.campaigns.rate, t.campaigns.perSecond(f.decimal(rate)), 'rate'],
  ] as const;
  return document(
    <Page language={language} title={issueName(issue)} nav="campaigns" csrf={csrf}>
      <Section
        id="progress"
        title={t.campaigns.progress}
        {...(live ? { data: { 'data-progress-url': `/studio/campaigns/${issue.series}/progress` } } : {})}
      >
        <p role="status" aria-live="polite">
          <strong data-count="status">{t.campaigns.status[campaign.status]}</strong> · {t.campaigns.started}{' '}
          {f.short(campaign.startedAt)}
          {campaign.finishedAt ? ` · ${t.campaigns.finished} ${f.short(campaign.finishedAt)}` : ''}
        </p>
        <progress max={audience || 1} value={done} aria-label={t.campaigns.progress}></progress>
        <Figures items={figures} />
      </Section>
      <SocialOutcomes language={language} f={f} attempts={attempts} connected={connected} />
      {report ? (
        <Section id="report" title={t.campaigns.report}>
          <Figures
            items={[
              [t.campaigns.delivered, f.number(report.delivered)],
              [t.campaigns.bounced, f.number(report.bounced)],
              [t.campaigns.complained, f.number(report.complained)],
              [t.campaigns.unsubscribed, f.number(report.unsubscribed)],
            ]}
          />
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
        </Section>
      ) : null}
    </Page>,
  );
};
