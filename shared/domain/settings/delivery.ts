import * as v from 'valibot';
import { authorEnv } from './author.ts';
import { commonEnv, DEFAULT_NAME, senderEnv } from './common.ts';
import { positive } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';
import { socialEnv } from './social.ts';

/** Sunday delivery settings, shared by the dispatch and sender on AWS and by `npm start`. */
const deliveryEnv = v.object({
  ...senderEnv({ address: 'dimanche@newsletter.example.com', name: DEFAULT_NAME }),
  /** Where her notices go and what she reads, her mails and the studio alike; SCHEDULE is Sunday's send. */
  ...authorEnv,
  /** The zone her mails give dates and times in. */
  TIME_ZONE: commonEnv.TIME_ZONE,
  LIST_ID: v.optional(
    v.pipe(v.string(), v.regex(/^[^\r\n]*<[a-z0-9.-]+>$/i, 'LIST_ID must look like "Name <id.domain>"')),
    `${DEFAULT_NAME} <sunday.newsletter.example.com>`,
  ),
  SEND_DEADLINE: v.optional(
    v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'SEND_DEADLINE must be HH:MM')),
    '14:00',
  ),
  /** The day-before link check (issue 7), same form as SCHEDULE; Saturday 09:00 by default. */
  EVE_SCHEDULE: v.optional(v.pipe(v.string(), v.minLength(9)), '0 9 * * 6'),
  SEND_RATE: positive('SEND_RATE', '14'),
  MAX_SENDERS: positive('MAX_SENDERS', '2'),
  QUOTA_PAUSE_SECONDS: positive('QUOTA_PAUSE_SECONDS', '3600'),
  /** How long the campaign report waits for the social posts' outcomes after the last mail. */
  SOCIAL_REPORT_WAIT_SECONDS: positive('SOCIAL_REPORT_WAIT_SECONDS', '900'),
  /**
   * `npm start` only: its in-process queues' visibility timeout, also the ledger's claim lease and the social
   * worker's call lease, so how long after a crash a restart takes over (AWS sets its own, per function).
   */
  LOCAL_LEASE_SECONDS: positive('LOCAL_LEASE_SECONDS', '60'),
  SES_CONFIGURATION_SET: v.optional(v.string()),
  SOCIAL_NETWORKS: socialEnv.SOCIAL_NETWORKS,
});

export type DeliveryConfig = v.InferOutput<typeof deliveryEnv>;

export const loadDeliveryConfig = (env: Env): DeliveryConfig => parseEnv(deliveryEnv, env);
