import type { FieldError } from '../../domain/field-error.ts';
import { parsePost } from '../../domain/posts/parse-post.ts';
import { type AcceptPostDeps, type AcceptPostResult, acceptPost } from '../accept-post.ts';

export type ReceivedPost =
  | { ok: false; error: 'invalid'; errors: FieldError[] }
  /** series and sundayField: what the answer names when the post is refused. */
  | (AcceptPostResult & { series: number; sundayField: string });

/** A signed post, in our shape or WordPress's, parsed and accepted as an issue (see acceptPost). */
export const receivePost = async (
  body: unknown,
  deps: AcceptPostDeps & { timeZone: string },
): Promise<ReceivedPost> => {
  const parsed = parsePost(body, { now: deps.clock.now(), timeZone: deps.timeZone });
  if (!parsed.ok) return { ok: false, error: 'invalid', errors: parsed.errors };
  const result = await acceptPost(parsed.content, deps);
  return { ...result, series: parsed.content.series, sundayField: parsed.sundayField };
};
