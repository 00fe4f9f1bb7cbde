import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem } from './problem.ts';

/** An HTML form or a small JSON object (sign-up, preferences, test-send): a few hundred bytes in practice. */
export const FORM_MAX_BYTES = 16 * 1024;

/**
 * A subscriber CSV: ~70 bytes a row, so ~60,000 readers. On AWS a request reaches the function through Lambda's
 * 6 MB payload, which also holds the event around the body (base64 when API Gateway encodes it, 4/3 larger):
 * 4 MiB is what gets through either way. Split a larger list into several imports.
 */
export const CSV_IMPORT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * 413 for a body over `maxBytes`, whether it declares its length or streams it chunked: Hono's bodyLimit
 * counts the bytes as they arrive and stops reading, so later middleware and the handler never run.
 */
export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpProblem(
        413,
        'body-too-large',
        'The body is too large',
        `The request body must be at most ${maxBytes} bytes.`,
        {
          maxBytes,
        },
      );
    },
  });

/** A path prefix whose requests may carry a larger body than a form. */
export type BodyLimitRule = { readonly prefix: string; readonly maxBytes: number };

/**
 * The limit of every route that takes a body, in one place: each app (public, admin, and any added later) puts
 * `limitBodies(...)` first, so a new POST/PUT/PATCH route gets FORM_MAX_BYTES without doing anything, and
 * test/http/body-limits.test.ts walks every app's route table to prove it. A route opts into a larger body by
 * adding its path prefix to `bodyLimitRules` below, with the reason: a `limitBody` of the route's own runs after
 * this one, so it can only lower the limit, never raise it. The first matching prefix wins.
 */
export const bodyLimitRules = ({ maxWebhookBytes }: { maxWebhookBytes: number }): BodyLimitRule[] => [
  // The blog's posts (Standard Webhooks and WordPress.com's notifications): a whole post with its HTML.
  { prefix: '/webhooks/', maxBytes: maxWebhookBytes },
  // One past post, as the webhook takes it (`npm run import-archive`).
  { prefix: '/admin/archive/imports', maxBytes: maxWebhookBytes },
  // The admin's CSV import reads its body as a stream, row by row; the studio's takes the file in a form.
  { prefix: '/admin/subscribers/import', maxBytes: CSV_IMPORT_MAX_BYTES },
  { prefix: '/studio/subscribers/import', maxBytes: CSV_IMPORT_MAX_BYTES },
];

export const limitBodies = (settings: { maxWebhookBytes: number }): MiddlewareHandler => {
  const rules = bodyLimitRules(settings).map((rule) => ({ ...rule, limit: limitBody(rule.maxBytes) }));
  const forms = limitBody(FORM_MAX_BYTES);
  return async (c, next) => {
    // GET and HEAD carry no body in fetch's Request; every other method may.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const rule = rules.find(({ prefix }) => c.req.path.startsWith(prefix));
    return (rule?.limit ?? forms)(c, next);
  };
};
