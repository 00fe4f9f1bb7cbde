import { randomBytes } from 'node:crypto';
import type { Language } from '../../domain/issue.ts';
import type { Subscriber, SubscriberId, Suppression } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { DataLink, DataLinkPurpose } from '../../ports/data-links.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { secretHash } from '../studio/studio-sign-in.ts';
import type { SubscriberById } from './find-subscriber.ts';
import { eraseSubscriber, exportSubscriberData } from './privacy.ts';

/** Long enough to reach the mailbox, short enough that an old or forwarded mail is worthless. */
export const DATA_LINK_MINUTES = 15;

export type DataLinkMail = (
  language: Language,
  purpose: DataLinkPurpose,
  link: string,
) => { subject: string; html: string; text: string };

export type RequestDataLinkDeps = {
  store: SubscriberById;
  links: { save: (link: DataLink) => Promise<void> };
  mailer: Mailer;
  sender: { name: string; address: string };
  clock: Clock;
  linkUrl: (secret: string) => string;
  mail: DataLinkMail;
  secret?: () => string;
};

/**
 * The preferences link never expires and sits in every mail, so whoever a mail is forwarded to holds it: it
 * changes language, platform and pause only. Export and erasure need a fresh proof of the mailbox: a
 * single-use link, valid 15 minutes, mailed to the stored address itself. `sent` is for the logs.
 */
export const requestDataLink = async (
  id: SubscriberId,
  purpose: DataLinkPurpose,
  deps: RequestDataLinkDeps,
): Promise<{ kind: 'sent' | 'not_sent' | 'not_found' }> => {
  const record = await deps.store.get(id);
  if (!record || !('email' in record)) return { kind: 'not_found' };
  const secret = (deps.secret ?? (() => randomBytes(32).toString('base64url')))();
  const now = deps.clock.now();
  await deps.links.save({
    hash: secretHash(secret),
    subscriberId: id,
    purpose,
    expiresAt: new Date(now.getTime() + DATA_LINK_MINUTES * 60_000).toISOString(),
  });
  const outcome = await deps.mailer.send({
    from: deps.sender,
    to: { address: record.email },
    ...deps.mail(record.language, purpose, deps.linkUrl(secret)),
  });
  return { kind: outcome.kind === 'sent' ? 'sent' : 'not_sent' };
};

/** What an unused, unexpired link is for, without using it: its page shows one button. */
export const openDataLink = async (
  secret: string,
  deps: { links: { peek: (hash: string, now: string) => Promise<DataLink | undefined> }; clock: Clock },
): Promise<DataLink | undefined> => deps.links.peek(secretHash(secret), deps.clock.now().toISOString());

export type DataLinkUse =
  | { purpose: 'export'; data: { exportedAt: string; subscriber: Subscriber | Suppression } }
  | { purpose: 'erase'; subscriberId: SubscriberId; language?: Language };

/** The link used, once: the reader's data, or their erasure. Nothing for a used, expired or unknown link. */
export const useDataLink = async (
  secret: string,
  deps: {
    links: { consume: (hash: string, now: string) => Promise<DataLink | undefined> };
    store: SubscriberStore;
    ids: SubscriberIds;
    clock: Clock;
  },
): Promise<DataLinkUse | undefined> => {
  const link = await deps.links.consume(secretHash(secret), deps.clock.now().toISOString());
  if (!link) return undefined;
  if (link.purpose === 'export') {
    const data = await exportSubscriberData(link.subscriberId, deps);
    return data ? { purpose: 'export', data } : undefined;
  }
  const record = await deps.store.get(link.subscriberId);
  await eraseSubscriber(link.subscriberId, deps);
  return {
    purpose: 'erase',
    subscriberId: link.subscriberId,
    ...(record && 'language' in record ? { language: record.language } : {}),
  };
};
