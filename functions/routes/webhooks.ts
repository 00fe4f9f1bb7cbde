import { Hono } from 'hono';
import { describeWarning } from '../../shared/domain/music/describe-warning.ts';
import { LONG_PAST_DAYS } from '../../shared/domain/post-sunday.ts';
import { sundayNotes } from '../../shared/usecases/posts/sunday-notes.ts';
import type { PublicDeps } from '../app-deps.ts';
import { idempotentWebhook } from '../http/idempotent-webhook.ts';
import { limitBody } from '../http/limit-body.ts';
import { requireJson } from '../http/media-type.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { verifyWebhook, type WebhookEnv } from '../http/verify-webhook.ts';
import { revisionConflict, storedIssueAnswer } from './post-answer.ts';

export const webhookRoutes = (deps: PublicDeps) => {
  const { settings, clock } = deps;
  return new Hono<WebhookEnv>().post(
    '/posts',
    requireJson(),
    limitBody(settings.maxWebhookBytes),
    verifyWebhook({ secrets: async () => (await settings.secrets()).webhookSecrets }),
    idempotentWebhook({ receipts: deps.receipts, clock }),
    async (c) => {
      // Loaded on the first post only: the HTML parser and sanitiser would slow every other cold start.
      const { receivePost } = await import('../../shared/usecases/posts/receive-post.ts');
      const result = await receivePost(c.get('webhook').body, {
        store: deps.issues,
        renderTrigger: deps.renderTrigger,
        clock,
        timeZone: settings.timeZone,
      });
      if (!result.ok && result.error === 'invalid') throw invalidFields(result.errors);
      if (!result.ok && result.error === 'sunday_long_past')
        throw longPastSunday(result.sundayField, result.sunday);
      if (!result.ok && result.error === 'already_sent') {
        throw new HttpProblem(
          409,
          'issue-already-sent',
          'This issue has already gone out',
          `Issue #${result.series} is ${result.issue.status}; it can no longer change.`,
          {
            issueId: result.issue.id,
          },
        );
      }
      if (!result.ok && result.error === 'no_free_sunday')
        throw new HttpProblem(
          409,
          'no-free-sunday',
          'No free Sunday',
          `Every Sunday of the coming year already has an issue; issue #${result.series} was not stored.`,
        );
      if (!result.ok) throw revisionConflict(result.series, 'send it again');
      const { issue, outcome, warnings } = result;
      deps.logger.info('post accepted', {
        issueId: issue.id,
        revision: issue.revision,
        outcome,
        status: issue.status,
      });
      return c.json(
        {
          ...storedIssueAnswer(issue, outcome, settings.publicBaseUrl, sundayNotes(result, outcome)),
          // Found on receipt (a track featured before); link checks come later, by mail and in the preview.
          warnings: warnings.map((warning) => ({
            ...warning,
            message: describeWarning(warning, issue.tracks),
          })),
        },
        outcome === 'created' ? 201 : 200,
      );
    },
  );
};

/** A post dated more than a week back would be a back issue, and back issues are not mailed again. */
const longPastSunday = (pointer: string, sunday: string): HttpProblem =>
  new HttpProblem(
    422,
    'sunday-long-past',
    "The issue's Sunday is long past",
    `${pointer}: ${sunday} is more than ${LONG_PAST_DAYS} days ago. A new issue goes out on a coming Sunday; ` +
      'to put back issues in the archive (no mail, no social posts), use `npm run import-archive`, ' +
      'or leave the date out to send it on the next free Sunday.',
    { errors: [{ pointer, detail: `${sunday} is more than ${LONG_PAST_DAYS} days in the past` }], sunday },
  );
