import * as v from 'valibot';
import { httpsUrl, isoSunday, language, wholeNumber } from './fields.ts';
import { trackList } from './own-post.ts';
import { socialText } from './social-text.ts';

const rendered = v.object({ rendered: v.string('must be a string') });

/**
 * A WordPress REST API post object (`/wp-json/wp/v2/posts/:id?_embed`), as a webhook plugin sends it.
 * The playlist comes from the `dimanche_tracks` post meta when registered, else from the post's last <ol>.
 */
export const wordpressPost = v.object({
  id: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  date: v.pipe(v.string('must be a date'), v.minLength(1, 'must be a date')),
  date_gmt: v.optional(v.string()),
  link: httpsUrl,
  title: rendered,
  content: rendered,
  excerpt: v.optional(rendered),
  jetpack_featured_media_url: v.optional(v.union([httpsUrl, v.literal('')], 'must be an https URL or empty')),
  _embedded: v.optional(
    v.object({
      'wp:featuredmedia': v.optional(
        v.array(v.object({ source_url: httpsUrl, alt_text: v.optional(v.string()) })),
      ),
    }),
  ),
  meta: v.optional(
    v.object({
      dimanche_series: v.optional(wholeNumber(1, 999_999_999)),
      dimanche_sunday: v.optional(isoSunday),
      dimanche_language: v.optional(language),
      dimanche_tracks: v.optional(trackList),
      dimanche_social: v.optional(socialText),
    }),
  ),
});

export type WordpressPost = v.InferOutput<typeof wordpressPost>;

export const looksLikeWordpress = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'object';
