import * as v from 'valibot';
import { socialEnv } from './social-config.ts';
import { parseEnv } from './config-error.ts';

const positive = (name: string, fallback: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.check((n) => Number.isFinite(n) && n > 0, `${name} must be a positive number`),
    ),
    fallback,
  );

/** Sunday delivery settings, shared by the dispatch and sender on AWS and by `npm start`. */
const deliveryEnv = v.object({
  SENDER_ADDRESS: v.optional(
    v.pipe(v.string(), v.email('SENDER_ADDRESS must be an email address')),
    'dimanche@newsletter.example.com',
  ),
  SENDER_NAME: v.optional(v.pipe(v.string(), v.minLength(1)), 'Online Sunday Morning Sound'),
  AUTHOR_EMAIL: v.optional(
    v.pipe(v.string(), v.email('AUTHOR_EMAIL must be an email address')),
    'autrice@newsletter.example.com',
  ),
  /** What the author reads: her mails (and the studio). */
  AUTHOR_LANGUAGE: v.optional(v.picklist(['fr', 'en'], 'AUTHOR_LANGUAGE must be fr or en'), 'fr'),
  /** The zone her mails give dates and times in. */
  TIME_ZONE: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone),
        'TIME_ZONE must be an IANA zone such as Europe/Paris',
      ),
    ),
    'Europe/Paris',
  ),
  LIST_ID: v.optional(
    v.pipe(v.string(), v.regex(/^[^\r\n]*<[a-z0-9.-]+>$/i, 'LIST_ID must look like "Name <id.domain>"')),
    'Online Sunday Morning Sound <sunday.newsletter.example.com>',
  ),
  SEND_DEADLINE: v.optional(
    v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'SEND_DEADLINE must be HH:MM')),
    '14:00',
  ),
  /** Cron (minute hour day-of-month month day-of-week) in TIME_ZONE; Sunday 09:00 by default. */
  SCHEDULE: v.optional(v.pipe(v.string(), v.minLength(9)), '0 9 * * 0'),
  /** The day-before link check (issue 7), same form; Saturday 09:00 by default. */
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

export const loadDeliveryConfig = (env: Record<string, string | undefined>): DeliveryConfig =>
  parseEnv(deliveryEnv, env);
