import type { z } from 'zod';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import type { IssueContent } from '../../shared/domain/issue.ts';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';
import type { FieldError } from '../http/problem.ts';
import { type OwnPost, ownPost } from './own-post.ts';
import { toTracks } from './tracks.ts';
import { mapWordpressPost } from './wordpress-mapping.ts';
import { looksLikeWordpress, wordpressPost } from './wordpress-post.ts';

export type ParseContext = { now: Date; timeZone: string };
export type ParsedPost = { ok: true; content: IssueContent } | { ok: false; errors: FieldError[] };

/** Accepts our own shape or a WordPress post object; either way the result is one validated, sanitised issue. */
export const parsePost = (body: unknown, context: ParseContext): ParsedPost => {
  if (!looksLikeWordpress(body)) {
    const parsed = ownPost.safeParse(body);
    return parsed.success
      ? toContent(parsed.data, context)
      : { ok: false, errors: fieldErrors(parsed.error) };
  }
  const wp = wordpressPost.safeParse(body);
  if (!wp.success) return { ok: false, errors: fieldErrors(wp.error) };
  const mapped = mapWordpressPost(wp.data, context);
  if (!mapped.ok) return mapped;
  const parsed = ownPost.safeParse(mapped.value.candidate);
  if (parsed.success) return toContent(parsed.data, context);
  return { ok: false, errors: fieldErrors(parsed.error, mapped.value.pointers) };
};

const toContent = (post: OwnPost, context: ParseContext): ParsedPost => {
  const storyHtml = sanitiseStoryHtml(post.story);
  if (!storyHtml)
    return {
      ok: false,
      errors: [{ pointer: '/story', detail: 'has no text left once unsafe markup is removed' }],
    };
  return {
    ok: true,
    content: {
      series: post.series,
      title: post.title,
      ...(post.subtitle === undefined ? {} : { subtitle: post.subtitle }),
      storyHtml,
      tracks: toTracks(post.tracks),
      ...(post.cover === undefined ? {} : { cover: post.cover }),
      language: post.language,
      sunday: post.sunday ?? sundayOnOrAfter(context.now, context.timeZone),
      ...(post.sourceUrl === undefined ? {} : { sourceUrl: post.sourceUrl }),
    },
  };
};

/** Zod paths become JSON Pointers (RFC 6901); a mapped shape's fields point back at where they came from. */
const fieldErrors = (error: z.ZodError, pointers: Record<string, string> = {}): FieldError[] =>
  error.issues.map((issue) => {
    const [head, ...rest] = issue.path.map((segment) =>
      String(segment).replaceAll('~', '~0').replaceAll('/', '~1'),
    );
    const origin = head === undefined ? undefined : pointers[head];
    if (origin === undefined)
      return { pointer: `/${issue.path.length ? [head, ...rest].join('/') : ''}`, detail: issue.message };
    const fromMeta = origin.startsWith('/meta/');
    return fromMeta || rest.length === 0
      ? { pointer: [origin, ...rest].join('/'), detail: issue.message }
      : { pointer: origin, detail: `${[head, ...rest].join('/')}: ${issue.message}` };
  });
