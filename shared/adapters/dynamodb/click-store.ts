import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IssueId } from '../../domain/issue.ts';
import type { ClickCount, ClickLink } from '../../domain/music/click-link.ts';
import { LINK_VARIANTS } from '../../domain/platforms.ts';
import type { ClickStore } from '../../ports/click-store.ts';
import { sleep, writeInBatches } from './batches.ts';
import { queryAll } from './query-all.ts';

const linkKey = (id: string) => ({ pk: `CLICK#${id}`, sk: 'LINK' });
const countKey = (id: string) => ({ pk: `CLICK#${id}`, sk: 'COUNT' });
const countsPartition = (issueId: IssueId) => `CLICKS#${issueId}`;

/**
 * A link is one item (`LINK`), its counter another (`COUNT`): registering again overwrites the link with the
 * same content (the id is derived from it) and never touches the count. The counter also carries what the
 * report groups by and the issue's `gsi1` partition, so an issue's counts are one query.
 */
export const dynamoClickStore = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  { pause = sleep } = {},
): ClickStore => ({
  register: async (links) => {
    // One batch may not name a key twice; equal ids mean equal content, so keeping one is lossless.
    const unique = [...new Map(links.map((link) => [link.id, link])).values()];
    const requests = unique.map((link) => ({
      PutRequest: { Item: { ...linkKey(link.id), kind: 'click-link', ...link } },
    }));
    await writeInBatches(doc, tableName, requests, { pause, what: 'click links' });
  },

  find: async (id) => {
    // Eventually consistent is enough: a link is written at render time, long before a mail carries it.
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: linkKey(id) }));
    if (!Item) return undefined;
    const { issueId, position, platform, target } = Item as ClickLink;
    return { id, issueId, position, platform, target };
  },

  count: async (link) => {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: countKey(link.id),
        // ADD is atomic on the item: concurrent clicks each add one, none is lost.
        UpdateExpression:
          'ADD clicks :one SET kind = :kind, issueId = :issueId, #position = :position, platform = :platform, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk',
        ExpressionAttributeNames: { '#position': 'position' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':kind': 'click-count',
          ':issueId': link.issueId,
          ':position': link.position,
          ':platform': link.platform,
          ':gsi1pk': countsPartition(link.issueId),
          ':gsi1sk': `${String(link.position).padStart(4, '0')}#${link.platform}#${link.id}`,
        },
      }),
    );
  },

  countsFor: async (issueId) => {
    // One (position, platform) may have had several ids (a target changed between renders): summed.
    const totals = new Map<string, ClickCount>();
    for await (const page of queryAll(doc, {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': countsPartition(issueId) },
    })) {
      for (const item of page.Items ?? []) {
        const { position, platform, clicks } = item as ClickCount;
        const key = `${position}#${platform}`;
        const total = totals.get(key) ?? { issueId, position, platform, clicks: 0 };
        totals.set(key, { ...total, clicks: total.clicks + Number(clicks) });
      }
    }
    return [...totals.values()].sort(
      (a, b) =>
        a.position - b.position || LINK_VARIANTS.indexOf(a.platform) - LINK_VARIANTS.indexOf(b.platform),
    );
  },
});
