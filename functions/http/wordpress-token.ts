import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { SecretsSource } from '../../shared/ports/secrets.ts';
import { notFoundResponse } from './problem.ts';

/**
 * WordPress.com's webhooks are unsigned: the secret is the URL's last segment, compared in constant time.
 * A wrong or missing token answers exactly what an unknown path answers, so the URL cannot be probed, and
 * costs nothing else: no body read, no fetch, no write.
 */
export const wordpressToken =
  (secrets: SecretsSource): MiddlewareHandler =>
  async (c, next) => {
    const known = (await secrets()).wordpressToken;
    const given = c.req.param('token') ?? '';
    if (!known || !(await timingSafeEqual(known, given))) return notFoundResponse();
    await next();
  };
