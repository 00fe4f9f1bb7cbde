import { z } from 'zod';
import { httpsUrl, isoSunday, oneLine, trackInput } from './fields.ts';
import { hasUniquePositions } from './tracks.ts';

/** Our own webhook body: what a script or another CMS sends. */
export const ownPost = z.object({
  series: z.number().int().min(1).max(999_999_999),
  title: oneLine(200),
  subtitle: oneLine(300).optional(),
  story: z.string().min(1, 'must not be empty').max(200_000),
  tracks: z
    .array(trackInput)
    .min(1, 'must list at least one track')
    .max(100)
    .refine(hasUniquePositions, 'positions must be unique'),
  cover: z.object({ url: httpsUrl, alt: oneLine(300) }).optional(),
  language: z.enum(['fr', 'en']).default('fr'),
  sunday: isoSunday.optional(),
  sourceUrl: httpsUrl.optional(),
});

export type OwnPost = z.infer<typeof ownPost>;
