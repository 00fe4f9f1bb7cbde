import { wordpressComPosts } from '../../shared/adapters/http/wordpress-com-posts.ts';
import { normaliseEmail } from '../../shared/domain/email-address.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { pollFeed } from '../../shared/usecases/poll-feed.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { loadFeedPollConfig } from '../../shared/domain/settings/feed-poll.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import { feedPollDeps } from '../wiring/feed-poll.ts';
import { openTable } from '../wiring/table.ts';
import { awsMailer } from '../../shared/adapters/aws/aws-mailer.ts';
import { awsRenderTrigger } from '../../shared/adapters/aws/aws-render-trigger.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';

// Composition root of the feed poller, invoked by an EventBridge Scheduler schedule every 15 minutes.
const env = loadFeedPollConfig(process.env);
const delivery = loadDeliveryConfig(process.env);
const logger = createJsonLogger({ service: 'feed-poll', level: env.LOG_LEVEL });
const table = openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME });
const outbound = lambdaOutbound();
const author = normaliseEmail(delivery.AUTHOR_EMAIL ?? '');
const notifier = authorNotifier(awsMailer(env.AWS_REGION, delivery), delivery, env.PUBLIC_BASE_URL);
const deps = feedPollDeps({
  ...table,
  accept: {
    renderTrigger: awsRenderTrigger(env),
    clock: systemClock,
    timeZone: env.TIME_ZONE,
  },
  timeZone: env.TIME_ZONE,
  blogPosts: wordpressComPosts({ baseUrl: env.WORDPRESS_API_URL, outbound }),
  outbound,
  warnAuthor: author
    ? (trouble) => notifier.notify({ kind: 'feed_unreadable', ...trouble })
    : async (trouble) => logger.warn('feed trouble, no author address to tell', { ...trouble }),
  ...(author ? { author: notifier } : {}),
  logger,
});

/** A feed's own trouble is counted, never thrown: only the table or the mail failing fails the invocation. */
export const handler = async () => {
  const outcome = await pollFeed(env.FEED_URL, deps);
  logger.info('feed poll', { feedUrl: env.FEED_URL, outcome: outcome.kind });
  return outcome;
};
