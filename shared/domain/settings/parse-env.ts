import * as v from 'valibot';

/** What a runtime hands a loader: its environment variables (the edge reads them, never the domain). */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Fails at cold start, naming every variable that is missing or wrong, not just the first. */
export const parseEnv = <T extends v.GenericSchema>(schema: T, env: Env): v.InferOutput<T> => {
  const parsed = v.safeParse(schema, env);
  if (parsed.success) return parsed.output;
  const problems = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
};
