/** The app secret's entries that must hold something (infra/constructs/secrets.ts ships them empty). */
const APP_ENTRIES = ['webhookSecrets', 'adminTokens', 'linkKeys', 'subscriberIdKey'] as const;

const empty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * What is still empty: the app secret's entries, and an account for every network the issues are announced on
 * (the social secret is `{}` until the author connects them).
 */
export const emptySecretEntries = (
  appSecret: Record<string, unknown>,
  socialAccounts: Record<string, unknown>,
  networks: readonly string[],
): string[] => [
  ...APP_ENTRIES.filter((key) => empty(appSecret[key])),
  ...networks
    .filter((network) => empty(socialAccounts[network]))
    .map((network) => `social account ${network}`),
];
