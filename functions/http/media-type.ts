import { createMiddleware } from 'hono/factory';
import { HttpProblem } from './problem.ts';

/** 415 before anything reads the body. */
export const requireJson = () =>
  createMiddleware(async (c, next) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json' && !type?.endsWith('+json')) {
      throw new HttpProblem(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `Content-Type must be application/json, got ${type ? `"${type}"` : 'none'}.`,
        { headers: { accept: 'application/json' } },
      );
    }
    await next();
  });
