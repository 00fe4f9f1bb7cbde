import * as v from 'valibot';

/** The JSON kept in Secrets Manager: never in environment variables, where the console shows it. */
export const appSecrets = v.object({
  webhookSecrets: v.pipe(
    v.array(v.pipe(v.string(), v.startsWith('whsec_', 'must start with whsec_'))),
    v.minLength(1, 'needs at least one secret'),
  ),
  linkKeys: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1 to 32 letters, digits, _ or -')),
        secret: v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters')),
      }),
    ),
    v.minLength(1, 'needs at least one key'),
  ),
  subscriberIdKey: v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters')),
  adminTokens: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(24, 'must be at least 24 characters'))),
    v.minLength(1, 'needs at least one token'),
  ),
  /** The WordPress.com webhook URL's secret segment; absent, that route answers 404. */
  wordpressToken: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{32,}$/, 'must be 32 or more letters, digits, _ or -')),
  ),
});
