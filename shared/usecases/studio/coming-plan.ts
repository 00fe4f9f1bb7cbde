import { sendTimeOn } from '../../domain/studio/schedule-runs.ts';
import type { IssueState } from '../../domain/studio/issue-state.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import { sundayPlan } from '../sundays/sunday-plan.ts';
import { issueView, type IssueViewPorts } from './issue-view.ts';

/** How many Sundays ahead the plan and a move's choice look. */
export const PLAN_WEEKS = 8;

/** A Sunday's issue goes out on its own Sunday unless sent, started, held or cancelled. */
const STILL_TO_GO: readonly IssueState[] = ['scheduled', 'draft'];

export type PlanPorts = IssueViewPorts & {
  issues: { listBySunday: IssueStore['listBySunday'] };
  /** The Sunday send's cron, in the newsletter's time zone. */
  schedule: string;
};

/** The coming Sundays with their issues, and the true next send: the first of them still to go out. */
export const comingPlan = async (ports: PlanPorts, first: string, weeks = PLAN_WEEKS) => {
  const plan = await sundayPlan(first, weeks, ports.issues);
  const rows = await Promise.all(
    plan.map(async ({ sunday, issue }) => ({
      sunday,
      view: issue ? await issueView(ports, issue) : undefined,
    })),
  );
  const next = rows.find((row) => row.view && STILL_TO_GO.includes(row.view.state))?.view;
  const nextAt = next ? sendTimeOn(ports.schedule, ports.timeZone, next.issue.sunday) : undefined;
  return { rows, next, nextAt };
};

export type ComingPlan = Awaited<ReturnType<typeof comingPlan>>;
