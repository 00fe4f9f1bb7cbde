import type { Context } from 'hono';
import { mediaTypeOf } from './media-type.ts';
import { HttpProblem, unsupportedMediaType } from './problem.ts';

export type BodyKind = 'form' | 'json';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const bodyKindOf = (c: Context): BodyKind | undefined => {
  const type = mediaTypeOf(c) ?? '';
  if (FORM_TYPES.includes(type)) return 'form';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  return undefined;
};

/** An HTML form or a JSON object, as plain fields; 415 for any other body, 400 for JSON that is not an object. */
export const readFormOrJson = async (
  c: Context,
): Promise<{ kind: BodyKind; fields: Record<string, unknown> }> => {
  const kind = bodyKindOf(c);
  if (!kind) {
    throw unsupportedMediaType(
      'Send an HTML form or application/json',
      c.req.header('content-type'),
      'application/x-www-form-urlencoded, multipart/form-data, application/json',
      'no Content-Type',
    );
  }
  if (kind === 'form') return { kind, fields: await c.req.parseBody() };
  let fields: unknown;
  try {
    fields = await c.req.json();
  } catch {
    fields = undefined;
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw new HttpProblem(400, 'malformed-json', 'The body is not a JSON object', 'Send one JSON object.');
  return { kind, fields: fields as Record<string, unknown> };
};
