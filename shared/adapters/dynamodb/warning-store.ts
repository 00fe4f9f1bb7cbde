import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IssueId } from '../../domain/issue.ts';
import type { WarningReport, WarningSource } from '../../domain/music/issue-warning.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { conditionally } from './conditional.ts';
import { queryAll } from './query-all.ts';

const PREFIX = 'WARNINGS#';

/** Outside the reports' prefix, so `list` never reads it. */
const noticeKey = (issueId: IssueId) => ({ pk: `ISSUE#${issueId}`, sk: 'NOTIFIED#warnings' });

const reportKey = (issueId: IssueId, source: WarningSource) => ({
  pk: `ISSUE#${issueId}`,
  sk: `${PREFIX}${source}`,
});

/**
 * One item per (issue, source) in the issue's partition, replaced by each check. The put is conditional on the
 * revision: a slow check of an older revision that finishes last does not hide the newer revision's report.
 */
export const dynamoWarningStore = (doc: DynamoDBDocumentClient, tableName: string): WarningStore => ({
  save: async (issueId, report) => {
    await conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...reportKey(issueId, report.source), kind: 'warning-report', ...report },
          ConditionExpression: 'attribute_not_exists(pk) OR revision <= :revision',
          ExpressionAttributeValues: { ':revision': report.revision },
        }),
      ),
    );
  },

  list: async (issueId) => {
    const reports: Partial<Record<WarningSource, WarningReport>> = {};
    for await (const page of queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `ISSUE#${issueId}`, ':prefix': PREFIX },
      ConsistentRead: true,
    })) {
      for (const item of page.Items ?? []) {
        const { pk: _pk, sk: _sk, kind: _kind, ...report } = item;
        reports[(report as WarningReport).source] = report as WarningReport;
      }
    }
    return reports;
  },

  claimNotice: async (issueId, fingerprint) => {
    let previous: string | undefined;
    const claimed = await conditionally(async () => {
      const { Attributes } = await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...noticeKey(issueId), kind: 'warning-notice', fingerprint },
          ConditionExpression: 'attribute_not_exists(pk) OR fingerprint <> :f',
          ExpressionAttributeValues: { ':f': fingerprint },
          ReturnValues: 'ALL_OLD',
        }),
      );
      previous = (Attributes?.fingerprint as string | undefined) || undefined;
    });
    if (!claimed) return { claimed: false };
    return { claimed: true, ...(previous ? { previous } : {}) };
  },

  releaseNotice: async (issueId, fingerprint, previous) => {
    // Put back rather than deleted: an empty fingerprint is "told of nothing", and the writers need no delete.
    await conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...noticeKey(issueId), kind: 'warning-notice', fingerprint: previous ?? '' },
          ConditionExpression: 'fingerprint = :f',
          ExpressionAttributeValues: { ':f': fingerprint },
        }),
      ),
    );
  },
});
