import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { IssueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import type { IssueView } from '../../shared/usecases/studio/issue-view.ts';
import { StateBadge } from './issue-parts.tsx';
import type { StudioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { Badge } from './ui/badge.tsx';
import { Table } from './ui/table.tsx';

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
  <Table heads={[props.t.issue.sunday, props.t.issue.number, props.t.issue.state]} class="plan">
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
              <Badge tone="free">{props.a.free}</Badge>
            </td>
          </>
        )}
      </tr>
    ))}
  </Table>
);
