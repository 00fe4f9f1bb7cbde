import * as v from 'valibot';
import { type IssueId, parseIssueId } from '../../domain/issue.ts';
import type { MusicMessage } from '../../ports/music-queue.ts';

const issueId = v.pipe(
  v.string(),
  v.check((id) => parseIssueId(id) !== undefined, 'not an issue id'),
  v.transform((id) => id as IssueId),
);

/** What the music queue may carry: the render step's messages, the worker's own delayed copies, the eve schedule. */
const musicMessage = v.variant('kind', [
  v.object({
    kind: v.literal('resolve'),
    issueId,
    url: v.pipe(v.string(), v.url()),
    attempt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  v.object({ kind: v.literal('check'), issueId: v.optional(issueId), reason: v.picklist(['ingest', 'eve']) }),
]);

/** A queue body, or why it is not one. An ingest check must name its issue; the eve's may not. */
export const parseMusicMessage = (
  body: string,
): { ok: true; message: MusicMessage } | { ok: false; error: string } => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = v.safeParse(musicMessage, json);
  if (!parsed.success) return { ok: false, error: v.summarize(parsed.issues) };
  const message = parsed.output;
  if (message.kind === 'resolve') {
    const { attempt, ...rest } = message;
    return { ok: true, message: attempt === undefined ? rest : { ...rest, attempt } };
  }
  if (message.issueId)
    return { ok: true, message: { kind: 'check', issueId: message.issueId, reason: message.reason } };
  if (message.reason === 'ingest') return { ok: false, error: 'an ingest check names its issue' };
  return { ok: true, message: { kind: 'check', reason: 'eve' } };
};
