import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IssueId } from '../../domain/issue.ts';
import type { WarningReport, WarningSource } from '../../domain/music/issue-warning.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { conditionally } from './conditional.ts';
import { queryAll } from './query-all.ts';

const PREFIX = 'WARNINGS#';

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
});
