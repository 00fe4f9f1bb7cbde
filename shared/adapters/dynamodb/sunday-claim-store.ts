import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IssueId } from '../../domain/issue.ts';
import type { SundayClaim } from '../../domain/sunday-claim.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import { conditionally } from './conditional.ts';

/** One item per Sunday: its key is the Sunday, so the table itself refuses a second holder. */
const claimKey = (sunday: string) => ({ pk: `SUNDAY#${sunday}`, sk: 'CLAIM' });

export const dynamoSundayClaims = (
  doc: DynamoDBDocumentClient,
  tableName: string,
): Pick<IssueStore, 'sundayClaim' | 'claimSunday' | 'releaseSunday'> => ({
  sundayClaim: async (sunday) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: claimKey(sunday), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { issueId, at } = Item as SundayClaim;
    return { sunday, issueId, at };
  },
  claimSunday: (claim, replacing) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...claimKey(claim.sunday), kind: 'sunday_claim', ...claim },
          ...(replacing
            ? {
                ConditionExpression: 'issueId = :old AND #at = :oldAt',
                ExpressionAttributeNames: { '#at': 'at' },
                ExpressionAttributeValues: { ':old': replacing.issueId, ':oldAt': replacing.at },
              }
            : {
                ConditionExpression: 'attribute_not_exists(pk) OR issueId = :me',
                ExpressionAttributeValues: { ':me': claim.issueId },
              }),
        }),
      ),
    ),
  releaseSunday: (sunday: string, id: IssueId) =>
    conditionally(() =>
      doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: claimKey(sunday),
          ConditionExpression: 'issueId = :me',
          ExpressionAttributeValues: { ':me': id },
        }),
      ),
    ),
});
