import { describe, expect, it } from 'vitest';
import { loadAwsApiConfig, loadAwsRenderConfig } from '../../../shared/domain/settings/aws-app.ts';
import { ConfigError } from '../../../shared/domain/settings/parse-env.ts';
import { loadLocalConfig } from '../../../shared/domain/settings/local.ts';

describe('configuration, read once at start', () => {
  it('fails fast naming every missing variable of the API function', () => {
    expect(() => loadAwsApiConfig({ PUBLIC_BASE_URL: 'https://n.example' })).toThrow(ConfigError);
    expect(() => loadAwsApiConfig({ PUBLIC_BASE_URL: 'https://n.example' })).toThrow(
      /TABLE_NAME is required.*RENDER_FUNCTION_NAME is required.*SECRETS_ARN is required.*AWS_REGION is required/,
    );
  });

  it('names a wrong value, not just a missing one', () => {
    const env = {
      PUBLIC_BASE_URL: 'not a url',
      TABLE_NAME: 't',
      POSTAL_ADDRESS: 'p',
      AWS_REGION: 'eu-west-3',
      TIME_ZONE: 'Europe/Lutece',
    };
    expect(() => loadAwsRenderConfig(env)).toThrow(
      /PUBLIC_BASE_URL: PUBLIC_BASE_URL must be a URL.*TIME_ZONE: TIME_ZONE must be an IANA zone/,
    );
  });

  it('applies defaults and types the values', () => {
    const config = loadLocalConfig({
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000/',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
      WEBHOOK_SECRETS: 'whsec_a, whsec_b',
      ADMIN_TOKENS: 'token',
      LINK_KEYS: 'k2:abcdefghijklmnopqrstuvwxyz0123456789,k1:0123456789abcdefghijklmnopqrstuvwxyz',
      SUBSCRIBER_ID_KEY: 's'.repeat(32),
      MAX_WEBHOOK_BYTES: '65536',
    });
    expect(config).toMatchObject({
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      TIME_ZONE: 'Europe/Paris',
      TABLE_NAME: 'dimanche',
      WEBHOOK_SECRETS: ['whsec_a', 'whsec_b'],
      MAX_WEBHOOK_BYTES: 65536,
      LOG_LEVEL: 'info',
      LINK_KEYS: [
        { id: 'k2', secret: 'abcdefghijklmnopqrstuvwxyz0123456789' },
        { id: 'k1', secret: '0123456789abcdefghijklmnopqrstuvwxyz' },
      ],
    });
  });

  it('refuses a body limit above what Lambda accepts', () => {
    expect(() =>
      loadLocalConfig({
        PUBLIC_BASE_URL: 'http://x',
        DYNAMODB_ENDPOINT: 'http://d',
        SES_ENDPOINT: 'http://s',
        WEBHOOK_SECRETS: 'w',
        ADMIN_TOKENS: 'a',
        LINK_KEYS: `k:${'x'.repeat(32)}`,
        SUBSCRIBER_ID_KEY: 's'.repeat(32),
        MAX_WEBHOOK_BYTES: String(7 * 1024 * 1024),
      }),
    ).toThrow(/MAX_WEBHOOK_BYTES must be at most 6 MiB/);
  });
});
