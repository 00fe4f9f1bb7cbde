import { BatchIncompleteError } from '../../shared/adapters/dynamodb/batches.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { clickLink } from '../../shared/domain/music/click-link.ts';

type Put = { PutRequest: { Item: { id: string } } };

/**
 * A table that leaves some of each BatchWriteItem unprocessed, as DynamoDB does under throttling: what the
 * adapter does then cannot be provoked on the emulators.
 */
const throttlingTable = (unprocessedPerCall: (call: number, requests: Put[]) => Put[]) => {
  const written = new Set<string>();
  const batches: number[] = [];
  const doc = {
    send: async (command: { input: { RequestItems: Record<string, Put[]> } }) => {
      const requests = command.input.RequestItems.clicks ?? [];
      batches.push(requests.length);
      const left = unprocessedPerCall(batches.length, requests);
      for (const r of requests) if (!left.includes(r)) written.add(r.PutRequest.Item.id);
      return { UnprocessedItems: left.length > 0 ? { clicks: left } : {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, written, batches };
};

const links = Array.from({ length: 30 }, (_, i) =>
  clickLink({ issueId: 'iss_34', position: i + 1, platform: 'spotify', target: `https://example.com/${i}` }),
);

describe('registering the links of an issue', () => {
  it('sends again what the table left unprocessed, pausing longer each time, until all is written', async () => {
    const table = throttlingTable((call, requests) => (call <= 2 ? requests.slice(0, 10) : []));
    const pauses: number[] = [];
    const store = dynamoClickStore(table.doc, 'clicks', { pause: async (ms) => void pauses.push(ms) });
    await store.register(links);
    expect(table.written).toEqual(new Set(links.map((l) => l.id)));
    // 25, its 10 left over twice, then the last 5.
    expect(table.batches).toEqual([25, 10, 10, 5]);
    expect(pauses).toHaveLength(2);
    expect(pauses[1]).toBeGreaterThan(pauses[0] ?? Infinity);
  });

  it('fails, naming how many are left, when the table keeps leaving links unprocessed', async () => {
    const table = throttlingTable((_, requests) => requests.slice(0, 3));
    const store = dynamoClickStore(table.doc, 'clicks', { pause: async () => undefined });
    const registering = store.register(links);
    await expect(registering).rejects.toBeInstanceOf(BatchIncompleteError);
    await expect(registering).rejects.toThrow('3 click links left unprocessed after 8 calls');
    expect(table.batches).toHaveLength(8);
  });
});
