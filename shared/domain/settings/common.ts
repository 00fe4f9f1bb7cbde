import * as v from 'valibot';
import { blogEnv } from './blog.ts';
import { required, requiredUrl } from './fields.ts';
import { socialEnv } from './social.ts';

/** The series' name, and the sender's where none is set. */
export const DEFAULT_NAME = 'Online Sunday Morning Sound';

/** Settings both runtimes share, from environment variables. */
export const commonEnv = {
  PUBLIC_BASE_URL: v.pipe(
    requiredUrl('PUBLIC_BASE_URL'),
    v.transform((url) => url.replace(/\/+$/, '')),
  ),
  /** The zone dates and times are given in: the Sunday, the mails, the studio. */
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
  SERIES_NAME: v.optional(v.pipe(v.string(), v.minLength(1)), DEFAULT_NAME),
  LOG_LEVEL: v.optional(
    v.picklist(['info', 'warn', 'error', 'silent'], 'LOG_LEVEL must be info, warn, error or silent'),
    'info',
  ),
  DEFAULT_LANGUAGE: v.optional(v.picklist(['fr', 'en'], 'DEFAULT_LANGUAGE must be fr or en'), 'fr'),
  MAX_WEBHOOK_BYTES: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.integer('MAX_WEBHOOK_BYTES must be a whole number'),
      v.minValue(1024, 'MAX_WEBHOOK_BYTES must be at least 1024'),
      v.maxValue(6 * 1024 * 1024, 'MAX_WEBHOOK_BYTES must be at most 6 MiB (the Lambda payload limit)'),
    ),
    String(512 * 1024),
  ),
  ...socialEnv,
  ...blogEnv,
};

/** Who the mails come from. The name reaches a header: one line. */
export const senderEnv = (defaults: { address?: string; name?: string } = {}) => {
  const address = v.pipe(required('SENDER_ADDRESS'), v.email('SENDER_ADDRESS must be an email address'));
  const name = v.pipe(required('SENDER_NAME'), v.regex(/^[^\r\n]+$/, 'SENDER_NAME must be one line'));
  return {
    SENDER_ADDRESS: defaults.address ? v.optional(address, defaults.address) : address,
    SENDER_NAME: defaults.name ? v.optional(name, defaults.name) : name,
  };
};
