import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ledgerKey } from '../../shared/adapters/dynamodb/campaign-items.ts';
import { intervalPacer } from '../../shared/adapters/pacing/interval-pacer.ts';
import type { CampaignId } from '../../shared/domain/campaign.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { Mailer, OutgoingMail } from '../../shared/ports/mailer.ts';

/**
 * The floor the campaign is measured against: `workers` loops sharing one list, each paced at its share of the
 * rate, making per recipient only what the ledger needs (claim, sending, sent; the same items and conditions
 * as shared/adapters/dynamodb/campaign-ledger.ts) and the same SendRawEmail through the same SES mailer (MIME
 * built from the campaign's own mail). No queue, no batches, no subscriber re-check, no link signing nor
 * personalisation: what is left is what no sender can avoid.
 */
export const bareLoop = async ({
  doc,
  tableName,
  mailer,
  mails,
  workers,
  ratePerSecond,
  campaignId = 'cmp_bare' as CampaignId,
}: {
  doc: DynamoDBDocumentClient;
  tableName: string;
  mailer: Mailer;
  mails: readonly OutgoingMail[];
  workers: number;
  ratePerSecond: number;
  campaignId?: CampaignId;
}) => {
  const state = (set: string, condition: string, key: object, values: Record<string, unknown>) =>
    doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: set,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: values,
      }),
    );
  let next = 0;
  const loop = async () => {
    const pacer = intervalPacer({ ratePerSecond: ratePerSecond / workers });
    for (let mail = mails[next++]; mail; mail = mails[next++]) {
      const subscriberId = mail.tags?.subscriber as SubscriberId;
      const key = ledgerKey(campaignId, subscriberId);
      const token = randomUUID();
      const now = Date.now();
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key,
            kind: 'ledger',
            campaignId,
            subscriberId,
            state: 'claimed',
            claimToken: token,
            leaseUntil: now + 60_000,
            updatedAt: new Date(now).toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now },
        }),
      );
      const sent = await pacer.next();
      const at = () => new Date().toISOString();
      await state(
        'SET #state = :sending, updatedAt = :at',
        '#state = :claimed AND claimToken = :token',
        key,
        {
          ':sending': 'sending',
          ':claimed': 'claimed',
          ':token': token,
          ':at': at(),
        },
      );
      const outcome = await mailer.send(mail).finally(sent);
      if (outcome.kind !== 'sent') throw new Error(`the bare loop's send was ${outcome.kind}`);
      await state(
        'SET #state = :sent, updatedAt = :at, messageId = :mid REMOVE claimToken, leaseUntil',
        'claimToken = :token AND #state IN (:claimed, :sending)',
        key,
        {
          ':sent': 'sent',
          ':at': at(),
          ':mid': outcome.messageId,
          ':token': token,
          ':claimed': 'claimed',
          ':sending': 'sending',
        },
      );
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
};
