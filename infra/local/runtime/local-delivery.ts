import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { intervalPacer } from '../../../shared/adapters/pacing/interval-pacer.ts';
import { pacedMailer } from '../../../shared/adapters/pacing/paced-mailer.ts';
import { inProcessQueue, inProcessQueuePort } from './in-process-queue.ts';
import { startQueueWorkers } from './queue-workers.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { Logger } from '../../../shared/ports/logger.ts';
import type { Mailer } from '../../../shared/ports/mailer.ts';
import type { SendBatchMessage } from '../../../shared/ports/send-queue.ts';
import type { SocialMessage } from '../../../shared/ports/social-queue.ts';
import { type DispatchOptions, dispatchSunday } from '../../../shared/usecases/campaign/dispatch-sunday.ts';
import { sendBatch } from '../../../shared/usecases/campaign/send-batch.ts';
import { type PublishSocialDeps, publishSocial } from '../../../shared/usecases/social/publish-social.ts';
import type { DeliveryConfig } from '../../../shared/domain/settings/delivery.ts';
import type { SigningKey } from '../../../shared/adapters/crypto/jws-link-tokens.ts';
import { authorNotifier } from '../../../functions/delivery/author-notifier.ts';
import {
  deliveryStores,
  dispatchDeps,
  senderWorkerDeps,
  socialWorkerDeps,
} from '../../../functions/wiring/delivery.ts';

export type LocalDeliveryOptions = {
  doc: DynamoDBDocumentClient;
  tableName: string;
  mailer: Mailer;
  linkKeys: readonly SigningKey[];
  publicBaseUrl: string;
  timeZone: string;
  config: DeliveryConfig;
  clock: Clock;
  logger: Logger;
  /**
   * The social worker's accounts and composer; a network without an account is skipped. `accountsNow`, read
   * for each post, replaces the fixed `accounts`: her connected accounts with a live token each.
   */
  social?: Pick<PublishSocialDeps, 'compose'> &
    Partial<Pick<PublishSocialDeps, 'accounts'>> & {
      accountsNow?: () => Promise<Pick<PublishSocialDeps, 'accounts' | 'unavailable'>>;
    };
  /** Before each Sunday's dispatch: her connections refreshed for the whole send (keepAccountsAlive). */
  beforeDispatch?: () => Promise<unknown>;
  /** How long a received batch stays invisible; SQS's visibility timeout. */
  visibilityMs?: number;
  maxReceives?: number;
  /** How long the social worker waits before it looks for a post whose call went unanswered (60 s on AWS). */
  reconcileAfterMs?: number;
};

/**
 * Sunday delivery on one machine: the same use cases and DynamoDB adapters as on AWS, with an in-process queue
 * of SQS semantics instead of SQS, and `MAX_SENDERS` workers instead of Lambda instances, each pacing itself at
 * its share of `SEND_RATE`.
 */
export const createLocalDelivery = (options: LocalDeliveryOptions) => {
  const { doc, tableName, config, clock, logger } = options;
  const visibilityMs = options.visibilityMs ?? 60_000;
  const queue = inProcessQueue<SendBatchMessage>({ visibilityMs, maxReceives: options.maxReceives ?? 5 });
  const socialQueue = inProcessQueue<SocialMessage>({ visibilityMs, maxReceives: options.maxReceives ?? 5 });
  const stores = deliveryStores({ doc, tableName });
  // One process, one pacer for all its workers: slots 4 % under the rate, never more than the rate in a second.
  const mailer = pacedMailer(
    options.mailer,
    intervalPacer({ ratePerSecond: config.SEND_RATE * 0.96, limitPerSecond: config.SEND_RATE }),
  );
  const author = authorNotifier(mailer, { ...config, TIME_ZONE: options.timeZone }, options.publicBaseUrl);
  const context = { author, clock, logger };
  const social = socialWorkerDeps(stores, {
    ...context,
    compose: options.social?.compose ?? noComposer,
    config,
    leaseMs: visibilityMs,
  });

  const startWorkers = () => {
    const workers = Array.from({ length: config.MAX_SENDERS }, () => {
      const deps = senderWorkerDeps(
        stores,
        { ...context, mailer, linkKeys: options.linkKeys },
        { ...config, publicBaseUrl: options.publicBaseUrl, leaseMs: visibilityMs },
      );
      return startQueueWorkers(queue, (message) => sendBatch(message, deps), {
        workers: 1,
        onError: (error) => logger.error('send batch failed', { error }),
      });
    });
    // One consumer a network, as Lambda runs one invocation a message: a slow network delays no other.
    const socialWorkers = startQueueWorkers(
      socialQueue,
      async (message) =>
        publishSocial(message, {
          ...social,
          ...(options.social?.accountsNow
            ? await options.social.accountsNow()
            : { accounts: options.social?.accounts ?? {} }),
          ...(options.reconcileAfterMs === undefined ? {} : { reconcileAfterMs: options.reconcileAfterMs }),
        }),
      {
        workers: Math.max(1, config.SOCIAL_NETWORKS.length),
        onError: (error) => logger.error('social post failed', { error }),
      },
    );
    return {
      stop: () => Promise.all([...workers, socialWorkers].map((w) => w.stop())).then(() => undefined),
    };
  };

  return {
    queue,
    socialQueue,
    /** Notes to the author (reports, notices), through the same paced mailer as the Sunday mails. */
    author,
    campaigns: stores.campaigns,
    subscribers: stores.subscribers,
    issues: stores.issues,
    /** The announcements' attempts, for a restart to see which networks have no outcome yet. */
    social: stores.social,
    startWorkers,
    dispatch: async (dispatchOptions: DispatchOptions = {}) => {
      await options.beforeDispatch?.();
      return dispatchSunday(
        dispatchDeps(stores, {
          ...context,
          queue: inProcessQueuePort(queue),
          social: inProcessQueuePort(socialQueue),
          config,
          timeZone: options.timeZone,
        }),
        dispatchOptions,
      );
    },
  };
};

const noComposer = (): never => {
  throw new Error('no social composer configured');
};
