import { sundayOnOrAfter } from '../../domain/calendar.ts';
import { nextRun } from '../../domain/studio/schedule-runs.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import { findSundayIssue } from '../campaign/find-sunday-issue.ts';
import { previewSocial, type SocialPreviewSettings } from '../social/preview-social.ts';
import { comingPlan, type PlanPorts } from './coming-plan.ts';
import { issueView } from './issue-view.ts';
import { subscriberTrend, type TrendPorts } from './subscriber-trend.ts';

export type WeekPorts = PlanPorts &
  TrendPorts & {
    issues: IssueStore;
    social: SocialPreviewSettings;
  };

/** Cette semaine: the coming Sunday, its issue and posts, the send's countdown, the plan and the readers. */
export const weekView = async (ports: WeekPorts) => {
  const now = ports.clock.now();
  const sunday = sundayOnOrAfter(now, ports.timeZone);
  const [issue, trend, plan] = await Promise.all([
    findSundayIssue(ports.issues, sunday),
    subscriberTrend(ports),
    comingPlan(ports, sunday),
  ]);
  const [view, social] = issue
    ? await Promise.all([
        issueView(ports, issue),
        previewSocial(issue.id, { store: ports.issues, settings: ports.social }),
      ])
    : [undefined, undefined];
  return { now, sunday, view, social, trend, plan, sendAt: nextRun(ports.schedule, ports.timeZone, now) };
};

export type WeekView = Awaited<ReturnType<typeof weekView>>;
