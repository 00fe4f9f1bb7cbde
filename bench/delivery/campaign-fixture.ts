import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { parsePost } from '../../shared/domain/posts/parse-post.ts';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { toSubscriberItem } from '../../shared/adapters/dynamodb/subscriber-item.ts';
import { inProcessRenderTrigger } from '../../infra/local/runtime/in-process-render-trigger.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { Subscriber, SubscriberId } from '../../shared/domain/subscriber.ts';
import { acceptPost } from '../../shared/usecases/accept-post.ts';
import { BASE, connect } from './delivery-wiring.ts';

/** A fresh table holding issue #34, stored and rendered by MJML as the webhook would have it. */
export const tableWithIssue = async (endpoint: string) => {
  const tableName = `bench_${randomUUID().slice(0, 8)}`;
  await ensureTable(
    new DynamoDBClient({
      endpoint,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    tableName,
  );
  const doc = connect(endpoint);
  const body = JSON.parse(
    readFileSync(new URL('../../examples/sunday-morning-sound-34.json', import.meta.url), 'utf8'),
  );
  const parsed = parsePost(body, { now: new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/Paris' });
  if (!parsed.ok) throw new Error('the example post does not parse');
  const store = dynamoIssueStore(doc, tableName);
  const renderer = createMjmlRenderer({
    seriesName: 'Online Sunday Morning Sound',
    postalAddress: '12 rue des Lilas, Paris',
    subscribeUrl: `${BASE}/subscribe`,
  });
  const clock = { now: () => new Date('2026-11-24T10:00:00Z') };
  const archiveUrl = (slug: string) => `${BASE}/archive/${slug}`;
  const accepted = await acceptPost(parsed.content, {
    store,
    renderTrigger: inProcessRenderTrigger({ store, renderer, clock, archiveUrl }),
    clock,
    timeZone: 'Europe/Paris',
  });
  if (!accepted.ok || accepted.issue.renderedRevision === undefined)
    throw new Error('issue #34 not rendered');
  return { doc, tableName };
};

export const aReader = (i: number): Subscriber => {
  const n = String(i).padStart(7, '0');
  return {
    id: `sub_bench${n}` as SubscriberId,
    email: `lectrice.${n}@exemple.fr` as EmailAddress,
    name: 'Chloé Martin',
    language: 'fr',
    status: 'confirmed',
    preferences: { paused: false },
    consent: { at: '2026-11-01T09:00:00.000Z', source: 'form', textVersion: 'v1' },
    createdAt: '2026-11-01T08:55:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    confirmedAt: '2026-11-01T09:00:00.000Z',
  };
};

/** `count` confirmed readers, 25 per BatchWriteItem (its maximum), `parallel` calls in flight. */
export const addReaders = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  count: number,
  parallel = 8,
) => {
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + 25);
      let requests = Array.from({ length: next - from }, (_, k) => ({
        PutRequest: { Item: toSubscriberItem(aReader(from + k)) },
      }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await doc.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, writer));
};
