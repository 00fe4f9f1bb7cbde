import type { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Fails at cold start, naming every variable that is missing or wrong, not just the first. */
export const parseEnv = <T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
): z.infer<T> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
};
