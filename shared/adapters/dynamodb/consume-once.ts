import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionally } from './conditional.ts';

/**
 * Marks a single-use link used, in one conditional write: it must exist, be unused and still valid at `now`
 * (ISO, compared with its `validUntil`). Its attributes when this call used it; undefined when it was already
 * used, expired or unknown, so two clicks racing on one link never both succeed. The studio's sign-in links
 * and the readers' data links share it.
 */
export const consumeOnce = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  key: { pk: string; sk: string },
  now: string,
): Promise<Record<string, unknown> | undefined> => {
  let attributes: Record<string, unknown> | undefined;
  await conditionally(async () => {
    ({ Attributes: attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND validUntil > :now',
        ExpressionAttributeValues: { ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    ));
  });
  return attributes;
};
