import { appStores } from '../app-stores.ts';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { lambdaRenderTrigger } from '../../shared/adapters/render/lambda-render-trigger.ts';
import { sesV2Mailer } from '../../shared/adapters/ses/ses-v2-mailer.ts';
import { wordpressComPosts } from '../../shared/adapters/http/wordpress-com-posts.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { loadAwsApiConfig } from '../config/aws-config.ts';
import { socialSettings } from '../config/social-config.ts';
import { createJsonLogger } from '../observability/json-logger.ts';
import { prerenderedConfirmationMail } from '../subscribers/confirmation-mail.ts';
import { secretsExtensionSource } from './load-secrets.ts';
import { bucketPublicObjects } from './public-objects.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PublicDeps } from '../app-deps.ts';
import { lambdaOutbound } from './outbound.ts';

/**
 * Everything the HTTP functions (public and admin) are built from, once per cold start. A bad configuration
 * fails here, naming the variable; secrets are read by the routes that need them.
 */
export const awsAppDeps = <Extra extends object = object>(
  extra: (doc: DynamoDBDocumentClient, tableName: string) => Extra = () => ({}) as Extra,
): PublicDeps & Extra => {
  const config = loadAwsApiConfig(process.env);
  const doc = createDocumentClient({ region: config.AWS_REGION });
  const publicObjects = bucketPublicObjects(config);
  return {
    // Issue 26: the pages the render step built; a cache miss at the CDN costs this one read.
    ...(publicObjects ? { publicObjects } : {}),
    issues: dynamoIssueStore(doc, config.TABLE_NAME),
    receipts: dynamoWebhookReceipts(doc, config.TABLE_NAME),
    renderTrigger: lambdaRenderTrigger({
      functionName: config.RENDER_FUNCTION_NAME,
      call: signedAwsFetch({
        service: 'lambda',
        region: config.AWS_REGION,
        ...(config.AWS_ENDPOINT_URL_LAMBDA ? { endpoint: config.AWS_ENDPOINT_URL_LAMBDA } : {}),
      }),
    }),
    clock: systemClock,
    logger: createJsonLogger({ service: 'api', level: config.LOG_LEVEL }),
    settings: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
      timeZone: config.TIME_ZONE,
      secrets: secretsExtensionSource({
        secretId: config.SECRETS_ARN,
        port: config.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT,
        sessionToken: config.AWS_SESSION_TOKEN,
      }),
      maxWebhookBytes: config.MAX_WEBHOOK_BYTES,
      // API Gateway answers HTTPS only.
      hsts: true,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      authorLanguage: config.AUTHOR_LANGUAGE,
      social: socialSettings(config),
      ...(config.WORDPRESS_SITE ? { wordpressSite: config.WORDPRESS_SITE } : {}),
      ...(config.CDN_EDGE_TOKEN ? { edgeToken: config.CDN_EDGE_TOKEN } : {}),
    },
    blogPosts: wordpressComPosts({ baseUrl: config.WORDPRESS_API_URL, outbound: lambdaOutbound() }),
    // Subscribers (issue 4)
    ...appStores(doc, config.TABLE_NAME),
    // The admin function's stores, when it asks (`adminStores`): the public function never loads them.
    ...extra(doc, config.TABLE_NAME),
    mailer: sesV2Mailer({ call: signedAwsFetch({ service: 'ses', region: config.AWS_REGION }) }),
    sender: { name: config.SENDER_NAME, address: config.SENDER_ADDRESS },
    confirmationMail: prerenderedConfirmationMail({
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
    }),
  };
};
