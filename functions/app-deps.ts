import type { Clock } from '../shared/ports/clock.ts';
import type { IssueStore } from '../shared/ports/issue-store.ts';
import type { Logger } from '../shared/ports/logger.ts';
import type { RenderTrigger } from '../shared/ports/render-trigger.ts';
import type { WebhookReceipts } from '../shared/ports/webhook-receipts.ts';

export type AppSettings = {
  publicBaseUrl: string;
  timeZone: string;
  webhookSecrets: readonly string[];
  adminTokens: readonly string[];
  maxWebhookBytes: number;
};

/** Everything the HTTP app needs, built by one composition root per runtime. */
export type AppDeps = {
  issues: IssueStore;
  receipts: WebhookReceipts;
  renderTrigger: RenderTrigger;
  clock: Clock;
  logger: Logger;
  settings: AppSettings;
};
