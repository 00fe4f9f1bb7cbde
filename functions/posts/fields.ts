import { z } from 'zod';

/** Anything that can end up in a mail header (subject, names) must be one line: CR/LF would inject headers. */
export const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\r\n\u2028\u2029]/.test(value), 'must not contain line breaks');

export const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(2048);

export const isoSunday = z.iso
  .date({ error: 'must be a date YYYY-MM-DD' })
  .refine((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0, 'must be a Sunday');

/** "3:45" or seconds. */
export const duration = z.union([
  z
    .number()
    .int()
    .min(1)
    .max(24 * 3600),
  z
    .string()
    .regex(/^\d{1,3}:[0-5]\d$/, 'must be m:ss or a number of seconds')
    .transform((value) => {
      const [minutes = 0, seconds = 0] = value.split(':').map(Number);
      return minutes * 60 + seconds;
    }),
]);

export const trackInput = z.object({
  position: z.number().int().min(1).max(500).optional(),
  artist: oneLine(200),
  title: oneLine(300),
  url: httpsUrl,
  album: oneLine(300).optional(),
  duration: duration.optional(),
  cover: httpsUrl.optional(),
});

export type TrackInput = z.infer<typeof trackInput>;
