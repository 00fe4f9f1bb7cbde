import * as v from 'valibot';
import { ledeOf } from '../lede.ts';
import { sanitiseStoryHtml } from '../story-html.ts';
import type { FieldError } from '../field-error.ts';
import { type OwnPost, ownPost } from './own-post.ts';
import type { PostContent } from './post-content.ts';
import { toTracks } from './tracks.ts';
import { mapWordpressPost } from './wordpress-mapping.ts';
import { looksLikeWordpress, wordpressPost } from './wordpress-post.ts';

export type ParseContext = { now: Date; timeZone: string };
export type ParsedPost =
  /** sundayField: where the Sunday came from in the body, to name it if the date is refused. */
  { ok: true; content: PostContent; sundayField: string } | { ok: false; errors: FieldError[] };

/** Accepts our own shape or a WordPress post object; either way the result is one validated, sanitised issue. */
export const parsePost = (body: unknown, context: ParseContext): ParsedPost => {
  if (!looksLikeWordpress(body)) {
    const parsed = v.safeParse(ownPost, body);
    return parsed.success
      ? toContent(parsed.output, '/sunday')
      : { ok: false, errors: fieldErrors(parsed.issues) };
  }
  const wp = v.safeParse(wordpressPost, body);
  if (!wp.success) return { ok: false, errors: fieldErrors(wp.issues) };
  const mapped = mapWordpressPost(wp.output, context);
  if (!mapped.ok) return mapped;
  const parsed = v.safeParse(ownPost, mapped.value.candidate);
  if (parsed.success) return toContent(parsed.output, mapped.value.pointers['sunday'] ?? '/date');
  return { ok: false, errors: fieldErrors(parsed.issues, mapped.value.pointers) };
};

const toContent = (post: OwnPost, sundayField: string): ParsedPost => {
  const storyHtml = sanitiseStoryHtml(post.story);
  if (!storyHtml)
    return {
      ok: false,
      errors: [{ pointer: '/story', detail: 'has no text left once unsafe markup is removed' }],
    };
  // An excerpt that is the story's opening (WordPress's automatic one) would print it twice: no lede then.
  const subtitle = ledeOf({ storyHtml, ...(post.subtitle === undefined ? {} : { subtitle: post.subtitle }) });
  return {
    ok: true,
    sundayField,
    content: {
      series: post.series,
      title: post.title,
      ...(subtitle === undefined ? {} : { subtitle }),
      storyHtml,
      tracks: toTracks(post.tracks),
      ...(post.cover === undefined ? {} : { cover: post.cover }),
      language: post.language,
      // None given: the issue keeps its Sunday, or a new one takes the next free Sunday (see acceptPost).
      ...(post.sunday === undefined ? {} : { sunday: post.sunday }),
      ...(post.sourceUrl === undefined ? {} : { sourceUrl: post.sourceUrl }),
      ...(post.socialText === undefined ? {} : { socialText: post.socialText }),
      ...(post.playlistUrl === undefined ? {} : { playlistUrl: post.playlistUrl }),
    },
  };
};

/** Validation paths become JSON Pointers (RFC 6901); a mapped shape's fields point back at where they came from. */
const fieldErrors = (
  issues: readonly v.BaseIssue<unknown>[],
  pointers: Record<string, string> = {},
): FieldError[] =>
  unique(
    issues.map((issue) => {
      const path = (issue.path ?? []).map((item) => String(item.key));
      const [head, ...rest] = path.map((segment) =>
        String(segment).replaceAll('~', '~0').replaceAll('/', '~1'),
      );
      const origin = head === undefined ? undefined : pointers[head];
      if (origin === undefined)
        return { pointer: `/${path.length ? [head, ...rest].join('/') : ''}`, detail: issue.message };
      const fromMeta = origin.startsWith('/meta/');
      return fromMeta || rest.length === 0
        ? { pointer: [origin, ...rest].join('/'), detail: issue.message }
        : { pointer: origin, detail: `${[head, ...rest].join('/')}: ${issue.message}` };
    }),
  );

/** One check may report the same field twice (not a URL, so not an https URL): say it once. */
const unique = (errors: FieldError[]): FieldError[] =>
  errors.filter((e, i) => errors.findIndex((o) => o.pointer === e.pointer && o.detail === e.detail) === i);
