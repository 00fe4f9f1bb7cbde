import { Cron } from 'croner';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { localDate } from '../../shared/domain/calendar.ts';
import { type Issue, issueIdFor } from '../../shared/domain/issue.ts';
import { warningsOf } from '../../shared/usecases/music/issue-warnings.ts';
import { withStatus } from '../../shared/usecases/subscribers/with-status.ts';
import { issueState } from '../../shared/domain/studio/issue-state.ts';
import type { StudioDeps } from './studio-deps.ts';

/** One issue as the studio pages show it: its state, hold, campaign and warnings. */
export const issueView = async (deps: StudioDeps, issue: Issue) => {
  const [hold, campaign, warnings] = await Promise.all([
    deps.studio.holds.get(issue.id),
    deps.campaigns.get(campaignIdFor(issue.id)),
    warningsOf(issue, deps.warnings),
  ]);
  const today = localDate(deps.clock.now(), deps.settings.timeZone);
  return { issue, hold, campaign, warnings, state: issueState(issue, hold, campaign, today) };
};

export type IssueView = Awaited<ReturnType<typeof issueView>>;

export const issueByNumber = async (deps: StudioDeps, raw: string) =>
  /^[1-9]\d{0,8}$/.test(raw) ? deps.issues.get(issueIdFor(Number(raw))) : undefined;

/** When the schedule next fires, from now, in the newsletter's time zone. */
export const nextSend = (deps: StudioDeps) =>
  new Cron(deps.studio.schedule, { timezone: deps.settings.timeZone }).nextRun(deps.clock.now()) ?? undefined;

/** "#34 — Chambre en Provence": how she names an issue. */
export const issueName = (issue: Pick<Issue, 'series' | 'title'>) => `#${issue.series} — ${issue.title}`;

/** Confirmed now, and who joined and left in the last seven days, from the records' own dates. */
export const subscriberTrend = async (deps: StudioDeps) => {
  const weekAgo = new Date(deps.clock.now().getTime() - 7 * 86_400_000).toISOString();
  const dates = { joined: 0, left: 0, confirmed: 0, confirmedAt: [] as string[] };
  for (const status of ['confirmed', 'unsubscribed'] as const) {
    for await (const s of withStatus(deps.subscribers, status)) {
      if (!('email' in s)) continue;
      if (status === 'confirmed') {
        dates.confirmed += 1;
        if ((s.confirmedAt ?? s.createdAt) >= weekAgo) dates.joined += 1;
      } else if ((s.unsubscribedAt ?? '') >= weekAgo) dates.left += 1;
      if (s.confirmedAt) dates.confirmedAt.push(s.confirmedAt);
    }
  }
  return dates;
};
