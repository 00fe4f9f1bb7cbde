import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import type { CampaignStore } from '../../shared/ports/campaign-store.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { IssueStore } from '../../shared/ports/issue-store.ts';
import type { LinkTokens } from '../../shared/ports/link-tokens.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import type { SocialStore } from '../../shared/ports/social-store.ts';
import type { SubscriberStore } from '../../shared/ports/subscriber-store.ts';
import { campaignEmails } from '../../shared/usecases/campaign/campaign-email.ts';
import type { SendBatchDeps } from '../../shared/usecases/campaign/send-batch.ts';
import { subscriberLinks } from '../../shared/usecases/campaign/subscriber-links.ts';
import type { DeliveryConfig } from '../../shared/domain/settings/delivery.ts';

export type DeliveryPorts = {
  issues: IssueStore;
  subscribers: SubscriberStore;
  campaigns: CampaignStore;
  social: SocialStore;
  clicks: Pick<ClickStore, 'countsFor'>;
  mailer: Mailer;
  tokens: LinkTokens;
  author: AuthorNotifier;
  clock: Clock;
  logger: Logger;
};

/** What the sender needs, from the ports and settings: the same on AWS and on one machine. */
export const senderDeps = (
  ports: DeliveryPorts,
  config: DeliveryConfig & { publicBaseUrl: string; leaseMs: number },
): SendBatchDeps => {
  return {
    ...ports,
    emailFor: campaignEmails(ports).emailFor,
    linksFor: subscriberLinks({ baseUrl: config.publicBaseUrl, tokens: ports.tokens }),
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
