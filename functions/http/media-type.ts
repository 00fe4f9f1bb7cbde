import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { unsupportedMediaType } from './problem.ts';

/** The body's media type, lower case, without its parameters. */
export const mediaTypeOf = (c: Context): string | undefined =>
  c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();

/** 415 before anything reads the body. */
export const requireJson = () =>
  createMiddleware(async (c, next) => {
    const type = mediaTypeOf(c);
    if (type !== 'application/json' && !type?.endsWith('+json'))
      throw unsupportedMediaType('Content-Type must be application/json', type, 'application/json');
    await next();
  });
