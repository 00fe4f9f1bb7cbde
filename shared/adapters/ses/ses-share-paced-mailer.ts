import { GetSendQuotaCommand, SESClient } from '@aws-sdk/client-ses';
import type { Logger } from '../../ports/logger.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { intervalPacer } from '../pacing/interval-pacer.ts';
import { pacedMailer } from '../pacing/paced-mailer.ts';

/**
 * `mailer` paced at one sender's share of the account's SES rate (max send rate / `senders`), so that the
 * senders running at once never exceed it together: slots 5 % below the share, never more than it in a second.
 */
export const sesSharePacedMailer = async (
  mailer: Mailer,
  { region, senders, logger }: { region: string; senders: number; logger: Logger },
): Promise<Mailer> => {
  const { MaxSendRate = 1 } = await new SESClient({ region }).send(new GetSendQuotaCommand({}));
  const limitPerSecond = MaxSendRate / senders;
  const ratePerSecond = limitPerSecond * 0.95;
  logger.info('sender ready', { maxSendRate: MaxSendRate, ratePerSecond });
  return pacedMailer(mailer, intervalPacer({ ratePerSecond, limitPerSecond }));
};
