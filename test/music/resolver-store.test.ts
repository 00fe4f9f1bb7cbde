import { BatchIncompleteError } from '../../shared/adapters/dynamodb/batches.ts';
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { freshTable } from '../support/tables.ts';

type Keys = { Keys?: Record<string, unknown>[] };

/**
 * A document client that answers BatchGetItem for only `served(keys)` of the keys asked, the rest as
 * UnprocessedKeys, as DynamoDB does under throttling. Dynalite never leaves keys unprocessed by itself.
 */
const throttled = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  served: (keys: number, call: number) => number,
) => {
  const asked: number[] = [];
  const client = {
    send: async (command: unknown) => {
      if (!(command instanceof BatchGetCommand)) return doc.send(command as never);
      const keys = ((command.input.RequestItems?.[tableName] as Keys | undefined)?.Keys ?? []).slice();
      asked.push(keys.length);
      const count = served(keys.length, asked.length);
      const answer =
        count > 0
          ? await doc.send(
              new BatchGetCommand({
                RequestItems: { [tableName]: { Keys: keys.slice(0, count), ConsistentRead: true } },
              }),
            )
          : { Responses: { [tableName]: [] } };
      const rest = keys.slice(count);
      return { ...answer, UnprocessedKeys: rest.length ? { [tableName]: { Keys: rest } } : {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, asked };
};

const notFound = (n: number): TrackResolution => {
  const url = `https://www.deezer.com/track/${n}`;
  return {
    key: trackUrlKey(url),
    url,
    status: 'not_found',
    detail: 'HTTP 404',
    resolvedAt: '2026-11-22T10:00:00Z',
  };
};

describe('track link store under throttling', () => {
  let doc: DynamoDBDocumentClient;
  let tableName: string;
  const saved = Array.from({ length: 5 }, (_, i) => notFound(i));
  beforeAll(async () => {
    ({ doc, tableName } = await freshTable(inject('dynaliteUrl')));
    const store = dynamoTrackLinkStore(doc, tableName);
    for (const resolution of saved) await store.save(resolution);
  });

  it('asks again for the keys DynamoDB left unprocessed, after a growing pause', async () => {
    const { client, asked } = throttled(doc, tableName, (keys) => Math.min(keys, 2));
    const pauses: number[] = [];
    const store = dynamoTrackLinkStore(client, tableName, { pause: async (ms) => void pauses.push(ms) });
    const found = await store.getMany(saved.map((resolution) => resolution.key));
    expect([...found.values()]).toEqual(expect.arrayContaining(saved));
    expect(found.size).toBe(5);
    expect(asked).toEqual([5, 3, 1]);
    expect(pauses.length).toBe(2);
    expect(pauses[1]).toBeGreaterThan(pauses[0] ?? Infinity);
  });

  it('throws a named error when keys stay unprocessed', async () => {
    const { client, asked } = throttled(doc, tableName, () => 0);
    const store = dynamoTrackLinkStore(client, tableName, { pause: async () => {} });
    await expect(store.getMany([saved[0]?.key ?? ''])).rejects.toThrow(BatchIncompleteError);
    expect(asked.length).toBe(8);
  });
});
