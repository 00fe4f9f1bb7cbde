import type { AwsCall } from '../../shared/adapters/aws/signed-fetch.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { sesV2Mailer } from '../../shared/adapters/ses/ses-v2-mailer.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import type { PublicObjects } from '../../shared/ports/public-objects.ts';
import type { RenderTrigger } from '../../shared/ports/render-trigger.ts';
import type { PublicDeps } from '../app-deps.ts';
import type { SecretsSource } from '../../shared/ports/secrets.ts';
import type { LocalConfig } from '../../shared/domain/settings/local.ts';
import { socialSettings } from '../../shared/domain/settings/social.ts';
import { prerenderedConfirmationMail } from '../subscribers/confirmation-mail.ts';
import { appStores } from './app-stores.ts';
import type { Table } from './table.ts';

/** The settings both homes' HTTP functions read (AWS's and one machine's configurations both have them). */
export type HttpConfig = Parameters<typeof socialSettings>[0] &
  Pick<
    LocalConfig,
    | 'PUBLIC_BASE_URL'
    | 'SERIES_NAME'
    | 'TIME_ZONE'
    | 'MAX_WEBHOOK_BYTES'
    | 'DEFAULT_LANGUAGE'
    | 'AUTHOR_LANGUAGE'
    | 'WORDPRESS_SITE'
    | 'WORDPRESS_API_URL'
    | 'SENDER_NAME'
    | 'SENDER_ADDRESS'
    | 'AUTHOR_EMAIL'
  >;

/** What differs between AWS and one machine: where things are, and how they are reached. */
export type HttpHome = {
  table: Table;
  renderTrigger: RenderTrigger;
  /** The render step's public pages; absent: served from the table. */
  publicObjects?: PublicObjects | undefined;
  secrets: SecretsSource;
  /** SES v2, signed: AWS's endpoint or the SES stand-in's. */
  ses: (request: AwsCall) => Promise<Response>;
  /** The home's guarded client (her blog's API). */
  outbound: OutboundFetch;
  clock: Clock;
  logger: Logger;
  /** API Gateway answers HTTPS only; one machine answers http://. */
  hsts?: boolean;
  edgeToken?: string | undefined;
};

/**
 * The public HTTP function's ports: the same graph on AWS and on one machine.
 * @example
 * handle(createPublicApp(publicDeps(config, awsHttpHome(config))));
 */
export const publicDeps = (config: HttpConfig, home: HttpHome): PublicDeps => {
  const { doc, tableName } = home.table;
  const mailer = sesV2Mailer({ call: home.ses });
  return {
    ...(home.publicObjects ? { publicObjects: home.publicObjects } : {}),
    issues: dynamoIssueStore(doc, tableName),
    receipts: dynamoWebhookReceipts(doc, tableName),
    renderTrigger: home.renderTrigger,
    clock: home.clock,
    logger: home.logger,
    settings: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
      timeZone: config.TIME_ZONE,
      secrets: home.secrets,
      maxWebhookBytes: config.MAX_WEBHOOK_BYTES,
      ...(home.hsts ? { hsts: true } : {}),
      defaultLanguage: config.DEFAULT_LANGUAGE,
      authorLanguage: config.AUTHOR_LANGUAGE,
      social: socialSettings(config),
      ...(config.WORDPRESS_SITE ? { wordpressSite: config.WORDPRESS_SITE } : {}),
      ...(home.edgeToken ? { edgeToken: home.edgeToken } : {}),
    },
    ...appStores(doc, tableName),
    mailer,
    sender: { name: config.SENDER_NAME, address: config.SENDER_ADDRESS },
    confirmationMail: prerenderedConfirmationMail({
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
    }),
  };
};
