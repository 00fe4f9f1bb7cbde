import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { Mailer, OutgoingMail } from '../../shared/ports/mailer.ts';
import { bareLoop } from './bare-loop.ts';
import { addReaders, tableWithIssue } from './campaign-fixture.ts';
import { deliveryConfig, localDelivery, runCampaign } from './delivery-wiring.ts';

/** The SES stand-in keeps every mail in memory; emptied before each side so neither pays for the other's. */
const clearSes = async (sesUrl: string) => void (await fetch(`${sesUrl}/clear-store`, { method: 'POST' }));

/**
 * The whole local campaign (dispatch, queue, paced senders, ledger, re-check, SES, report) against the bare
 * loop, at the same concurrency and rate, on the same stand-ins. The campaign runs first and its mails are
 * kept: the bare loop then sends exactly those messages.
 */
export const campaignVsBare = async ({
  dynamoUrl,
  sesUrl,
  recipients,
  ratePerSecond,
}: {
  dynamoUrl: string;
  sesUrl: string;
  recipients: number;
  ratePerSecond: number;
}) => {
  const env = { SEND_RATE: String(ratePerSecond) };
  const { doc, tableName } = await tableWithIssue(dynamoUrl);
  await addReaders(doc, tableName, recipients);
  const sent: OutgoingMail[] = [];
  const ses = sesMailer({ region: 'eu-west-3', endpoint: sesUrl });
  const keeping: Mailer = { send: (mail) => (sent.push(mail), ses.send(mail)) };

  await clearSes(sesUrl);
  const campaignStart = performance.now();
  const { counts } = await runCampaign(localDelivery(doc, tableName, keeping, env));
  const campaignMs = performance.now() - campaignStart;
  if (counts.sent !== recipients) throw new Error(`campaign sent ${counts.sent} of ${recipients}`);

  const mails = sent.filter((mail) => mail.tags?.subscriber); // not the author's report
  await clearSes(sesUrl);
  const bareStart = performance.now();
  await bareLoop({
    doc,
    tableName,
    mailer: ses,
    mails,
    workers: deliveryConfig(env).MAX_SENDERS,
    ratePerSecond,
  });
  const bareMs = performance.now() - bareStart;
  const campaignPerSecond = (recipients / campaignMs) * 1000;
  const barePerSecond = (recipients / bareMs) * 1000;
  return {
    recipients,
    workers: deliveryConfig(env).MAX_SENDERS,
    campaignPerSecond,
    barePerSecond,
    ratio: campaignPerSecond / barePerSecond,
  };
};
