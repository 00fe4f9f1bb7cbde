import type { SubscriberId } from '../../domain/subscriber.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberDirectory } from '../../ports/subscriber-directory.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { editReader, type ReaderChange } from '../subscribers/edit-reader.ts';
import { listReaders, type ReaderQuery } from '../subscribers/list-readers.ts';
import { eraseSubscriber } from '../subscribers/privacy.ts';
import { unsubscribe } from '../subscribers/unsubscribe.ts';

export type ReaderPorts = {
  subscribers: SubscriberStore;
  directory: SubscriberDirectory;
  clock: Clock;
  /** Every spelling of a mailbox (records stored before the canonical form) goes with an erasure. */
  subscriberIds: () => Promise<SubscriberIds>;
};

/** A reader's id as the address spells it; anything else names no one (and reaches no store). */
export const readerIdOf = (raw: string): SubscriberId | undefined =>
  /^sub_[A-Za-z0-9_-]{1,64}$/.test(raw) ? (raw as SubscriberId) : undefined;

/** Abonnés: one page of readers, by status and by any part of address or name. */
export const readerList = (ports: ReaderPorts, query: ReaderQuery) =>
  listReaders(query, { store: ports.subscribers, directory: ports.directory });

/** A reader's record (or what an erasure left of it); none for an address that names no one. */
export const readerRecord = async (ports: ReaderPorts, raw: string) => {
  const id = readerIdOf(raw);
  return id ? ports.subscribers.get(id) : undefined;
};

/** Her change to a reader's name or language; `not_found` for no one, `conflict` when the record moved on. */
export const editReaderRecord = async (ports: ReaderPorts, raw: string, change: ReaderChange) => {
  const id = readerIdOf(raw);
  if (!id) return { ok: false as const, error: 'not_found' as const, id };
  const result = await editReader(id, change, { store: ports.subscribers, clock: ports.clock });
  return { ...result, id };
};

/** The reader unsubscribed by her hand; `changed: false` when he no longer received the issues. */
export const unsubscribeReader = async (ports: ReaderPorts, raw: string) => {
  const record = await readerRecord(ports, raw);
  if (!record) return undefined;
  const { changed } = await unsubscribe(record.id, { store: ports.subscribers, clock: ports.clock });
  return { id: record.id, changed };
};

/** The reader erased, with every other spelling of his address. */
export const eraseReader = async (ports: ReaderPorts, raw: string) => {
  const record = await readerRecord(ports, raw);
  if (!record) return undefined;
  const ids = await ports.subscriberIds();
  await eraseSubscriber(record.id, { store: ports.subscribers, clock: ports.clock, ids });
  return { id: record.id };
};
