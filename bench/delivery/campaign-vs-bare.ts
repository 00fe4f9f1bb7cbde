import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { CampaignId } from '../../shared/domain/campaign.ts';
import { keptCopy, type Mailer, type OutgoingMail } from '../../shared/ports/mailer.ts';
import { cpuMs } from '../stats.ts';
import { bareLoop } from './bare-loop.ts';
import { addReaders, tableWithIssue } from './campaign-fixture.ts';
import { deliveryConfig, localDelivery, runCampaign } from './delivery-wiring.ts';

/** The SES stand-in keeps every mail in memory; emptied before each side so neither pays for the other's. */
const clearSes = async (sesUrl: string) => void (await fetch(`${sesUrl}/clear-store`, { method: 'POST' }));

export type Side = { recipients: number; workers: number; perSecond: number; cpuMsPerMail: number };

type SideOptions = {
  dynamoUrl: string;
  sesUrl: string;
  recipients: number;
  warmUp: number;
  ratePerSecond: number;
};

/** A fresh table with issue #34 and `count` readers. */
const readyTable = async (dynamoUrl: string, count: number) => {
  const table = await tableWithIssue(dynamoUrl);
  await addReaders(table.doc, table.tableName, count);
  return table;
};

/** The whole local campaign: dispatch, queue, paced senders, ledger, re-check, SES, report. */
const campaignSide = async ({ dynamoUrl, sesUrl, recipients, warmUp, ratePerSecond }: SideOptions) => {
  const env = { SEND_RATE: String(ratePerSecond) };
  const ses = sesMailer({ region: 'eu-west-3', endpoint: sesUrl });
  const warm = await readyTable(dynamoUrl, warmUp);
  await runCampaign(localDelivery(warm.doc, warm.tableName, ses, env));
  const { doc, tableName } = await readyTable(dynamoUrl, recipients);
  await clearSes(sesUrl);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { counts } = await runCampaign(localDelivery(doc, tableName, ses, env));
  const [ms, cpuUsed] = [performance.now() - start, cpuMs(cpu)];
  if (counts.sent !== recipients) throw new Error(`campaign sent ${counts.sent} of ${recipients}`);
  return { ms, cpuUsed };
};

/**
 * The bare loop over the very mails a campaign makes for the same readers: a campaign with a mailer that
 * only keeps them runs first (not timed), then a warm-up of the loop, then the timed loop.
 */
const bareSide = async ({ dynamoUrl, sesUrl, recipients, warmUp, ratePerSecond }: SideOptions) => {
  const env = { SEND_RATE: '1000000' };
  const ses = sesMailer({ region: 'eu-west-3', endpoint: sesUrl });
  const { doc, tableName } = await readyTable(dynamoUrl, recipients);
  const kept: OutgoingMail[] = [];
  let n = 0;
  const keeping: Mailer = {
    send: async (mail) => (kept.push(keptCopy(mail)), { kind: 'sent', messageId: `k${n++}` }),
  };
  await runCampaign(localDelivery(doc, tableName, keeping, env));
  const mails = kept.filter((mail) => mail.tags?.subscriber); // not the author's report
  const loop = (some: readonly OutgoingMail[], campaignId: string) =>
    bareLoop({
      doc,
      tableName,
      mailer: ses,
      mails: some,
      workers: deliveryConfig(env).MAX_SENDERS,
      ratePerSecond,
      campaignId: campaignId as CampaignId,
    });
  await loop(mails.slice(0, warmUp), 'cmp_warm');
  await clearSes(sesUrl);
  const start = performance.now();
  const cpu = process.cpuUsage();
  await loop(mails, 'cmp_bare');
  return { ms: performance.now() - start, cpuUsed: cpuMs(cpu) };
};

/** One side of the end-to-end comparison, at the same concurrency and rate, on the same stand-ins. */
export const e2eSide = async (which: 'ours' | 'bare', options: SideOptions): Promise<Side> => {
  const { ms, cpuUsed } = await (which === 'ours' ? campaignSide(options) : bareSide(options));
  return {
    recipients: options.recipients,
    workers: deliveryConfig({}).MAX_SENDERS,
    perSecond: (options.recipients / ms) * 1000,
    cpuMsPerMail: cpuUsed / options.recipients,
  };
};
