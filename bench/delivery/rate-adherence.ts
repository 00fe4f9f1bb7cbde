import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { addReaders, tableWithIssue } from './campaign-fixture.ts';
import { localDelivery, runCampaign } from './delivery-wiring.ts';
import { busiestWindow } from './ses-recorder.ts';

/**
 * One campaign at `SEND_RATE` = `ratePerSecond`, its mail going through the recording proxy: the rate is read
 * where SES would enforce it, from the arrival times of the SendRawEmail calls it accepted, the author's
 * report included (SES counts every message against the account's rate).
 */
export const rateAdherence = async ({
  dynamoUrl,
  recorderUrl,
  recipients,
  ratePerSecond,
}: {
  dynamoUrl: string;
  recorderUrl: string;
  recipients: number;
  ratePerSecond: number;
}) => {
  const { doc, tableName } = await tableWithIssue(dynamoUrl);
  await addReaders(doc, tableName, recipients);
  await fetch(`${recorderUrl}/__bench/reset`, { method: 'POST' });
  const mailer = sesMailer({ region: 'eu-west-3', endpoint: recorderUrl });
  await runCampaign(localDelivery(doc, tableName, mailer, { SEND_RATE: String(ratePerSecond) }));
  const accepted = (await (await fetch(`${recorderUrl}/__bench/accepted`)).json()) as number[];
  const first = Math.min(...accepted);
  const last = Math.max(...accepted);
  return {
    accepted: accepted.length,
    seconds: (last - first) / 1000,
    // Sustained rate: sends after the first over the time they took.
    achieved: ((accepted.length - 1) / (last - first)) * 1000,
    busiest: busiestWindow(accepted),
  };
};
