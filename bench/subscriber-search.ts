import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../shared/adapters/dynamodb/client.ts';
import { ensureTable } from '../shared/adapters/dynamodb/ensure-table.ts';
import { sleep, writeInBatches } from '../shared/adapters/dynamodb/batches.ts';
import { dynamoSubscriberDirectory } from '../shared/adapters/dynamodb/subscriber-directory.ts';
import { toSubscriberItem } from '../shared/adapters/dynamodb/subscriber-item.ts';
import { dynamoSubscriberStore } from '../shared/adapters/dynamodb/subscriber-store.ts';
import type { EmailAddress } from '../shared/domain/email-address.ts';
import type { Subscriber, SubscriberId, SubscriberStatus } from '../shared/domain/subscriber.ts';
import { ensureDirectory } from '../shared/usecases/subscribers/ensure-directory.ts';
import { listReaders, type ReaderQuery } from '../shared/usecases/subscribers/list-readers.ts';
import { startChild } from './delivery/child-process.ts';
import { type Spread, spread } from './stats.ts';

const FIRST = ['Élodie', 'Camille', 'Hélène', 'Jérôme', 'Zoé', 'Amélie', 'François', 'Léa', 'Noël', 'Inès'];
const LAST = ['Dupont', 'Lefèvre', 'Bénard', 'Moreau', 'Girard', 'Müller', 'Rousseau', 'Fournier'];
const DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'proton.me', 'exemple.fr'];
const STATUSES: SubscriberStatus[] = ['confirmed', 'confirmed', 'confirmed', 'pending', 'unsubscribed'];
const AT = '2026-01-04T08:00:00.000Z';

const reader = (n: number): Subscriber => {
  const first = FIRST[n % FIRST.length] as string;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length] as string;
  const local = `${first}.${last}${n}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return {
    id: `sub_bench${n.toString(36).padStart(8, '0')}` as SubscriberId,
    email: `${local}@${DOMAINS[n % DOMAINS.length]}` as EmailAddress,
    ...(n % 3 ? { name: `${first} ${last}` } : {}),
    language: n % 4 ? 'fr' : 'en',
    status: STATUSES[n % STATUSES.length] as SubscriberStatus,
    preferences: { paused: false },
    createdAt: AT,
    updatedAt: AT,
  };
};

/** What the author types: a rare address, a name without its accents, a whole domain, nothing found, a page 2. */
const QUERIES: Omit<ReaderQuery, 'limit'>[] = [
  { search: 'noel.girard4', filter: 'all' },
  { search: 'HELENE', filter: 'confirmed' },
  { search: 'orange.fr', filter: 'all' },
  { search: 'zzz-nobody', filter: 'all' },
  { search: '', filter: 'pending' },
];

export type SearchBench = {
  readers: number;
  seedMs: number;
  backfillMs: number;
  /** Per round, the slowest of the queries above (each the full use case, as the Abonnés page calls it). */
  slowestMs: number[];
  perQueryMs: Record<string, number[]>;
  /** A filtered Scan of the full records for one rare address: what the directory replaces. */
  scanMs: number;
  slowest: Spread;
};

/**
 * Abonnés at 100,000 readers on dynalite (in its own process): the directory built from the records by the
 * same backfill an older table gets, then the searches the page makes, as the use case makes them.
 */
export const subscriberSearchBench = async ({ readers, rounds }: { readers: number; rounds: number }) => {
  const dynalite = await startChild<{ url: string }>('stand-in.ts', ['dynalite']);
  try {
    const doc = createDocumentClient({ endpoint: dynalite.first.url, region: 'eu-west-3' });
    const tableName = 'bench-search';
    await ensureTable(doc as never, tableName);
    const store = dynamoSubscriberStore(doc, tableName);
    const directory = dynamoSubscriberDirectory(doc, tableName);
    let started = performance.now();
    const requests = Array.from({ length: readers }, (_, n) => ({
      PutRequest: { Item: toSubscriberItem(reader(n)) },
    }));
    const lanes = 4;
    await Promise.all(
      Array.from({ length: lanes }, (_, lane) =>
        writeInBatches(
          doc,
          tableName,
          requests.filter((_, i) => i % lanes === lane),
          { pause: sleep, what: 'bench readers' },
        ),
      ),
    );
    const seedMs = performance.now() - started;
    started = performance.now();
    // As the page would, visit after visit, until the whole table is in.
    while (!(await ensureDirectory({ store, directory }, 20_000)).done);
    const backfillMs = performance.now() - started;

    const perQueryMs: Record<string, number[]> = {};
    const slowestMs: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let slowest = 0;
      for (const query of QUERIES) {
        const t0 = performance.now();
        const page = await listReaders({ ...query, limit: 50 }, { store, directory });
        if (page.after) await listReaders({ ...query, after: page.after, limit: 50 }, { store, directory });
        const ms = (performance.now() - t0) / (page.after ? 2 : 1);
        (perQueryMs[`${query.search || '—'} (${query.filter})`] ??= []).push(ms);
        slowest = Math.max(slowest, ms);
      }
      slowestMs.push(slowest);
    }

    started = performance.now();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: 'contains(email, :q)',
          ExpressionAttributeValues: { ':q': 'noel.girard4' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      start = page.LastEvaluatedKey;
    } while (start);
    const scanMs = performance.now() - started;
    return {
      readers,
      seedMs,
      backfillMs,
      slowestMs,
      perQueryMs,
      scanMs,
      slowest: spread(slowestMs),
    } satisfies SearchBench;
  } finally {
    await dynalite.stop();
  }
};
