import { describe, expect, it } from 'vitest';
import { wordpressWebhookUrl } from '../../../shared/domain/settings/wordpress-webhook-url.ts';

const secrets = (wordpressToken?: string) => async () => ({
  webhookSecrets: [],
  adminTokens: [],
  linkKeys: [],
  subscriberIdKey: 'k'.repeat(32),
  ...(wordpressToken ? { wordpressToken } : {}),
});

describe('the WordPress.com webhook URL the studio shows', () => {
  it('is the public base URL, the route and the token', async () => {
    const url = await wordpressWebhookUrl({
      publicBaseUrl: 'https://newsletter.example.org/',
      secrets: secrets('abc_DEF-0123456789abcdefghijklmnopqrstu'),
    });
    expect(url).toBe(
      'https://newsletter.example.org/webhooks/wordpress/abc_DEF-0123456789abcdefghijklmnopqrstu',
    );
  });

  it('is undefined with no token set (the route answers 404)', async () => {
    expect(
      await wordpressWebhookUrl({ publicBaseUrl: 'https://n.example', secrets: secrets() }),
    ).toBeUndefined();
  });
});
