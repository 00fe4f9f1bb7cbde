import type { Language } from '../shared/domain/issue.ts';
import type { ComposeRules } from '../shared/domain/social/compose-rules.ts';
import type { SocialNetwork } from '../shared/domain/social/networks.ts';
import type { Clock } from '../shared/ports/clock.ts';
import type { ConfirmationMail } from '../shared/ports/confirmation-mail.ts';
import type { IssueStore } from '../shared/ports/issue-store.ts';
import type { SocialStore } from '../shared/ports/social-store.ts';
import type { Logger } from '../shared/ports/logger.ts';
import type { DataLinkStore } from '../shared/ports/data-links.ts';
import type { Mailer } from '../shared/ports/mailer.ts';
import type { CampaignStore } from '../shared/ports/campaign-store.ts';
import type { ClickStore } from '../shared/ports/click-store.ts';
import type { RateLimits } from '../shared/ports/rate-limits.ts';
import type { RenderTrigger } from '../shared/ports/render-trigger.ts';
import type { SubscriberStore } from '../shared/ports/subscriber-store.ts';
import type { WarningStore } from '../shared/ports/warning-store.ts';
import type { WebhookReceipts } from '../shared/ports/webhook-receipts.ts';
import type { BlogPosts } from '../shared/ports/blog-posts.ts';
import type { AuthorNotifier } from '../shared/ports/author-notices.ts';
import type { PublicObjects } from '../shared/ports/public-objects.ts';
import type { SecretsSource } from '../shared/ports/secrets.ts';

export type AppSettings = {
  publicBaseUrl: string;
  /** The newsletter's name, for the pages that are not an issue (the archive's list). */
  seriesName: string;
  timeZone: string;
  secrets: SecretsSource;
  maxWebhookBytes: number;
  /** Subscribers: the public pages' language when neither the form nor Accept-Language picks one. */
  defaultLanguage: Language;
  /** AUTHOR_LANGUAGE: what she reads, the banner of her preview and test mail included. */
  authorLanguage: Language;
  /** Social announcements (issue 5): what the preview composes with. */
  social: SocialSettings;
  /** Served over HTTPS only (AWS): Strict-Transport-Security on every answer. Unset on one machine's http://. */
  hsts?: boolean;
  /** Behind the CDN (issue 26): the token CloudFront adds, which makes the viewer's IP header believable. */
  edgeToken?: string;
  /** Her WordPress.com site (`example.wordpress.com`); unset: the site named by each notification's post URL. */
  wordpressSite?: string;
};

export type SocialSettings = {
  /** The networks each issue is announced on; the preview shows the others too, as disabled. */
  networks: readonly SocialNetwork[];
  hashtags: readonly string[];
  rules: ComposeRules;
};

/** Everything the HTTP app needs, built by one composition root per runtime. */
export type AppDeps = {
  issues: IssueStore;
  receipts: WebhookReceipts;
  renderTrigger: RenderTrigger;
  clock: Clock;
  logger: Logger;
  settings: AppSettings;
  // Subscribers (issue 4): the store, shared rate limits, and the confirmation mail and who sends it.
  subscribers: SubscriberStore;
  rateLimits: RateLimits;
  /** The single-use links that export or erase a reader's data, mailed from the preferences page. */
  dataLinks: DataLinkStore;
  mailer: Mailer;
  /** The Sunday campaigns, for their progress (`GET /admin/campaigns/:id`). */
  campaigns: CampaignStore;
  /** Each network's announcement of an issue, shown with its campaign. */
  socialAttempts: Pick<SocialStore, 'list'>;
  /** The email's links (`/r/:id`) and their counts, shown with the campaign. */
  clicks: ClickStore;
  sender: { name: string; address: string };
  confirmationMail: ConfirmationMail;
  /** Link health and the music checks' findings (issue 7), shown in the preview and the test-send. */
  warnings: WarningStore;
  /** Her blog's own copy of a post, which a WordPress.com notification names (issue 15). */
  blogPosts?: BlogPosts;
  /** Her notices: the webhook tells her when her blog's API leads to an address that is not public. */
  author?: AuthorNotifier;
  /** The public pages the render step built (issue 26); absent, or not built yet: read from the table. */
  publicObjects?: Pick<PublicObjects, 'get'>;
};

/** What only the admin routes read: kept out of the public function's bundle (see functions/wiring/admin-stores.ts). */
export type AdminStores = Pick<AppDeps, 'campaigns' | 'socialAttempts' | 'clicks' | 'warnings'>;

/** What the public routes need: the webhook, the archive, sign-up and the signed-link pages. */
export type PublicDeps = Omit<AppDeps, keyof AdminStores>;
