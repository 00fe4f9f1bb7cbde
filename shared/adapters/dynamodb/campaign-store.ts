import { randomUUID } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import {
  batchKey,
  campaignKey,
  fromBatchItem,
  fromCampaignItem,
  toBatchItem,
  toCampaignItem,
} from './campaign-items.ts';
import { conditionally } from './conditional.ts';
import { ledgerOperations } from './campaign-ledger.ts';

export const dynamoCampaignStore = (doc: DynamoDBDocumentClient, tableName: string): CampaignStore => {
  const update = (
    id: Parameters<typeof campaignKey>[0],
    input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>,
  ) => doc.send(new UpdateCommand({ TableName: tableName, Key: campaignKey(id), ...input }));
  const getItem = async (key: Record<string, string>) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  return {
    create: (campaign) =>
      conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toCampaignItem(campaign),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),

    get: async (id) => {
      const item = await getItem(campaignKey(id));
      return item ? fromCampaignItem(item) : undefined;
    },

    leaseDispatch: (id, holder, now, leaseMs) =>
      conditionally(() =>
        update(id, {
          UpdateExpression: 'SET dispatchHolder = :holder, dispatchLeaseUntil = :until',
          ConditionExpression:
            'attribute_not_exists(dispatchLeaseUntil) OR dispatchHolder = :holder OR dispatchLeaseUntil < :now',
          ExpressionAttributeValues: { ':holder': holder, ':until': now + leaseMs, ':now': now },
        }),
      ),

    listUnfinished: async () => {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          // A done campaign whose report has not gone is not finished: a restart must still report it.
          FilterExpression: '#status <> :done OR attribute_not_exists(reportedAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': 'CAMPAIGNS', ':done': 'done' },
          ScanIndexForward: false,
        }),
      );
      return Items.map(fromCampaignItem);
    },

    checkpoint: (id, afterBatches, next) =>
      conditionally(() =>
        update(id, {
          UpdateExpression: next.cursor
            ? 'SET batches = :b, audience = :a, #cursor = :c'
            : 'SET batches = :b, audience = :a REMOVE #cursor',
          ConditionExpression: 'batches = :after',
          ExpressionAttributeNames: { '#cursor': 'cursor' },
          ExpressionAttributeValues: {
            ':b': next.batches,
            ':a': next.audience,
            ':after': afterBatches,
            ...(next.cursor ? { ':c': next.cursor } : {}),
          },
        }),
      ),

    finishDispatch: async (id) => {
      await update(id, {
        UpdateExpression: 'SET dispatched = :t',
        ExpressionAttributeValues: { ':t': true },
      });
      // A campaign paused meanwhile stays paused: its resume turns it to sending.
      await conditionally(() =>
        update(id, {
          UpdateExpression: 'SET #status = :sending',
          ConditionExpression: '#status = :dispatching',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':dispatching': 'dispatching' },
        }),
      );
    },

    putBatch: async (batch) => {
      const written = await conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toBatchItem(batch),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (written) return batch;
      return fromBatchItem(
        (await getItem(batchKey(batch.campaignId, batch.number))) as Record<string, unknown>,
      );
    },

    getBatch: async (id, number) => {
      const item = await getItem(batchKey(id, number));
      return item ? fromBatchItem(item) : undefined;
    },

    markBatchDone: async (id, number) => {
      // A number set: adding the same batch twice changes nothing, so a redelivered message cannot overcount.
      const { Attributes } = await update(id, {
        UpdateExpression: 'ADD doneBatches :n',
        ExpressionAttributeValues: { ':n': new Set([number]) },
        ReturnValues: 'ALL_NEW',
      });
      return (Attributes?.doneBatches as Set<number> | undefined)?.size ?? 0;
    },

    doneBatchNumbers: async (id) =>
      ((await getItem(campaignKey(id)))?.doneBatches as Set<number> | undefined) ?? new Set(),

    pause: async (id, resumeAt) => {
      let first = false;
      await conditionally(async () => {
        const { Attributes } = await update(id, {
          UpdateExpression:
            'SET #status = :paused, resumeAt = :r, firstResumeAt = if_not_exists(firstResumeAt, :r)',
          ConditionExpression: '#status <> :done',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':paused': 'paused', ':r': resumeAt, ':done': 'done' },
          ReturnValues: 'UPDATED_OLD',
        });
        first = Attributes?.firstResumeAt === undefined;
      });
      return first;
    },

    resume: async (id) => {
      await conditionally(() =>
        update(id, {
          UpdateExpression: 'SET #status = :dispatching REMOVE resumeAt',
          ConditionExpression: '#status = :paused',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':paused': 'paused', ':dispatching': 'dispatching' },
        }),
      );
      // Paused after its dispatch finished: back to sending.
      await conditionally(() =>
        update(id, {
          UpdateExpression: 'SET #status = :sending',
          ConditionExpression: 'dispatched = :t AND #status = :dispatching',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':t': true, ':dispatching': 'dispatching' },
        }),
      );
    },

    complete: (id, at) =>
      conditionally(() =>
        update(id, {
          UpdateExpression: 'SET #status = :done, finishedAt = :at',
          ConditionExpression:
            'dispatched = :t AND #status <> :done AND (batches = :zero OR size(doneBatches) = batches)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'done', ':at': at, ':t': true, ':zero': 0 },
        }),
      ),

    markReported: (id, at) =>
      conditionally(() =>
        update(id, {
          UpdateExpression: 'SET reportedAt = :at',
          ConditionExpression: 'attribute_not_exists(reportedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),

    releaseReport: async (id) => {
      await update(id, { UpdateExpression: 'REMOVE reportedAt' });
    },

    ...ledgerOperations(doc, tableName, () => randomUUID()),
  };
};
