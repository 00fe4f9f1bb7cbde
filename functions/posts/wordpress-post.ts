import { z } from 'zod';
import { httpsUrl, isoSunday, trackInput } from './fields.ts';
import { hasUniquePositions } from './tracks.ts';

const rendered = z.object({ rendered: z.string() });

/**
 * A WordPress REST API post object (`/wp-json/wp/v2/posts/:id?_embed`), as a webhook plugin sends it.
 * The playlist comes from the `dimanche_tracks` post meta when registered, else from the post's last <ol>.
 */
export const wordpressPost = z.object({
  id: z.number().int(),
  date: z.string().min(1),
  date_gmt: z.string().optional(),
  link: httpsUrl,
  title: rendered,
  content: rendered,
  excerpt: rendered.optional(),
  jetpack_featured_media_url: z.union([httpsUrl, z.literal('')]).optional(),
  _embedded: z
    .object({
      'wp:featuredmedia': z
        .array(z.object({ source_url: httpsUrl, alt_text: z.string().optional() }))
        .optional(),
    })
    .optional(),
  meta: z
    .object({
      dimanche_series: z.number().int().min(1).optional(),
      dimanche_sunday: isoSunday.optional(),
      dimanche_language: z.enum(['fr', 'en']).optional(),
      dimanche_tracks: z
        .array(trackInput)
        .min(1)
        .max(100)
        .refine(hasUniquePositions, 'positions must be unique')
        .optional(),
    })
    .optional(),
});

export type WordpressPost = z.infer<typeof wordpressPost>;

export const looksLikeWordpress = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'object';
