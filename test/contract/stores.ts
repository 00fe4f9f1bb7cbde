import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoCatalogueStore } from '../../shared/adapters/dynamodb/catalogue-store.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoRateLimits } from '../../shared/adapters/dynamodb/rate-limits.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { memoryCampaignStore } from '../../shared/adapters/memory/campaign-store.ts';
import { memoryCatalogueStore } from '../../shared/adapters/memory/catalogue-store.ts';
import { memoryClickStore } from '../../shared/adapters/memory/click-store.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memoryRateLimits } from '../../shared/adapters/memory/rate-limits.ts';
import { memorySocialStore } from '../../shared/adapters/memory/social-store.ts';
import { memorySubscriberStore } from '../../shared/adapters/memory/subscriber-store.ts';
import { memoryTrackLinkStore } from '../../shared/adapters/memory/track-link-store.ts';
import { memoryWarningStore } from '../../shared/adapters/memory/warning-store.ts';
import { memoryWebhookReceipts } from '../../shared/adapters/memory/webhook-receipts.ts';
import type { CampaignStore } from '../../shared/ports/campaign-store.ts';
import type { CatalogueEntry, CatalogueStore } from '../../shared/ports/catalogue-store.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import type { IssueStore } from '../../shared/ports/issue-store.ts';
import type { RateLimits } from '../../shared/ports/rate-limits.ts';
import type { SocialStore } from '../../shared/ports/social-store.ts';
import type { SubscriberStore } from '../../shared/ports/subscriber-store.ts';
import type { TrackLinkStore } from '../../shared/ports/track-link-store.ts';
import type { WarningStore } from '../../shared/ports/warning-store.ts';
import type { WebhookReceipts } from '../../shared/ports/webhook-receipts.ts';
import { freshTable } from '../support/tables.ts';

/** Every store a contract suite checks, sharing one storage (a table, or one set of maps) and empty at first. */
export type Stores = {
  issues: IssueStore;
  subscribers: SubscriberStore;
  limits: RateLimits;
  receipts: WebhookReceipts;
  social: SocialStore;
  clicks: ClickStore;
  warnings: WarningStore;
  trackLinks: TrackLinkStore;
  catalogue: CatalogueStore;
  campaigns: CampaignStore;
  /** How many catalogue entries an issue holds, read from the storage itself (what a replace leaves behind). */
  catalogueEntriesOf: (issueId: string) => Promise<number>;
};

export type MakeStores = () => Promise<Stores>;

/** Stores on a fresh table of the DynamoDB at `endpoint` (dynalite, DynamoDB Local). */
export const dynamoStores =
  (endpoint: () => string): MakeStores =>
  async () => {
    const { doc, tableName } = await freshTable(endpoint());
    return {
      issues: dynamoIssueStore(doc, tableName),
      subscribers: dynamoSubscriberStore(doc, tableName),
      limits: dynamoRateLimits(doc, tableName),
      receipts: dynamoWebhookReceipts(doc, tableName),
      social: dynamoSocialStore(doc, tableName),
      clicks: dynamoClickStore(doc, tableName),
      warnings: dynamoWarningStore(doc, tableName),
      trackLinks: dynamoTrackLinkStore(doc, tableName),
      catalogue: dynamoCatalogueStore(doc, tableName),
      campaigns: dynamoCampaignStore(doc, tableName),
      catalogueEntriesOf: async (issueId) =>
        (
          await doc.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :p',
              ExpressionAttributeValues: { ':p': `CATALOGUE_OF#${issueId}` },
            }),
          )
        ).Items?.length ?? 0,
    };
  };

/** The in-memory implementations, as use-case tests run on. */
export const memoryStores: MakeStores = async () => {
  const catalogueEntries = new Map<string, CatalogueEntry>();
  return {
    issues: memoryIssueStore(),
    subscribers: memorySubscriberStore(),
    limits: memoryRateLimits(),
    receipts: memoryWebhookReceipts(),
    social: memorySocialStore(),
    clicks: memoryClickStore(),
    warnings: memoryWarningStore(),
    trackLinks: memoryTrackLinkStore(),
    catalogue: memoryCatalogueStore({ entries: catalogueEntries }),
    campaigns: memoryCampaignStore(),
    catalogueEntriesOf: async (issueId) =>
      [...catalogueEntries.values()].filter((entry) => entry.issueId === issueId).length,
  };
};
