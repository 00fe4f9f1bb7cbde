import type { Campaign, CampaignCounts, CampaignId } from '../../domain/campaign.ts';
import type { AuthorNotifier } from '../../ports/author-notices.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { Logger } from '../../ports/logger.ts';

export type FinishDeps = {
  campaigns: CampaignStore;
  issues: IssueStore;
  author: AuthorNotifier;
  clock: Clock;
  logger: Logger;
};

/**
 * Marks the campaign done once every batch is done (one caller wins the conditional write), then reports to
 * the author once. Safe to call from every batch and again after a crash between the two steps.
 */
export const finishIfDone = async (id: CampaignId, deps: FinishDeps): Promise<void> => {
  const at = deps.clock.now().toISOString();
  await deps.campaigns.complete(id, at);
  const campaign = await deps.campaigns.get(id);
  if (campaign?.status !== 'done' || campaign.reportedAt) return;
  await deps.issues.setStatus(campaign.issueId, 'sending', 'sent', at);
  if (!(await deps.campaigns.markReported(id, at))) return;
  const counts = await deps.campaigns.counts(id);
  deps.logger.info('campaign done', { campaignId: id, ...counts });
  try {
    await deps.author.notify(reportFor({ ...campaign, finishedAt: campaign.finishedAt ?? at }, counts));
  } catch (error) {
    await deps.campaigns.releaseReport(id);
    throw error;
  }
};

export const reportFor = (campaign: Campaign, counts: CampaignCounts) => ({
  subject: `Sent: ${campaign.issueId} to ${counts.sent} of ${counts.audience} subscribers`,
  text: [
    `Campaign ${campaign.id} (issue ${campaign.issueId}, revision ${campaign.revision})`,
    `Started ${campaign.startedAt}, finished ${campaign.finishedAt ?? '(now)'}.`,
    '',
    `Audience:    ${counts.audience}`,
    `Sent:        ${counts.sent}`,
    `Failed:      ${counts.failed}`,
    `Skipped:     ${counts.skipped} (unsubscribed or suppressed after the start)`,
    `Ambiguous:   ${counts.ambiguous} (the sender stopped during the SES call: not sent again; check SES events)`,
    '',
    'Social posts: none configured yet.',
  ].join('\n'),
});
