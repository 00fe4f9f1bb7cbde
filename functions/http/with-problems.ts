import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from '../app-deps.ts';
import { InvalidCursorError } from '../../shared/domain/invalid-cursor.ts';
import { HttpProblem, invalidFields, notFoundResponse, problemResponse } from './problem.ts';

/** RFC 9457 problem+json for every error and unknown route, whatever the app. */
export const withProblems = <T extends Hono>(app: T, deps: Pick<AppDeps, 'logger'>): T => {
  app.notFound(notFoundResponse);
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error.problem, error.headers);
    if (error instanceof InvalidCursorError)
      return problemResponse(
        invalidFields([{ pointer: '/cursor', detail: 'must be a cursor from a previous page' }]).problem,
      );
    if (error instanceof HTTPException) {
      const challenge = error.getResponse().headers.get('www-authenticate');
      return problemResponse(
        {
          type: 'about:blank',
          title: error.status === 401 ? 'Unauthorized' : 'Error',
          status: error.status,
          detail: error.message || 'Request refused.',
        },
        challenge ? { 'www-authenticate': challenge } : {},
      );
    }
    deps.logger.error('unhandled error', { error, method: c.req.method, path: c.req.path });
    return problemResponse({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something failed on our side; it was logged.',
    });
  });
  return app;
};
