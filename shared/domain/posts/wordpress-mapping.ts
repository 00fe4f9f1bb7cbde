import { sundayOnOrAfter } from '../calendar.ts';
import { htmlToText } from '../story-html.ts';
import { teaser } from '../teaser.ts';
import type { FieldError } from '../field-error.ts';
import type { TrackInput } from './fields.ts';
import { cleanBlogPost } from './blog-cleanup.ts';
import { titleAfterSeries, withoutDecorations } from './series-title.ts';
import type { WordpressPost } from './wordpress-post.ts';

export type MappedWordpressPost = { candidate: Record<string, unknown>; pointers: Record<string, string> };

/** Where each of our fields came from in the WordPress object, so a 422 names the field she can fix. */
const POINTERS = {
  series: '/title/rendered',
  title: '/title/rendered',
  subtitle: '/excerpt/rendered',
  story: '/content/rendered',
  cover: '/_embedded/wp:featuredmedia',
  sunday: '/date',
  sourceUrl: '/link',
  socialText: '/meta/dimanche_social',
  playlistUrl: '/content/rendered',
};

export const mapWordpressPost = (
  wp: WordpressPost,
  context: { now: Date; timeZone: string },
): { ok: true; value: MappedWordpressPost } | { ok: false; errors: FieldError[] } => {
  // `°°°…°°°` and the like frame the title on the blog; they never reach a subject, a slug or a post.
  const fullTitle = withoutDecorations(htmlToText(wp.title.rendered).trim());
  const series = wp.meta?.dimanche_series ?? seriesInTitle(fullTitle);
  if (series === undefined) {
    return {
      ok: false,
      errors: [
        {
          pointer: '/title/rendered',
          detail: 'has no series number such as "#34" (or set meta.dimanche_series)',
        },
      ],
    };
  }
  const afterSeries = titleAfterSeries(fullTitle);
  const cleaned = cleanBlogPost(wp.content.rendered, {
    tracks: !wp.meta?.dimanche_tracks,
    // A title that only names the series ("Sunday Morning Sound #34"): the post's opening heading is its title.
    headline: afterSeries === undefined,
  });
  const tracks = (wp.meta?.dimanche_tracks as TrackInput[] | undefined) ?? cleaned.tracks;
  if (!tracks) {
    return {
      ok: false,
      errors: [
        {
          pointer: '/content/rendered',
          detail: 'has no playlist: an <ol> of "Artist – Title" links (or set meta.dimanche_tracks)',
        },
      ],
    };
  }
  const published = new Date(wp.date_gmt ? `${wp.date_gmt}Z` : wp.date);
  const cover = coverOf(wp, fullTitle);
  const language = wp.meta?.dimanche_language ?? 'fr';
  const candidate = {
    series,
    title: afterSeries ?? cleaned.headline ?? fullTitle,
    // Kept only if it is not the story's own opening: parsePost applies `ledeOf` to every shape.
    subtitle: wp.excerpt ? excerptText(wp.excerpt.rendered, cleaned.headline, language) : undefined,
    story: cleaned.storyHtml,
    tracks,
    playlistUrl: cleaned.playlist?.url,
    cover,
    language,
    sunday:
      wp.meta?.dimanche_sunday ??
      (Number.isNaN(published.getTime()) ? undefined : sundayOnOrAfter(published, context.timeZone)),
    sourceUrl: wp.link,
    socialText: wp.meta?.dimanche_social,
  };
  const pointers = {
    ...POINTERS,
    tracks: wp.meta?.dimanche_tracks ? '/meta/dimanche_tracks' : '/content/rendered',
  };
  return { ok: true, value: { candidate, pointers } };
};

const seriesInTitle = (title: string): number | undefined => {
  const match = /#\s?(\d{1,9})\b/.exec(title);
  return match ? Number(match[1]) : undefined;
};

/**
 * WordPress excerpts end with "[…]" or a "read more" link, carry the host's widgets, and an automatic one
 * starts with the post's opening heading: one line of her words, at most 300 characters (the field's limit,
 * in UTF-16 units), cut after a sentence or a word.
 */
const excerptText = (html: string, headline: string | undefined, language: string): string | undefined => {
  const words = htmlToText(cleanBlogPost(html, { tracks: false, headline: false }).storyHtml)
    .replace(/\s+/g, ' ')
    .replace(/\s*\[(…|&hellip;|\.\.\.)\]\s*$/, '')
    .trim();
  const text = headline && words.startsWith(headline) ? words.slice(headline.length).trim() : words;
  return text ? teaser(text, 300, language, (s) => s.length) : undefined;
};

const coverOf = (wp: WordpressPost, title: string) => {
  const media = wp._embedded?.['wp:featuredmedia']?.[0];
  if (media) return { url: media.source_url, alt: media.alt_text?.trim() || title };
  if (wp.jetpack_featured_media_url) return { url: wp.jetpack_featured_media_url, alt: title };
  return undefined;
};
