import type { Context } from 'hono';
import { HttpProblem } from './problem.ts';

export type BodyKind = 'form' | 'json';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const bodyKindOf = (c: Context): BodyKind | undefined => {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
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
    const type = c.req.header('content-type');
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `Send an HTML form or application/json, got ${type ? `"${type}"` : 'no Content-Type'}.`,
      { headers: { accept: 'application/x-www-form-urlencoded, multipart/form-data, application/json' } },
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
