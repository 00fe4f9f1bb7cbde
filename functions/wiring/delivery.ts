import type { SigningKey } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import { dynamoSubscribers } from '../../shared/adapters/dynamodb/subscribers.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import type { IssueId } from '../../shared/domain/issue.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import type { SendQueue } from '../../shared/ports/send-queue.ts';
import type { SocialQueue } from '../../shared/ports/social-queue.ts';
import type { DispatchDeps } from '../../shared/usecases/campaign/dispatch-sunday.ts';
import { finishIfDone } from '../../shared/usecases/campaign/finish-campaign.ts';
import type { SendBatchDeps } from '../../shared/usecases/campaign/send-batch.ts';
import type { PublishSocialDeps } from '../../shared/usecases/social/publish-social.ts';
import type { DeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { campaignEmails } from '../../shared/usecases/campaign/campaign-email.ts';
import { subscriberLinks } from '../../shared/usecases/campaign/subscriber-links.ts';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import type { Table } from './table.ts';

/** The Sunday run's stores on the one table: dispatch, sender and social worker share them. */
export const deliveryStores = ({ doc, tableName }: Table) => ({
  issues: dynamoIssueStore(doc, tableName),
  subscribers: dynamoSubscribers(doc, tableName),
  campaigns: dynamoCampaignStore(doc, tableName),
  social: dynamoSocialStore(doc, tableName),
  clicks: dynamoClickStore(doc, tableName),
  holds: dynamoIssueHolds(doc, tableName),
  /** Her connected accounts: the social worker's live tokens, refreshed before each Sunday. */
  accounts: dynamoConnectedAccounts(doc, tableName),
});

export type DeliveryStores = ReturnType<typeof deliveryStores>;

/** What every delivery step tells and logs with, in either home. */
export type DeliveryContext = { author: AuthorNotifier; clock: Clock; logger: Logger };

/** The dispatch function's ports; the queues are SQS on AWS, in-process on one machine. */
export const dispatchDeps = (
  stores: DeliveryStores,
  context: DeliveryContext & {
    queue: SendQueue;
    social: SocialQueue;
    config: Pick<DeliveryConfig, 'SOCIAL_NETWORKS' | 'SEND_DEADLINE'>;
    timeZone: string;
  },
): DispatchDeps => ({
  issues: stores.issues,
  subscribers: stores.subscribers,
  campaigns: stores.campaigns,
  holds: stores.holds,
  queue: context.queue,
  social: context.social,
  networks: context.config.SOCIAL_NETWORKS,
  clock: context.clock,
  window: { timeZone: context.timeZone, deadline: context.config.SEND_DEADLINE },
  author: context.author,
  logger: context.logger,
});

/** One sender's ports; `mailer` is already paced at this sender's share of the rate. */
export const senderWorkerDeps = (
  stores: DeliveryStores,
  context: DeliveryContext & { mailer: Mailer; linkKeys: readonly SigningKey[] },
  config: DeliveryConfig & { publicBaseUrl: string; leaseMs: number },
): SendBatchDeps => {
  const tokens = jwsLinkTokens(context.linkKeys);
  return {
    ...stores,
    mailer: context.mailer,
    author: context.author,
    clock: context.clock,
    logger: context.logger,
    emailFor: campaignEmails(stores).emailFor,
    linksFor: subscriberLinks({ baseUrl: config.publicBaseUrl, tokens }),
    envelope: (subscriber, links) => ({
      from: { name: config.SENDER_NAME, address: config.SENDER_ADDRESS },
      to: {
        address: subscriber.email as EmailAddress,
        ...(subscriber.name ? { name: subscriber.name } : {}),
      },
      listUnsubscribeUrl: links.unsubscribeUrl,
      listId: config.LIST_ID,
    }),
    networks: config.SOCIAL_NETWORKS,
    socialWaitMs: config.SOCIAL_REPORT_WAIT_SECONDS * 1000,
    leaseMs: config.leaseMs,
    quotaPauseMs: config.QUOTA_PAUSE_SECONDS * 1000,
    throttleRetries: 5,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
};

/**
 * The social worker's ports but its accounts (each home reads them its own way). The last network's outcome
 * may be what the campaign report was waiting for: `settled` finishes the campaign then.
 */
export const socialWorkerDeps = (
  stores: DeliveryStores,
  context: DeliveryContext & {
    compose: PublishSocialDeps['compose'];
    config: Pick<DeliveryConfig, 'SOCIAL_NETWORKS' | 'SOCIAL_REPORT_WAIT_SECONDS'>;
    leaseMs: number;
  },
): Omit<PublishSocialDeps, 'accounts'> => ({
  issues: stores.issues,
  social: stores.social,
  compose: context.compose,
  author: context.author,
  clock: context.clock,
  logger: context.logger,
  leaseMs: context.leaseMs,
  settled: (issueId: IssueId) =>
    finishIfDone(campaignIdFor(issueId), {
      campaigns: stores.campaigns,
      issues: stores.issues,
      social: stores.social,
      clicks: stores.clicks,
      networks: context.config.SOCIAL_NETWORKS,
      socialWaitMs: context.config.SOCIAL_REPORT_WAIT_SECONDS * 1000,
      author: context.author,
      clock: context.clock,
      logger: context.logger,
    }),
});
