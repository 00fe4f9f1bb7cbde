import { z } from 'zod';

const required = (name: string) => z.string({ error: `${name} is required` }).min(1, `${name} is required`);

/** Settings both runtimes share, from environment variables. */
export const commonEnv = z.object({
  PUBLIC_BASE_URL: z
    .url({ error: 'PUBLIC_BASE_URL must be a URL' })
    .transform((url) => url.replace(/\/+$/, '')),
  TIME_ZONE: z
    .string()
    .default('Europe/Paris')
    .refine(
      (zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC',
      'TIME_ZONE must be an IANA zone',
    ),
  SERIES_NAME: z.string().min(1).default('Online Sunday Morning Sound'),
  LOG_LEVEL: z.enum(['info', 'warn', 'error', 'silent']).default('info'),
  MAX_WEBHOOK_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(6 * 1024 * 1024)
    .default(512 * 1024),
});

export const secretList = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0, `${name} needs at least one value`);

export { required };
