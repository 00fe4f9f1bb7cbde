import { authorBanner } from '../../emails/author-banner.ts';
import type { ActDeps } from '../../shared/usecases/studio/act-on-issue.ts';
import { wordpressWebhookUrl } from '../../shared/domain/settings/wordpress-webhook-url.ts';
import { samplePersonalisation } from '../../shared/domain/public-urls.ts';
import { subscriberContext } from '../subscribers/subscriber-context.ts';
import type { StudioDeps } from './studio-deps.ts';

/**
 * The studio's use cases' ports, built once from the app's deps: each use case declares the few methods it
 * calls and takes this object, so a route hands over one value and names no store.
 */
export const studioPorts = (deps: StudioDeps) => {
  const { studio, settings } = deps;
  const timeZone = settings.timeZone;
  const act: ActDeps = {
    store: deps.issues,
    renderTrigger: deps.renderTrigger,
    holds: studio.holds,
    campaigns: deps.campaigns,
    clock: deps.clock,
    timeZone,
    ...(studio.sendNow ? { dispatch: studio.sendNow } : {}),
  };
  const keys = subscriberContext(deps).keys;
  return {
    issues: deps.issues,
    holds: studio.holds,
    campaigns: deps.campaigns,
    warnings: deps.warnings,
    clicks: deps.clicks,
    subscribers: deps.subscribers,
    directory: studio.directory,
    ledger: studio.ledger,
    socialAttempts: deps.socialAttempts,
    deliverability: studio.deliverability,
    auth: studio.auth,
    rateLimits: deps.rateLimits,
    mailer: deps.mailer,
    sender: deps.sender,
    clock: deps.clock,
    timeZone,
    schedule: studio.schedule,
    authorEmail: studio.authorEmail,
    canSendNow: Boolean(studio.sendNow),
    act,
    sample: samplePersonalisation(settings.publicBaseUrl),
    banner: authorBanner(studio.language, timeZone),
    social: { ...settings.social, publicBaseUrl: settings.publicBaseUrl, seriesName: settings.seriesName },
    subscriberIds: async () => (await keys()).ids,
    // The address the route answers at: from the same secret the webhook route checks, so the two cannot differ.
    webhookUrl: () => wordpressWebhookUrl(settings),
  };
};

export type StudioPorts = ReturnType<typeof studioPorts>;
