import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { htmlToText } from '../../shared/domain/story-html.ts';
import type { FieldError } from '../http/problem.ts';
import type { TrackInput } from './fields.ts';
import { splitPlaylistFromHtml } from './playlist-in-html.ts';
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
};

export const mapWordpressPost = (
  wp: WordpressPost,
  context: { now: Date; timeZone: string },
): { ok: true; value: MappedWordpressPost } | { ok: false; errors: FieldError[] } => {
  const fullTitle = htmlToText(wp.title.rendered).trim();
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
  const playlist = wp.meta?.dimanche_tracks
    ? { storyHtml: wp.content.rendered, tracks: wp.meta.dimanche_tracks as TrackInput[] }
    : splitPlaylistFromHtml(wp.content.rendered);
  if (!playlist) {
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
  const cover = coverOf(wp);
  const candidate = {
    series,
    title: titleAfterSeries(fullTitle),
    subtitle: wp.excerpt ? excerptText(wp.excerpt.rendered) : undefined,
    story: playlist.storyHtml,
    tracks: playlist.tracks,
    cover,
    language: wp.meta?.dimanche_language ?? 'fr',
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

/** "Online Sunday Morning Sound #34 — Chambre en Provence" → "Chambre en Provence"; a title with no part after the number stays whole. */
const titleAfterSeries = (title: string): string => {
  const match = /#\s?\d+\s*[—–:|-]\s*(.+)$/.exec(title);
  return match?.[1]?.trim() || title;
};

/** WordPress excerpts end with "[…]" or a "read more" link: one line, no ellipsis marker, at most 300 characters. */
const excerptText = (html: string): string | undefined => {
  const text = htmlToText(html)
    .replace(/\s+/g, ' ')
    .replace(/\s*\[(…|&hellip;|\.\.\.)\]\s*$/, '')
    .trim();
  if (!text) return undefined;
  if (text.length <= 300) return text;
  const cut = text.slice(0, 299);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200))}…`;
};

const coverOf = (wp: WordpressPost) => {
  const media = wp._embedded?.['wp:featuredmedia']?.[0];
  if (media)
    return { url: media.source_url, alt: media.alt_text?.trim() || htmlToText(wp.title.rendered).trim() };
  if (wp.jetpack_featured_media_url)
    return { url: wp.jetpack_featured_media_url, alt: htmlToText(wp.title.rendered).trim() };
  return undefined;
};
