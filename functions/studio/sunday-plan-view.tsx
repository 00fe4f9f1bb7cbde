import { Cron } from 'croner';
import type { IssueState } from '../../shared/domain/studio/issue-state.ts';
import { sundayPlan } from '../../shared/usecases/sundays/sunday-plan.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { IssueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { issueName, issueView, type IssueView } from './issue-data.ts';
import { StateBadge } from './issue-parts.tsx';
import type { StudioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';

/** How many Sundays ahead the plan and a move's choice look. */
export const PLAN_WEEKS = 8;

/** A Sunday's issue goes out on its own Sunday unless sent, started, held or cancelled. */
const STILL_TO_GO: readonly IssueState[] = ['scheduled', 'draft'];

/** The coming Sundays with their issues, and the true next send: the first of them still to go out. */
export const comingPlan = async (deps: StudioDeps, first: string, weeks: number) => {
  const plan = await sundayPlan(first, weeks, deps.issues);
  const rows = await Promise.all(
    plan.map(async ({ sunday, issue }) => ({
      sunday,
      view: issue ? await issueView(deps, issue) : undefined,
    })),
  );
  const next = rows.find((row) => row.view && STILL_TO_GO.includes(row.view.state))?.view;
  return { rows, next, nextAt: next ? sendTimeOn(deps, next.issue.sunday) : undefined };
};

/** When the schedule fires on that Sunday: its first run from the day before, in the newsletter's time zone. */
const sendTimeOn = (deps: StudioDeps, sunday: string) => {
  const eve = new Date(Date.parse(`${sunday}T00:00:00Z`) - 86_400_000 + 12 * 3_600_000);
  const run = new Cron(deps.studio.schedule, { timezone: deps.settings.timeZone }).nextRun(eve);
  return run && run.toISOString().slice(0, 10) <= sunday ? run : undefined;
};

export const NextSend = (props: {
  next: IssueView | undefined;
  at: Date | undefined;
  a: IssueActionStrings;
  f: Formatter;
}) =>
  props.next ? (
    <p>
      <strong>
        {props.a.nextSend(
          issueName(props.next.issue),
          props.at ? props.f.dateTime(props.at.toISOString()) : props.f.sunday(props.next.issue.sunday),
        )}
      </strong>
    </p>
  ) : (
    <p>{props.a.noNextSend}</p>
  );

export const PlanTable = (props: {
  rows: { sunday: string; view: IssueView | undefined }[];
  t: StudioStrings;
  a: IssueActionStrings;
  f: Formatter;
}) => (
  <div class="scroll">
    <table class="plan">
      <thead>
        <tr>
          <th scope="col">{props.t.issue.sunday}</th>
          <th scope="col">{props.t.issue.number}</th>
          <th scope="col">{props.t.issue.state}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ sunday, view }) => (
          <tr>
            <td>{props.f.sunday(sunday)}</td>
            {view ? (
              <>
                <td>
                  <a href={`/studio/issues/${view.issue.series}`}>{issueName(view.issue)}</a>
                </td>
                <td>
                  <StateBadge state={view.state} t={props.t} />
                </td>
              </>
            ) : (
              <>
                <td>—</td>
                <td>
                  <span class="badge free">{props.a.free}</span>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
