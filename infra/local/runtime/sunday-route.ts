import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { invalidFields, problemResponse } from '../../../functions/http/problem.ts';
import type { createLocalDelivery } from './local-delivery.ts';

type Delivery = Pick<ReturnType<typeof createLocalDelivery>, 'dispatch' | 'issues' | 'queue'>;

/**
 * `POST /local/sunday`, what `npm run sunday` asks: a dry run, or a dispatch now of the coming Sunday's issue
 * or of issue N (`issue`). The dispatch names its issue in its answer; a sent, started or held one is refused
 * by the use case, whatever the day.
 */
export const localSundayRoute = (
  delivery: Delivery,
  adminTokens: readonly string[],
  nextRuns: () => string[],
) =>
  new Hono().post('/local/sunday', bearerAuth({ token: [...adminTokens] }), async (c) => {
    const dryRun = c.req.query('dryRun') === '1';
    const asked = c.req.query('issue');
    const series = asked === undefined ? undefined : Number(asked);
    if (series !== undefined && !(Number.isInteger(series) && series > 0))
      return problemResponse(
        invalidFields([{ pointer: '/issue', detail: 'must be an issue number, such as 34' }]).problem,
      );
    const result = await delivery.dispatch({ dryRun, manual: true, ...(series ? { series } : {}) });
    // Nothing to send: which issues there are, so the person who asked can pick one.
    const known =
      result.kind === 'no_issue' || result.kind === 'unknown_issue'
        ? (await delivery.issues.pageBySunday({ limit: 20 })).map(({ series, title, sunday, status }) => ({
            series,
            title,
            sunday,
            status,
          }))
        : undefined;
    return c.json({
      result,
      nextRuns: nextRuns(),
      queued: delivery.queue.size(),
      ...(known ? { issues: known } : {}),
    });
  });
