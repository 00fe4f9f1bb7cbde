import { type AcceptPostDeps, type AcceptPostResult, acceptPost } from '../accept-post.ts';
import type { FieldError } from '../../domain/field-error.ts';
import { parsePost } from '../../domain/posts/parse-post.ts';

export type IgnoredReason = 'not_a_series_post' | 'sunday_long_past' | 'already_sent' | 'no_free_sunday';

export type BlogPostOutcome =
  | { kind: 'accepted'; result: Extract<AcceptPostResult, { ok: true }> }
  | { kind: 'ignored'; reason: IgnoredReason; series?: number }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'conflict'; series: number };

/** The mapping's refusal of a title with no "#34": a post of her blog that is not an issue. */
const NOT_A_SERIES_POST = '/title/rendered';

/**
 * A post her blog published (a WordPress REST post, fetched from the blog itself) through the same mapping
 * and use case as the signed webhook. What the blog announces but is not for the readers is acknowledged and
 * left alone: another kind of post, an edit of an issue already sent, a Sunday long gone (back issues come in
 * by `npm run import-archive`, never as a new send).
 */
export const takeBlogPost = async (
  post: unknown,
  deps: AcceptPostDeps & { timeZone: string },
): Promise<BlogPostOutcome> => {
  const parsed = parsePost(post, { now: deps.clock.now(), timeZone: deps.timeZone });
  if (!parsed.ok) {
    const notSeries = parsed.errors.some(
      (error) => error.pointer === NOT_A_SERIES_POST && error.detail.includes('series number'),
    );
    return notSeries
      ? { kind: 'ignored', reason: 'not_a_series_post' }
      : { kind: 'invalid', errors: parsed.errors };
  }
  const { series } = parsed.content;
  const result = await acceptPost(parsed.content, deps);
  if (result.ok) return { kind: 'accepted', result };
  if (result.error === 'revision_conflict') return { kind: 'conflict', series };
  return { kind: 'ignored', reason: result.error, series };
};
