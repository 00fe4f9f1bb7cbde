import type { EmailAddress } from '../../domain/email-address.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { testSend } from '../test-send.ts';
import type { PreviewPorts } from './issue-queries.ts';
import { issueByNumber, type IssueViewPorts } from './issue-view.ts';

export type TestSendPorts = IssueViewPorts &
  PreviewPorts & {
    holds: { record: IssueHolds['record'] };
    mailer: Mailer;
    sender: { name: string; address: string };
    authorEmail: EmailAddress;
  };

/** The issue's email to the author, recorded in its history when it went; none when there is no such issue. */
export const testSendIssue = async (ports: TestSendPorts, number: string, by: string) => {
  const issue = await issueByNumber(ports, number);
  if (!issue) return undefined;
  const sent = await testSend(issue.id, ports.authorEmail, { ...ports, store: ports.issues });
  const ok = sent.ok && sent.outcome.kind === 'sent';
  if (ok)
    await ports.holds.record({
      issueId: issue.id,
      action: 'test_send',
      by,
      at: ports.clock.now().toISOString(),
    });
  return { issue, ok };
};
