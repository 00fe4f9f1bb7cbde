import { adminStores } from '../admin-stores.ts';
import { appStores } from '../app-stores.ts';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { inProcessRenderTrigger } from '../../shared/adapters/render/in-process-render-trigger.ts';
import { sesV2Mailer } from '../../shared/adapters/ses/ses-v2-mailer.ts';
import { wordpressComPosts } from '../../shared/adapters/http/wordpress-com-posts.ts';
import { type Clock, systemClock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import type { LocalConfig } from '../config/local-config.ts';
import { createApp } from '../create-app.ts';
import { socialSettings } from '../config/social-config.ts';
import { createJsonLogger } from '../observability/json-logger.ts';
import { archiveFeeds } from '../render/archive-feeds.ts';
import { publicPages } from '../render/public-pages.ts';
import { memoryPublicObjects } from '../../shared/adapters/public-objects/memory-public-objects.ts';
import type { PublicObjects } from '../../shared/ports/public-objects.ts';
import { archiveUrl } from '../routes/links.ts';
import { prerenderedConfirmationMail } from '../subscribers/confirmation-mail.ts';
import { renderMusicDeps } from '../music/music-deps.ts';
import type { MusicQueue } from '../../shared/ports/music-queue.ts';
import { studioDeps } from '../studio/studio-stores.ts';
import type { Studio } from '../studio/studio-deps.ts';

/**
 * Composition root on one machine: the same adapters as on AWS, pointed at the local stand-ins,
 * with the render step in-process instead of a second function.
 */
export const createLocalApp = (
  config: LocalConfig,
  overrides: {
    clock?: Clock;
    logger?: Logger;
    music?: { queue: MusicQueue };
    /** The studio's "send now": the local delivery's dispatch, when it runs in this process. */
    sendNow?: Studio['sendNow'];
    /** The guarded client with this machine's stand-ins (`npm start`'s fake blog); public addresses only without. */
    outbound?: OutboundFetch;
    /** Where the public pages are built to (`npm start`: the data folder); default: this process's memory. */
    publicObjects?: PublicObjects;
  } = {},
) => {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createJsonLogger({ service: 'local', level: config.LOG_LEVEL });
  const doc = createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT, region: 'eu-west-3' });
  const issues = dynamoIssueStore(doc, config.TABLE_NAME);
  const renderer = createMjmlRenderer({
    seriesName: config.SERIES_NAME,
    postalAddress: config.POSTAL_ADDRESS,
    subscribeUrl: `${config.PUBLIC_BASE_URL}/subscribe`,
  });
  const publicObjects = overrides.publicObjects ?? memoryPublicObjects();
  const renderTrigger = inProcessRenderTrigger({
    store: issues,
    renderer,
    clock,
    archiveUrl: (slug) => archiveUrl(config.PUBLIC_BASE_URL, slug),
    feeds: archiveFeeds(config),
    // Issue 26: nothing caches in front of one machine, so no CDN to tell.
    publicPages: publicPages(config, publicObjects),
    // Issue 7: click links and the ingest of a new revision's tracks, when the music worker runs here too.
    ...(overrides.music
      ? renderMusicDeps({
          doc,
          tableName: config.TABLE_NAME,
          queue: overrides.music.queue,
          clock,
          publicBaseUrl: config.PUBLIC_BASE_URL,
        })
      : {}),
  });
  const app = createApp({
    issues,
    receipts: dynamoWebhookReceipts(doc, config.TABLE_NAME),
    renderTrigger,
    publicObjects,
    clock,
    logger,
    settings: {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
      timeZone: config.TIME_ZONE,
      secrets: async () => ({
        webhookSecrets: config.WEBHOOK_SECRETS,
        adminTokens: config.ADMIN_TOKENS,
        linkKeys: config.LINK_KEYS,
        subscriberIdKey: config.SUBSCRIBER_ID_KEY,
        ...(config.WORDPRESS_TOKEN ? { wordpressToken: config.WORDPRESS_TOKEN } : {}),
      }),
      maxWebhookBytes: config.MAX_WEBHOOK_BYTES,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      authorLanguage: config.AUTHOR_LANGUAGE,
      social: socialSettings(config),
      ...(config.WORDPRESS_SITE ? { wordpressSite: config.WORDPRESS_SITE } : {}),
    },
    blogPosts: wordpressComPosts({
      baseUrl: config.WORDPRESS_API_URL,
      outbound: overrides.outbound ?? guardedFetch(),
    }),
    // Subscribers (issue 4)
    ...appStores(doc, config.TABLE_NAME),
    ...adminStores(doc, config.TABLE_NAME),
    mailer: sesV2Mailer({
      call: signedAwsFetch({
        service: 'ses',
        region: 'eu-west-3',
        endpoint: config.SES_ENDPOINT,
        credentials: async () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
      }),
    }),
    sender: { name: config.SENDER_NAME, address: config.SENDER_ADDRESS },
    confirmationMail: prerenderedConfirmationMail({
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
    }),
    studio: studioDeps(doc, config.TABLE_NAME, config, overrides.sendNow),
  });
  return { app, doc, issues, renderTrigger };
};
