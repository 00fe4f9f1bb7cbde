/** The address she pastes into WordPress.com's webhook settings; the token is its secret part. */
export const wordpressWebhookUrlFor = (publicBaseUrl: string, token: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}/webhooks/wordpress/${encodeURIComponent(token)}`;

/**
 * For the studio's settings page and `npm start`'s banner: the full WordPress.com webhook URL, or undefined
 * when no token is set (the route then answers 404 to everything).
 */
export const wordpressWebhookUrl = async (settings: {
  publicBaseUrl: string;
  secrets: () => Promise<{ wordpressToken?: string | undefined }>;
}): Promise<string | undefined> => {
  const { wordpressToken } = await settings.secrets();
  return wordpressToken ? wordpressWebhookUrlFor(settings.publicBaseUrl, wordpressToken) : undefined;
};
