import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { readerSearchText } from '../../domain/search-text.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type {
  Backfill,
  DirectoryEntry,
  DirectoryQuery,
  SubscriberDirectory,
} from '../../ports/subscriber-directory.ts';
import { sleep, writeInBatches } from './batches.ts';

/**
 * Sixteen partitions of small rows (address and id as the key, the search text, the status): a search reads them
 * in parallel with a `contains` filter, several times faster on dynalite than a filtered Scan of the full records
 * (`npm run bench:search`). DynamoDB bills a Query by bytes read, so the rows carry nothing a page shows.
 */
const SHARDS = 16;
const readAhead = (page: number) => (page > 3 ? undefined : 100 * 4 ** page);
const limitOf = (limit: number | undefined) => (limit ? { Limit: limit } : {});
const BACKFILL = { pk: 'SUBDIR#meta', sk: 'BACKFILL' };

const shardOf = (id: SubscriberId) => {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return (hash >>> 0) % SHARDS;
};

// Address first, so each partition is in address order and pages merge; the id keeps the key unique.
const rowKey = ({ id, email }: Pick<DirectoryEntry, 'id' | 'email'>) => ({
  pk: `SUBDIR#${shardOf(id)}`,
  sk: `${email} ${id}`,
});

// Only what a search reads: every byte here is read again by each search that finds nothing.
const toRow = (entry: DirectoryEntry) => ({
  ...rowKey(entry),
  t: readerSearchText(entry.email, entry.name),
  s: entry.status,
});

const idOf = (sk: unknown) => String(sk).slice(String(sk).lastIndexOf(' ') + 1) as SubscriberId;

const encode = (sk: string) => Buffer.from(sk).toString('base64url');
const decode = (after: string | undefined) =>
  after ? Buffer.from(after, 'base64url').toString('utf8') : undefined;

export const dynamoSubscriberDirectory = (
  doc: DynamoDBDocumentClient,
  tableName: string,
): SubscriberDirectory => {
  /** One partition's first `limit + 1` matches after `after`: enough to fill a page and know there is more. */
  const shardMatches = async (shard: number, query: DirectoryQuery, after: string | undefined) => {
    const filters = [
      ...(query.text ? ['contains(#t, :text)'] : []),
      ...(query.status ? ['#s = :status'] : []),
    ];
    const rows: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      pages += 1;
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: after ? 'pk = :pk AND sk > :after' : 'pk = :pk',
          ExpressionAttributeValues: {
            ':pk': `SUBDIR#${shard}`,
            ...(after ? { ':after': after } : {}),
            ...(query.text ? { ':text': query.text } : {}),
            ...(query.status ? { ':status': query.status } : {}),
          },
          ...(filters.length
            ? {
                FilterExpression: filters.join(' AND '),
                ExpressionAttributeNames: {
                  ...(query.text ? { '#t': 't' } : {}),
                  ...(query.status ? { '#s': 's' } : {}),
                },
              }
            : {}),
          // A common word fills a page from the first rows: read a few, then more each time the page stays short.
          ...limitOf(filters.length ? readAhead(pages) : query.limit + 1),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      rows.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && rows.length <= query.limit);
    return rows.slice(0, query.limit + 1);
  };

  return {
    put: async (entry) => {
      await doc.send(new PutCommand({ TableName: tableName, Item: toRow(entry) }));
    },

    putMany: (entries) =>
      writeInBatches(
        doc,
        tableName,
        entries.map((entry) => ({ PutRequest: { Item: toRow(entry) } })),
        { pause: sleep, what: 'directory rows' },
      ),

    remove: async (entry) => {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: rowKey(entry) }));
    },

    search: async (query) => {
      const after = decode(query.after);
      const shards = await Promise.all(
        Array.from({ length: SHARDS }, (_, shard) => shardMatches(shard, query, after)),
      );
      const sorted = shards.flat().sort((a, b) => (String(a.sk) < String(b.sk) ? -1 : 1));
      const page = sorted.slice(0, query.limit);
      const last = page.at(-1);
      return {
        ids: page.map((row) => idOf(row.sk)),
        ...(sorted.length > query.limit && last ? { after: encode(String(last.sk)) } : {}),
      };
    },

    backfill: async () => {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: BACKFILL }));
      return Item ? (Item.state as Backfill) : { done: false, rows: 0 };
    },

    saveBackfill: async (state) => {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...BACKFILL, state } }));
    },
  };
};
