import type { Campaign } from '../../domain/campaign.ts';
import type { Issue } from '../../domain/issue.ts';
import { mostPlayed } from '../../domain/music/most-played.ts';
import type { LinkVariant } from '../../domain/platforms.ts';
import { sendsOverTime } from '../../domain/studio/sends-over-time.ts';
import type { CampaignLedgerReader } from '../../ports/campaign-ledger.ts';
import type { ClickStore } from '../../ports/click-store.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { withStatus } from '../subscribers/with-status.ts';

export type ReportPorts = {
  subscribers: { listByStatus: SubscriberStore['listByStatus'] };
  clicks: { countsFor: ClickStore['countsFor'] };
  ledger: CampaignLedgerReader;
};

/**
 * A finished campaign's report. Bounces and complaints suppress the reader (SES events), and leaving marks the
 * record: counted here from the records as they are now, since the campaign started. Only the readers who
 * left are read (a query a status), never each reader the campaign reached: a report of 10,000 mails would
 * otherwise cost 10,000 reads, one after the other, on every view of the page.
 */
export const campaignReport = async (
  ports: ReportPorts,
  issue: Issue,
  campaign: Campaign,
  f: { time: (iso: string) => string },
) => {
  const [entries, counts] = await Promise.all([
    ports.ledger.entries(campaign.id),
    ports.clicks.countsFor(issue.id),
  ]);
  const reached = new Set(entries.filter((e) => e.state === 'sent').map((e) => e.subscriberId));
  let bounced = 0;
  let complained = 0;
  let unsubscribed = 0;
  for await (const record of withStatus(ports.subscribers, 'suppressed')) {
    if (!reached.has(record.id) || !('reason' in record) || record.suppressedAt < campaign.startedAt)
      continue;
    if (record.reason === 'hard_bounce') bounced += 1;
    if (record.reason === 'complaint') complained += 1;
  }
  for await (const record of withStatus(ports.subscribers, 'unsubscribed')) {
    if (reached.has(record.id) && 'email' in record && (record.unsubscribedAt ?? '') >= campaign.startedAt)
      unsubscribed += 1;
  }
  const sent = entries
    .filter((e) => e.state === 'sent')
    .map((e) => e.updatedAt)
    .sort();
  const byTrack = [...issue.tracks]
    .sort((a, b) => a.position - b.position)
    .map((track) => ({
      label: `${track.position}. ${track.artist} – ${track.title}`,
      value: counts.filter((c) => c.position === track.position).reduce((sum, c) => sum + c.clicks, 0),
    }));
  const platforms = new Map<LinkVariant, number>();
  for (const c of counts) platforms.set(c.platform, (platforms.get(c.platform) ?? 0) + c.clicks);
  return {
    delivered: sent.length,
    bounced,
    complained,
    unsubscribed,
    overTime: sendsOverTime(sent, f),
    byTrack,
    byPlatform: [...platforms]
      .map(([platform, clicks]) => ({ platform, clicks }))
      .filter((p) => p.clicks > 0),
    pick: mostPlayed(counts, issue.tracks),
  };
};

export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;
