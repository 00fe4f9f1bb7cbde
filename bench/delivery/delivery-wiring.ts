import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { createLocalDelivery } from '../../infra/local/runtime/local-delivery.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';

// The sender side only: what the measured sender process loads. No MJML here (see campaign-fixture.ts).

export const BASE = 'https://newsletter.example.org';
export const LINK_KEY = { id: 'bench1', secret: 'bench-link-key-0123456789abcdefghijklmnop' };
/** 09:00 in Paris on issue #34's Sunday, as in test/support/delivery-setup.ts; it never moves here. */
export const sundayMorning: Clock = { now: () => new Date('2026-11-29T08:00:00Z') };
const silent = createJsonLogger({ service: 'bench', level: 'silent' });

export const connect = (endpoint: string) => createDocumentClient({ endpoint, region: 'eu-west-3' });

/** The delivery settings every side of the bench shares; `SEND_RATE` is set by each measurement. */
export const deliveryConfig = (env: Record<string, string>) =>
  loadDeliveryConfig({ MAX_SENDERS: '2', AUTHOR_EMAIL: 'autrice@exemple.fr', ...env });

/** The local Sunday delivery (dispatch, in-process queue, paced senders) on a bench table. */
export const localDelivery = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  mailer: Mailer,
  env: Record<string, string>,
) =>
  createLocalDelivery({
    doc,
    tableName,
    mailer,
    linkKeys: [LINK_KEY],
    publicBaseUrl: BASE,
    timeZone: 'Europe/Paris',
    config: deliveryConfig(env),
    clock: sundayMorning,
    logger: silent,
  });

/** Dispatches and sends one whole campaign, from the Sunday trigger until it is done (report mailed). */
// Polled every 50 ms: a run of seconds must not be rounded up by the poll, and one GetItem per poll is
// nothing next to the campaign's own calls.
export const runCampaign = async (delivery: ReturnType<typeof localDelivery>) => {
  const workers = delivery.startWorkers();
  const dispatched = await delivery.dispatch();
  if (dispatched.kind !== 'dispatched') throw new Error(`dispatch: ${dispatched.kind}`);
  const id = dispatched.campaign.id;
  while ((await delivery.campaigns.get(id))?.status !== 'done') await new Promise((r) => setTimeout(r, 50));
  await workers.stop();
  return { id, counts: await delivery.campaigns.counts(id) };
};
