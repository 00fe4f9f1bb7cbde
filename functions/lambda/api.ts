import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { lambdaRenderTrigger } from '../../shared/adapters/render/lambda-render-trigger.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { loadAwsApiConfig } from '../config/aws-config.ts';
import { createApp } from '../create-app.ts';
import { createJsonLogger } from '../observability/json-logger.ts';
import { loadSecrets } from './load-secrets.ts';

// Composition root of the API function. Config is checked at import (a bad deploy fails at once, naming the
// variable); the secrets are read on the first request, once per cold start, and retried if that read fails.
const config = loadAwsApiConfig(process.env);
const doc = createDocumentClient({ region: config.AWS_REGION });
const logger = createJsonLogger({ service: 'api', level: config.LOG_LEVEL });

const buildHandler = async () => {
  const secrets = await loadSecrets(new SecretsManagerClient({ region: config.AWS_REGION }), config.SECRETS_ARN);
  const app = createApp({
    issues: dynamoIssueStore(doc, config.TABLE_NAME),
    receipts: dynamoWebhookReceipts(doc, config.TABLE_NAME),
    renderTrigger: lambdaRenderTrigger(new LambdaClient({ region: config.AWS_REGION }), config.RENDER_FUNCTION_NAME),
    clock: systemClock,
    logger,
    settings: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      timeZone: config.TIME_ZONE,
      webhookSecrets: secrets.webhookSecrets,
      adminTokens: secrets.adminTokens,
      maxWebhookBytes: config.MAX_WEBHOOK_BYTES,
    },
  });
  return handle(app);
};

let ready: ReturnType<typeof buildHandler> | undefined;

export const handler = async (event: LambdaEvent, context: LambdaContext) => {
  ready ??= buildHandler().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return (await ready)(event, context);
};
