import type { Campaign } from '../../shared/domain/campaign.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { mostPlayed } from '../../shared/domain/music/most-played.ts';
import type { LinkVariant } from '../../shared/domain/platforms.ts';
import { withStatus } from '../../shared/usecases/subscribers/with-status.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { StudioDeps } from './studio-deps.ts';

/**
 * A finished campaign's report. Bounces and complaints suppress the reader (SES events), and leaving marks the
 * record: counted here from the records as they are now, since the campaign started. Only the readers who
 * left are read (a query a status), never each reader the campaign reached: a report of 10,000 mails would
 * otherwise cost 10,000 reads, one after the other, on every view of the page.
 */
export const campaignReport = async (
  deps: Pick<StudioDeps, 'subscribers' | 'clicks'> & { studio: Pick<StudioDeps['studio'], 'ledger'> },
  issue: Issue,
  campaign: Campaign,
  f: Formatter,
) => {
  const [entries, counts] = await Promise.all([
    deps.studio.ledger.entries(campaign.id),
    deps.clicks.countsFor(issue.id),
  ]);
  const reached = new Set(entries.filter((e) => e.state === 'sent').map((e) => e.subscriberId));
  let bounced = 0;
  let complained = 0;
  let unsubscribed = 0;
  for await (const record of withStatus(deps.subscribers, 'suppressed')) {
    if (!reached.has(record.id) || !('reason' in record) || record.suppressedAt < campaign.startedAt)
      continue;
    if (record.reason === 'hard_bounce') bounced += 1;
    if (record.reason === 'complaint') complained += 1;
  }
  for await (const record of withStatus(deps.subscribers, 'unsubscribed')) {
    if (reached.has(record.id) && 'email' in record && (record.unsubscribedAt ?? '') >= campaign.startedAt)
      unsubscribed += 1;
  }
  const sent = entries
    .filter((e) => e.state === 'sent')
    .map((e) => e.updatedAt)
    .sort();
  const overTime = sendsOverTime(sent, f);
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
    overTime,
    byTrack,
    byPlatform: [...platforms]
      .map(([platform, clicks]) => ({ platform, clicks }))
      .filter((p) => p.clicks > 0),
    pick: mostPlayed(counts, issue.tracks),
  };
};

/**
 * Sends per slice of the campaign: ten slices from the first send to the last, labelled by their start. A
 * slice lasts a second at least, since its label reads to the second: a campaign of a few readers, over in a
 * second, would otherwise show ten slices under one and the same time.
 */
export const sendsOverTime = (times: string[], f: Formatter) => {
  if (times.length === 0) return [];
  const first = Date.parse(times[0] ?? '');
  const span = Math.max(10_000, Date.parse(times.at(-1) ?? '') - first + 1);
  const slices = Array.from({ length: 10 }, (_, i) => ({ start: first + (span * i) / 10, value: 0 }));
  for (const at of times) {
    const index = Math.min(9, Math.floor(((Date.parse(at) - first) * 10) / span));
    const slice = slices[index];
    if (slice) slice.value += 1;
  }
  return slices.map((s) => ({ label: f.time(new Date(s.start).toISOString()), value: s.value }));
};
