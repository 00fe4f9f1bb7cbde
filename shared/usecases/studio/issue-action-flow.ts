import { campaignIdFor } from '../../domain/campaign.ts';
import { actionVerdict, type IssueAction } from '../../domain/studio/issue-actions.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { sundayPlan } from '../sundays/sunday-plan.ts';
import { type ActDeps, type ActRefusal, actOnIssue } from './act-on-issue.ts';
import { PLAN_WEEKS } from './coming-plan.ts';
import { issueFacts } from './issue-facts.ts';
import { issueByNumber } from './issue-view.ts';

export type IssueActionPorts = {
  issues: { get: IssueStore['get']; listBySunday: IssueStore['listBySunday'] };
  subscribers: { countByStatus: SubscriberStore['countByStatus'] };
  act: ActDeps;
};

/** Why an action was not done, and whether the issue has a campaign to show instead. */
export type ActionRefused = { ok: false; why: ActRefusal; hasCampaign: boolean };

/**
 * What the confirmation of one action shows: today's verdict first (a stale tab or Back meets today's state),
 * then the audience of a send, or the free Sundays a move may choose from.
 */
export const actionConfirmation = async (ports: IssueActionPorts, number: string, action: IssueAction) => {
  const issue = await issueByNumber(ports, number);
  if (!issue) return undefined;
  const { facts, campaign } = await issueFacts(issue, ports.act);
  const verdict = actionVerdict(action, facts);
  if (!verdict.ok) {
    const refused: ActionRefused = { ok: false, why: verdict.why, hasCampaign: Boolean(campaign) };
    return { issue, ...refused };
  }
  const [audience, plan] = await Promise.all([
    action === 'send_now' ? ports.subscribers.countByStatus('confirmed') : 0,
    action === 'move' ? sundayPlan(facts.comingSunday, PLAN_WEEKS, ports.issues) : [],
  ]);
  const freeSundays = plan.filter((p) => !p.issue).map((p) => p.sunday);
  return { issue, ok: true as const, audience, freeSundays };
};

/** The action itself, on the issue its number names, decided again now. */
export const actOnNumber = async (
  ports: IssueActionPorts,
  number: string,
  action: IssueAction,
  request: { by: string; to?: string },
) => {
  const issue = await issueByNumber(ports, number);
  if (!issue) return undefined;
  const result = await actOnIssue(issue, action, request, ports.act);
  if (result.ok) return { issue, ok: true as const };
  const campaign = await ports.act.campaigns.get(campaignIdFor(issue.id));
  const refused: ActionRefused = { ok: false, why: result.why, hasCampaign: Boolean(campaign) };
  return { issue, ...refused };
};
