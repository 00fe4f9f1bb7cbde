import type { CampaignId } from '../../domain/campaign.ts';
import { type EmailAddress, normaliseEmail } from '../../domain/email-address.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import type { WebhookReceipts } from '../../ports/webhook-receipts.ts';

/** The part of an SES event (configuration-set event publishing) that we act on. */
export type SesEvent = {
  eventType: 'Send' | 'Delivery' | 'Bounce' | 'Complaint' | 'Reject' | string;
  mail: { messageId: string; timestamp?: string; tags?: Record<string, string[]>; destination?: string[] };
  bounce?: {
    bounceType: 'Permanent' | 'Transient' | 'Undetermined';
    bouncedRecipients: { emailAddress: string }[];
    timestamp?: string;
  };
  complaint?: { complainedRecipients: { emailAddress: string }[]; timestamp?: string };
};

/** An SES event settles an ambiguous send: SES shows it accepted the mail. */
export type SesEventCampaigns = {
  reconcile: (id: CampaignId, subscriberId: SubscriberId, messageId: string, at: string) => Promise<boolean>;
};

export type SesEventDeps = {
  subscribers: SubscriberStore;
  campaigns: SesEventCampaigns;
  receipts: WebhookReceipts;
  ids: SubscriberIds;
  clock: Clock;
  logger: Logger;
};

export type SesEventOutcome = 'suppressed' | 'soft_bounce' | 'reconciled' | 'duplicate' | 'ignored';

/**
 * Hard bounces and complaints suppress the reader for good; soft bounces are counted; a send or delivery
 * settles an ambiguous ledger entry. Events arrive twice and out of order: suppression is absorbing (nothing
 * un-suppresses), and counting is guarded by the event's own identity.
 */
export const handleSesEvent = async (event: SesEvent, deps: SesEventDeps): Promise<SesEventOutcome> => {
  const at = deps.clock.now().toISOString();
  const tag = (name: string) => event.mail.tags?.[name]?.[0];
  const campaignId = tag('campaign') as CampaignId | undefined;
  const recipients = (addresses: { emailAddress: string }[]) =>
    addresses.map(
      (r) =>
        (tag('subscriber') as SubscriberId | undefined) ??
        deps.ids.idFor(
          normaliseEmail(r.emailAddress) ?? (r.emailAddress.trim().toLowerCase() as EmailAddress),
        ),
    );

  if (
    event.eventType === 'Complaint' ||
    (event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent')
  ) {
    const reason = event.eventType === 'Complaint' ? 'complaint' : 'hard_bounce';
    const list =
      event.eventType === 'Complaint'
        ? (event.complaint?.complainedRecipients ?? [])
        : (event.bounce?.bouncedRecipients ?? []);
    for (const id of recipients(list)) await deps.subscribers.suppress(id, reason, at);
    deps.logger.info('subscriber suppressed', { reason, campaignId, messageId: event.mail.messageId });
    return 'suppressed';
  }
  if (event.eventType === 'Bounce') {
    const key = `ses:${event.mail.messageId}:bounce:${event.bounce?.timestamp ?? ''}`;
    const claim = await deps.receipts.claim(key, deps.clock.now(), 60_000);
    if (claim.kind !== 'claimed') return 'duplicate';
    for (const id of recipients(event.bounce?.bouncedRecipients ?? [])) {
      const subscriber = await deps.subscribers.get(id);
      if (subscriber && subscriber.status !== 'suppressed') {
        await deps.subscribers.replace(
          { ...subscriber, softBounces: (subscriber.softBounces ?? 0) + 1, updatedAt: at },
          subscriber.status,
        );
      }
    }
    await deps.receipts.complete(key, { status: 200, body: 'soft_bounce' }, deps.clock.now());
    return 'soft_bounce';
  }
  const subscriberId = tag('subscriber') as SubscriberId | undefined;
  if ((event.eventType === 'Send' || event.eventType === 'Delivery') && campaignId && subscriberId) {
    const reconciled = await deps.campaigns.reconcile(campaignId, subscriberId, event.mail.messageId, at);
    return reconciled ? 'reconciled' : 'ignored';
  }
  return 'ignored';
};
