import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoLedgerReader } from '../../shared/adapters/dynamodb/campaign-ledger-reader.ts';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import { dynamoInstanceApps } from '../../shared/adapters/dynamodb/instance-app-store.ts';
import { dynamoDataLinks } from '../../shared/adapters/dynamodb/data-link-store.ts';
import { dynamoDeliverabilityStore } from '../../shared/adapters/dynamodb/deliverability-store.ts';
import { dynamoFeedPollStore } from '../../shared/adapters/dynamodb/feed-poll-store.ts';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { dynamoStudioAuth } from '../../shared/adapters/dynamodb/studio-auth-store.ts';
import { dynamoSubscriberDirectory } from '../../shared/adapters/dynamodb/subscriber-directory.ts';
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
import { type LedgerEntries, memoryLedgerReader } from '../../shared/adapters/memory/campaign-ledger.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { memoryInstanceApps } from '../../shared/adapters/memory/instance-app-store.ts';
import { memoryDataLinks } from '../../shared/adapters/memory/data-link-store.ts';
import { memoryDeliverabilityStore } from '../../shared/adapters/memory/deliverability-store.ts';
import { memoryFeedPollStore } from '../../shared/adapters/memory/feed-poll-store.ts';
import { memoryIssueHolds } from '../../shared/adapters/memory/issue-hold-store.ts';
import { memoryStudioAuth } from '../../shared/adapters/memory/studio-auth-store.ts';
import { memorySubscriberDirectory } from '../../shared/adapters/memory/subscriber-directory.ts';
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
import type { CampaignLedgerReader } from '../../shared/ports/campaign-ledger.ts';
import type { ConnectedAccountStore } from '../../shared/ports/connected-account-store.ts';
import type { InstanceAppStore } from '../../shared/ports/instance-apps.ts';
import type { DataLinkStore } from '../../shared/ports/data-links.ts';
import type { DeliverabilityStore } from '../../shared/ports/deliverability-store.ts';
import type { FeedPollStore } from '../../shared/ports/feed-poll.ts';
import type { IssueHolds } from '../../shared/ports/issue-holds.ts';
import type { StudioAuthStore } from '../../shared/ports/studio-auth.ts';
import type { SubscriberDirectory } from '../../shared/ports/subscriber-directory.ts';
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
  ledgerReader: CampaignLedgerReader;
  dataLinks: DataLinkStore;
  studioAuth: StudioAuthStore;
  feedPolls: FeedPollStore;
  deliverability: DeliverabilityStore;
  holds: IssueHolds;
  directory: SubscriberDirectory;
  connectedAccounts: ConnectedAccountStore;
  instanceApps: InstanceAppStore;
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
      ledgerReader: dynamoLedgerReader(doc, tableName),
      dataLinks: dynamoDataLinks(doc, tableName),
      studioAuth: dynamoStudioAuth(doc, tableName),
      feedPolls: dynamoFeedPollStore(doc, tableName),
      deliverability: dynamoDeliverabilityStore(doc, tableName),
      holds: dynamoIssueHolds(doc, tableName),
      directory: dynamoSubscriberDirectory(doc, tableName),
      connectedAccounts: dynamoConnectedAccounts(doc, tableName),
      instanceApps: dynamoInstanceApps(doc, tableName),
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
  const ledger: LedgerEntries = new Map();
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
    campaigns: memoryCampaignStore({ ledger }),
    ledgerReader: memoryLedgerReader(ledger),
    dataLinks: memoryDataLinks(),
    studioAuth: memoryStudioAuth(),
    feedPolls: memoryFeedPollStore(),
    deliverability: memoryDeliverabilityStore(),
    holds: memoryIssueHolds(),
    directory: memorySubscriberDirectory(),
    connectedAccounts: memoryConnectedAccounts(),
    instanceApps: memoryInstanceApps(),
    catalogueEntriesOf: async (issueId) =>
      [...catalogueEntries.values()].filter((entry) => entry.issueId === issueId).length,
  };
};
