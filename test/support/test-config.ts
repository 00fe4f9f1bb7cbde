import { inject } from 'vitest';
import { loadLocalConfig } from '../../shared/domain/settings/local.ts';
import { ADMIN_TOKEN, LINK_KEY, SUBSCRIBER_ID_KEY, TEST_SECRET } from './signed-request.ts';

/**
 * `npm start`'s settings for a test: the run's dynalite and SES stand-ins, a table of its own, the test
 * secrets the signed-request helpers sign with, logs silent. `env` adds or overrides (her address, a token).
 */
export const testLocalConfig = (publicBaseUrl: string, tableName: string, env: Record<string, string> = {}) =>
  loadLocalConfig({
    PUBLIC_BASE_URL: publicBaseUrl,
    DYNAMODB_ENDPOINT: inject('dynaliteUrl'),
    SES_ENDPOINT: inject('sesUrl'),
    TABLE_NAME: tableName,
    WEBHOOK_SECRETS: TEST_SECRET,
    ADMIN_TOKENS: ADMIN_TOKEN,
    LINK_KEYS: `${LINK_KEY.id}:${LINK_KEY.secret}`,
    SUBSCRIBER_ID_KEY,
    LOG_LEVEL: 'silent',
    ...env,
  });
