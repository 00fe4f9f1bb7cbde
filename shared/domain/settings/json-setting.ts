import * as v from 'valibot';
import { ConfigError } from './parse-env.ts';

/**
 * A setting held as a JSON document (a secret, a file), checked by its schema: not JSON, or each field that is
 * wrong named by its path, as one ConfigError saying where it came from. `hint` ends the message (what is valid).
 */
export const parseJsonSetting = <Schema extends v.GenericSchema>(
  source: string,
  raw: string,
  schema: Schema,
  hint = '',
): v.InferOutput<Schema> => {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${source} is not JSON`);
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(document)'}: ${issue.message}`);
    throw new ConfigError(`${source} is invalid: ${problems.join('; ')}${hint}`);
  }
  return parsed.output;
};
