import * as v from 'valibot';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Fails at cold start, naming every variable that is missing or wrong, not just the first. */
export const parseEnv = <T extends v.GenericSchema>(
  schema: T,
  env: Record<string, string | undefined>,
): v.InferOutput<T> => {
  const parsed = v.safeParse(schema, env);
  if (parsed.success) return parsed.output;
  const problems = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
};
