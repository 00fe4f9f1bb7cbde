import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CampaignCounts, LedgerState } from '../../domain/campaign.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import { campaignKey, fromLedgerItem, LEDGER_PREFIX, ledgerKey } from './campaign-items.ts';
import { conditionally } from './conditional.ts';
import { queryAll } from './query-all.ts';
import { MissingRecordError } from '../../domain/missing-record.ts';

type LedgerOperations = Pick<
  CampaignStore,
  'claim' | 'settle' | 'release' | 'markAmbiguous' | 'reconcile' | 'ledger' | 'counts'
>;

const STATES: LedgerState[] = ['claimed', 'sending', 'sent', 'failed', 'ambiguous', 'skipped'];

export const ledgerOperations = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  newToken: () => string,
): LedgerOperations => {
  const ledger: LedgerOperations['ledger'] = async (id, subscriberId) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: ledgerKey(id, subscriberId), ConsistentRead: true }),
    );
    return Item ? fromLedgerItem(Item) : undefined;
  };
  const transition = (
    id: Parameters<typeof ledgerKey>[0],
    subscriberId: Parameters<typeof ledgerKey>[1],
    set: string,
    condition: string,
    values: Record<string, unknown>,
  ) =>
    conditionally(() =>
      doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: ledgerKey(id, subscriberId),
          UpdateExpression: set,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: values,
        }),
      ),
    );

  return {
    ledger,

    claim: async (id, subscriberId, now, leaseMs) => {
      const token = newToken();
      const claimed = await conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...ledgerKey(id, subscriberId),
              kind: 'ledger',
              campaignId: id,
              subscriberId,
              // The claim is the point of no return: from here the mail may reach SES (see markAmbiguous).
              state: 'sending',
              claimToken: token,
              leaseUntil: now + leaseMs,
              updatedAt: new Date(now).toISOString(),
            },
            // `claimed` with an expired lease: an entry from before claims went straight to `sending`, which
            // never reached SES; safe to take over.
            ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now },
          }),
        ),
      );
      if (claimed) return { claimed: true, token };
      const entry = await ledger(id, subscriberId);
      if (!entry)
        throw new MissingRecordError(`ledger entry ${id}/${subscriberId} vanished during its claim`);
      return { claimed: false, entry };
    },

    settle: (id, subscriberId, token, outcome, at) =>
      transition(
        id,
        subscriberId,
        `SET #state = :state, updatedAt = :at${outcome.messageId ? ', messageId = :mid' : ''}${outcome.detail ? ', detail = :detail' : ''} REMOVE claimToken, leaseUntil`,
        'claimToken = :token AND #state IN (:claimed, :sending)',
        {
          ':state': outcome.state,
          ':token': token,
          ':claimed': 'claimed',
          ':sending': 'sending',
          ':at': at,
          ...(outcome.messageId ? { ':mid': outcome.messageId } : {}),
          ...(outcome.detail ? { ':detail': outcome.detail.slice(0, 500) } : {}),
        },
      ),

    release: async (id, subscriberId, token) => {
      await conditionally(() =>
        doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: ledgerKey(id, subscriberId),
            ConditionExpression: 'claimToken = :token',
            ExpressionAttributeValues: { ':token': token },
          }),
        ),
      );
    },

    markAmbiguous: (id, subscriberId, at) =>
      transition(
        id,
        subscriberId,
        'SET #state = :ambiguous, updatedAt = :at, detail = :detail REMOVE claimToken',
        '#state = :sending AND leaseUntil < :now',
        {
          ':ambiguous': 'ambiguous',
          ':sending': 'sending',
          ':now': Date.parse(at),
          ':at': at,
          ':detail': 'the sender stopped during its SES call',
        },
      ),

    reconcile: (id, subscriberId, messageId, at) =>
      transition(
        id,
        subscriberId,
        'SET #state = :sent, messageId = :mid, updatedAt = :at, reconciled = :t',
        '#state = :ambiguous',
        {
          ':sent': 'sent',
          ':ambiguous': 'ambiguous',
          ':mid': messageId,
          ':at': at,
          ':t': true,
        },
      ),

    counts: async (id) => {
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<LedgerState, number>;
      const pages = queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pk': campaignKey(id).pk, ':prefix': LEDGER_PREFIX },
        ProjectionExpression: '#state',
      });
      for await (const page of pages)
        for (const item of page.Items ?? []) counts[item.state as LedgerState] += 1;
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: campaignKey(id), ProjectionExpression: 'audience' }),
      );
      const audience = (Item?.audience as number | undefined) ?? 0;
      const settled = STATES.reduce((n, s) => n + counts[s], 0);
      return { audience, ...counts, pending: Math.max(0, audience - settled) } satisfies CampaignCounts;
    },
  };
};
