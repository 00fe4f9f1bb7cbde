export type LinkKey = { id: string; secret: string };

export type AppSecrets = {
  webhookSecrets: readonly string[];
  adminTokens: readonly string[];
  /** Sign the links in mails (unsubscribe, preferences, confirmation); the first signs, all verify. */
  linkKeys: readonly LinkKey[];
  /** Keys the subscriber id, a hash of the address: changing it would orphan every subscriber. */
  subscriberIdKey: string;
  /** The last segment of the WordPress.com webhook's URL (`/webhooks/wordpress/:token`); none: that route is off. */
  wordpressToken?: string | undefined;
};

/**
 * Where the secrets come from: read when a route first needs them, not at start, so a public page's cold start
 * does not wait for Secrets Manager. Each runtime caches its own.
 */
export type SecretsSource = () => Promise<AppSecrets>;
