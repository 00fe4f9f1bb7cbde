import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IssueId } from '../../domain/issue.ts';
import type { CatalogueEntry, CatalogueStore } from '../../ports/catalogue-store.ts';
import { type Key, sleep, type WriteRequest, writeInBatches } from './batches.ts';
import { queryAll } from './query-all.ts';

/** A name key can be hundreds of characters once normalised (NFKD lengthens some): the partition is its hash. */
const partitionOf = (key: string) => `CATALOGUE#${createHash('sha256').update(key).digest('base64url')}`;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
const issuePartition = (issueId: IssueId) => `CATALOGUE_OF#${issueId}`;

/** Sorted by series then position, so a key's partition reads in catalogue order. */
const toItem = (entry: CatalogueEntry) => {
  const pk = partitionOf(entry.key);
  const { key, ...rest } = entry;
  return {
    pk,
    sk: `ISSUE#${pad(entry.series, 9)}#${pad(entry.position, 4)}`,
    gsi1pk: issuePartition(entry.issueId),
    gsi1sk: `${pad(entry.position, 4)}#${pk}`,
    kind: 'catalogue-entry',
    // `key` is a DynamoDB reserved word: a plain attribute name keeps any future expression simple.
    catalogueKey: key,
    ...rest,
  };
};

const fromItem = (item: Record<string, unknown>): CatalogueEntry => {
  const { catalogueKey, issueId, series, sunday, position, artist, title } = item;
  return { key: catalogueKey, issueId, series, sunday, position, artist, title } as CatalogueEntry;
};

const identity = (keys: Key) => `${keys.pk}\u0000${keys.sk}`;

/**
 * One item per (key, issue, position): `findByKeys` is one query per key. An issue's own entries are its `gsi1`
 * partition, so `replaceForIssue` can find the stale ones without knowing the previous revision. That read is
 * eventually consistent on AWS: a revision written within the index's lag (typically well under a second) of
 * the previous one may leave a stale entry behind, which the next revision removes. Puts go before deletes, so
 * a crash half-way leaves extra entries (a spurious warning at worst), never missing ones.
 */
export const dynamoCatalogueStore = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  { pause = sleep } = {},
): CatalogueStore => ({
  findByKeys: async (keys) => {
    const found = await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const entries: CatalogueEntry[] = [];
        for await (const page of queryAll(doc, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partitionOf(key) },
          ConsistentRead: true,
        }))
          entries.push(...(page.Items ?? []).filter((item) => item.catalogueKey === key).map(fromItem));
        return entries;
      }),
    );
    return found.flat();
  },

  replaceForIssue: async (issueId, entries) => {
    const current = new Map<string, Record<string, unknown>>();
    for await (const page of queryAll(doc, {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :partition',
      ExpressionAttributeValues: { ':partition': issuePartition(issueId) },
    }))
      for (const item of page.Items ?? []) current.set(identity(item as Key), item);
    // One batch may not name an item twice: the same (key, position) given twice is one entry.
    const wanted = new Map(entries.map(toItem).map((item) => [identity(item), item]));
    const puts: WriteRequest[] = [...wanted]
      .filter(([id, item]) => !sameItem(current.get(id), item))
      .map(([, item]) => ({ PutRequest: { Item: item } }));
    const deletes: WriteRequest[] = [...current]
      .filter(([id]) => !wanted.has(id))
      .map(([, item]) => ({ DeleteRequest: { Key: { pk: String(item.pk), sk: String(item.sk) } } }));
    const requests = [...puts, ...deletes];
    await writeInBatches(doc, tableName, requests, { pause, what: 'catalogue writes' });
  },
});

const sameItem = (stored: Record<string, unknown> | undefined, item: Record<string, unknown>) =>
  stored !== undefined && Object.entries(item).every(([name, value]) => stored[name] === value);
