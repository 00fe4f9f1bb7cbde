import { dynamoCatalogueStore } from '../../shared/adapters/dynamodb/catalogue-store.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoRateLimits } from '../../shared/adapters/dynamodb/rate-limits.ts';
import { dynamoDeliverabilityStore } from '../../shared/adapters/dynamodb/deliverability-store.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import { fetchLinkChecker } from '../../shared/adapters/http/fetch-link-checker.ts';
import { odesliResolver } from '../../shared/adapters/odesli/odesli-resolver.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { MusicQueue } from '../../shared/ports/music-queue.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import { ingestTracks } from '../../shared/usecases/music/ingest-tracks.ts';
import type { MusicWorkerDeps } from '../../shared/usecases/music/music-worker.ts';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { silentNetworks } from '../../shared/usecases/accounts/silent-networks.ts';
import type { RenderIssueDeps } from '../../shared/usecases/render-issue.ts';
import type { MusicSettings } from '../../shared/domain/settings/music.ts';
import type { Table } from './table.ts';

/**
 * What the render step adds for issue 7: the tracks' click links from the cached resolutions, and a new
 * revision's ingest (catalogue, resolutions queued, first health check). The same on AWS and on one machine.
 */
export const renderMusicDeps = ({
  doc,
  tableName,
  queue,
  clock,
  publicBaseUrl,
}: Table & { queue: MusicQueue; clock: Clock; publicBaseUrl: string }): Pick<
  RenderIssueDeps,
  'trackLinks' | 'ingest'
> => {
  const links = dynamoTrackLinkStore(doc, tableName);
  const ingestDeps = {
    links,
    queue,
    catalogue: dynamoCatalogueStore(doc, tableName),
    warnings: dynamoWarningStore(doc, tableName),
    clock,
  };
  return {
    trackLinks: { resolutions: links, clicks: dynamoClickStore(doc, tableName), publicBaseUrl },
    ingest: (issue: Issue) => ingestTracks(issue, ingestDeps),
  };
};

/**
 * The music worker's ports, for the Lambda and for `npm start`: `outbound` is each home's guarded client (link
 * checks), `resolverFetch` lets one machine reach its fake song.link.
 */
export const musicWorkerDeps = ({
  doc,
  tableName,
  settings,
  resolverFetch,
  outbound,
  networks,
  ...context
}: Table &
  Pick<
    MusicWorkerDeps,
    'queue' | 'renderTrigger' | 'author' | 'clock' | 'logger' | 'timeZone' | 'sendTime'
  > & {
    settings: MusicSettings;
    resolverFetch?: typeof fetch;
    outbound: OutboundFetch;
    /** The networks each issue is announced on: the eve reminder names those that will not post. */
    networks?: readonly SocialNetwork[];
  }): MusicWorkerDeps => ({
  issues: dynamoIssueStore(doc, tableName),
  links: dynamoTrackLinkStore(doc, tableName),
  warnings: dynamoWarningStore(doc, tableName),
  subscribers: dynamoSubscriberStore(doc, tableName),
  deliverability: dynamoDeliverabilityStore(doc, tableName),
  rateLimits: dynamoRateLimits(doc, tableName),
  resolver: odesliResolver({
    baseUrl: settings.ODESLI_API_URL,
    userCountry: settings.ODESLI_USER_COUNTRY,
    timeoutMs: settings.RESOLVER_TIMEOUT_MS,
    ...(resolverFetch ? { fetch: resolverFetch } : {}),
  }),
  checker: fetchLinkChecker({
    timeoutMs: settings.LINK_CHECK_TIMEOUT_MS,
    maxRedirects: 5,
    userAgent: 'Mozilla/5.0 (compatible; Dimanche link check)',
    outbound,
  }),
  rate: { limit: settings.RESOLVER_RATE_PER_MINUTE, windowSeconds: 60 },
  maxAttempts: settings.RESOLVER_MAX_ATTEMPTS,
  concurrency: settings.LINK_CHECK_CONCURRENCY,
  budgetMs: settings.LINK_CHECK_BUDGET_MS,
  ...(networks
    ? {
        silentNetworks: (sendAt: Date) =>
          silentNetworks(networks, dynamoConnectedAccounts(doc, tableName), sendAt),
      }
    : {}),
  ...context,
});
