import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Cron } from 'croner';
import { wordpressWebhookUrlFor } from '../../../shared/domain/settings/wordpress-webhook-url.ts';
import { feedPollDeps } from '../../../functions/wiring/feed-poll.ts';
import { wordpressComPosts } from '../../../shared/adapters/http/wordpress-com-posts.ts';
import { authorMailRenderer } from '../../../emails/author-mail.ts';
import { mailAuthorNotifier } from '../../../shared/adapters/mail/author-notifier.ts';
import type { EmailAddress } from '../../../shared/domain/email-address.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { IssueStore } from '../../../shared/ports/issue-store.ts';
import type { Logger } from '../../../shared/ports/logger.ts';
import type { Mailer } from '../../../shared/ports/mailer.ts';
import type { OutboundFetch } from '../../../shared/ports/outbound-fetch.ts';
import type { RenderTrigger } from '../../../shared/ports/render-trigger.ts';
import { pollFeed } from '../../../shared/usecases/poll-feed.ts';
import { repoRoot } from '../paths.ts';
import { fakeWordpressPort, rememberFakeWordpressUrl } from '../stand-ins/wordpress/fake-wordpress-port.ts';
import { startFakeWordpress } from '../stand-ins/wordpress/fake-wordpress.ts';

/** Every 15 minutes, as on AWS. */
export const FEED_SCHEDULE = '*/15 * * * *';

const example = (name: string) =>
  JSON.parse(readFileSync(resolve(repoRoot, 'examples/wordpress-com', name), 'utf8')) as Record<
    string,
    unknown
  >;

/** Two past posts (#32 and #33); #34 is the one to publish (`npm run blog`), dated the moment it goes up. */
const seedPosts = () => {
  const post33 = example('sunday-morning-sound-33.json');
  const content = (post33['content'] as { rendered: string }).rendered;
  const post32 = {
    ...post33,
    id: 4240,
    date: '2026-11-14T19:05:00',
    date_gmt: '2026-11-14T18:05:00',
    modified_gmt: '2026-11-14T18:05:00',
    link: 'https://karoonline.wordpress.com/2026/11/14/karoonline-sunday-morning-sound-32/',
    title: { rendered: '~~~K@ro&#8217;Online Sunday Morning Sound #32~~~' },
    content: { rendered: content.replace('Retour de Bretagne', 'Pluie d&#8217;automne') },
  };
  return [post32, post33];
};

/**
 * Her blog on this machine: a fake WordPress.com seeded with two past posts, whose webhook points at the
 * local API, and whose feed is polled like any other. With WORDPRESS_API_URL set, the real API is used instead
 * and no fake runs.
 */
export const localBlog = async (
  env: Record<string, string | undefined>,
  api: { publicBaseUrl: string; wordpressToken: string },
) => {
  if (env.WORDPRESS_API_URL)
    return {
      env: {},
      standIns: [],
      describe: `the blog API at ${env.WORDPRESS_API_URL}`,
      close: async () => {},
    };
  const webhookUrl = wordpressWebhookUrlFor(api.publicBaseUrl, api.wordpressToken);
  const fake = await startFakeWordpress({
    port: fakeWordpressPort(),
    webhookUrl,
    seed: seedPosts(),
  });
  rememberFakeWordpressUrl(fake.url);
  return {
    env: {
      WORDPRESS_SITE: fake.site,
      WORDPRESS_API_URL: fake.apiUrl,
      FEED_URL: env.FEED_URL ?? fake.feedUrl,
    },
    /** The guarded client may reach the fake blog, on loopback, and no other. */
    standIns: [fake.url],
    describe: `a fake WordPress.com at ${fake.url} (site ${fake.site}, feed ${fake.feedUrl}), two past posts`,
    close: fake.close,
  };
};

/** The feed poller on its cron; the first poll runs now and only records what the feed lists. */
export const startLocalFeedPoller = (options: {
  feedUrl: string | undefined;
  apiUrl: string;
  doc: DynamoDBDocumentClient;
  tableName: string;
  issues: IssueStore;
  renderTrigger: RenderTrigger;
  clock: Clock;
  timeZone: string;
  mailer: Mailer;
  sender: { name: string; address: string };
  author: { address: EmailAddress | undefined; language: 'fr' | 'en' };
  /** Where the studio her mail links to is. */
  publicBaseUrl: string;
  logger: Logger;
  outbound: OutboundFetch;
}) => {
  const { feedUrl, logger } = options;
  if (!feedUrl) return { nextPoll: () => undefined, stop: async () => {} };
  const author = options.author.address
    ? mailAuthorNotifier({
        mailer: options.mailer,
        from: options.sender,
        to: options.author.address as EmailAddress,
        render: authorMailRenderer({
          language: options.author.language,
          timeZone: options.timeZone,
          publicBaseUrl: options.publicBaseUrl,
        }),
      })
    : undefined;
  const deps = feedPollDeps({
    doc: options.doc,
    tableName: options.tableName,
    accept: {
      store: options.issues,
      renderTrigger: options.renderTrigger,
      clock: options.clock,
      timeZone: options.timeZone,
    },
    timeZone: options.timeZone,
    blogPosts: wordpressComPosts({ baseUrl: options.apiUrl, outbound: options.outbound }),
    outbound: options.outbound,
    warnAuthor: author
      ? (trouble) => author.notify({ kind: 'feed_unreadable', ...trouble })
      : async (trouble) => logger.warn('feed trouble, no author address to tell', { ...trouble }),
    ...(author ? { author } : {}),
    logger,
  });
  const run = async () => {
    try {
      const outcome = await pollFeed(feedUrl, deps);
      logger.info('feed poll', { feedUrl, outcome: outcome.kind });
    } catch (error) {
      // A store or mail failure: logged, and the next run tries again.
      logger.error('feed poll crashed', { feedUrl, error });
    }
  };
  const cron = new Cron(FEED_SCHEDULE, { timezone: options.timeZone, protect: true }, run);
  const first = run();
  return {
    nextPoll: () => cron.nextRun()?.toISOString(),
    stop: async () => {
      cron.stop();
      await first;
    },
  };
};
