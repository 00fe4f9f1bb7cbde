import * as v from 'valibot';
import { blogEnv } from './blog-config.ts';
import { socialEnv } from './social-config.ts';

// A missing key would otherwise be reported as an "invalid key": default it to '' and say "required".
export const required = (name: string) =>
  v.pipe(v.optional(v.string(`${name} must be a string`), ''), v.minLength(1, `${name} is required`));

const withDefault = <T extends v.GenericSchema<string, unknown>>(schema: T, fallback: string) =>
  v.optional(schema, fallback);

/** Settings both runtimes share, from environment variables. */
export const commonEnv = {
  PUBLIC_BASE_URL: v.pipe(
    required('PUBLIC_BASE_URL'),
    v.url('PUBLIC_BASE_URL must be a URL'),
    v.transform((url) => url.replace(/\/+$/, '')),
  ),
  TIME_ZONE: withDefault(
    v.pipe(
      v.string(),
      v.check(
        (zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone),
        'TIME_ZONE must be an IANA zone such as Europe/Paris',
      ),
    ),
    'Europe/Paris',
  ),
  SERIES_NAME: withDefault(v.pipe(v.string(), v.minLength(1)), 'Online Sunday Morning Sound'),
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

/** Who the subscriber mails (the confirmation) come from. The name reaches a header: one line. */
export const senderEnv = (defaults: { address?: string; name?: string } = {}) => {
  const address = v.pipe(required('SENDER_ADDRESS'), v.email('SENDER_ADDRESS must be an email address'));
  const name = v.pipe(required('SENDER_NAME'), v.regex(/^[^\r\n]+$/, 'SENDER_NAME must be one line'));
  return {
    SENDER_ADDRESS: defaults.address ? v.optional(address, defaults.address) : address,
    SENDER_NAME: defaults.name ? v.optional(name, defaults.name) : name,
  };
};

export const secretList = (name: string) =>
  v.pipe(
    required(name),
    v.transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    v.minLength(1, `${name} needs at least one value`),
  );
