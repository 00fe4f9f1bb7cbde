import { BatchIncompleteError } from '../../shared/adapters/dynamodb/batches.ts';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dynamoCatalogueStore } from '../../shared/adapters/dynamodb/catalogue-store.ts';
import { issueIdFor } from '../../shared/domain/issue.ts';
import type { CatalogueEntry } from '../../shared/ports/catalogue-store.ts';
import { freshTable } from '../support/tables.ts';

type WriteRequests = NonNullable<BatchWriteCommand['input']['RequestItems']>[string];

const entries = (count: number): CatalogueEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `name:artist ${i}|song`,
    issueId: issueIdFor(30),
    series: 30,
    sunday: '2026-10-25',
    position: i + 1,
    artist: `Artist ${i}`,
    title: 'Song',
  }));

/**
 * The real table behind a client that, like DynamoDB under throttling, processes only the first `take` writes of
 * each batch call and hands the rest back as UnprocessedItems.
 */
const throttled = (doc: DynamoDBDocumentClient, tableName: string, take: (call: number) => number) => {
  const calls: number[] = [];
  const client = {
    send: async (command: unknown) => {
      if (!(command instanceof BatchWriteCommand)) return doc.send(command as never);
      const requests: WriteRequests = command.input.RequestItems?.[tableName] ?? [];
      calls.push(requests.length);
      const processed = requests.slice(0, take(calls.length));
      if (processed.length > 0)
        await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: processed } }));
      const rest = requests.slice(processed.length);
      return { UnprocessedItems: rest.length > 0 ? { [tableName]: rest } : {} };
    },
  };
  return { client: client as unknown as DynamoDBDocumentClient, calls };
};

describe('the catalogue store when DynamoDB leaves writes unprocessed', () => {
  let table: Awaited<ReturnType<typeof freshTable>>;
  const pauses: number[] = [];
  const pause = async (ms: number) => {
    pauses.push(ms);
  };
  beforeEach(async () => {
    table = await freshTable(inject('dynaliteUrl'));
    pauses.length = 0;
  });

  it('retries the unprocessed ones, backing off, until every entry is written', async () => {
    const { client, calls } = throttled(table.doc, table.tableName, (call) => (call <= 3 ? 10 : 25));
    await dynamoCatalogueStore(client, table.tableName, { pause }).replaceForIssue('iss_30', entries(30));
    // 30 entries: a batch of 25 (10 taken, then 10, then the last 5), then the remaining 5.
    expect(calls).toEqual([25, 15, 5, 5]);
    expect(pauses).toEqual([50, 100]);
    const stored = await dynamoCatalogueStore(table.doc, table.tableName).findByKeys(
      entries(30).map((e) => e.key),
    );
    expect(stored).toHaveLength(30);
  });

  it('gives up with a named error when writes stay unprocessed', async () => {
    const { client, calls } = throttled(table.doc, table.tableName, () => 0);
    const failure = dynamoCatalogueStore(client, table.tableName, { pause }).replaceForIssue(
      'iss_30',
      entries(3),
    );
    await expect(failure).rejects.toBeInstanceOf(BatchIncompleteError);
    await expect(failure).rejects.toThrow(/3 catalogue writes left unprocessed after 8 calls/);
    expect(calls).toHaveLength(8);
    expect(pauses).toEqual([50, 100, 200, 400, 800, 1600, 2000]);
  });
});
