import { Cron } from 'croner';
import type { DeliveryConfig } from '../../../shared/domain/settings/delivery.ts';
import type { createLocalDelivery } from './local-delivery.ts';
import type { Logger } from '../../../shared/ports/logger.ts';
import { resumeCampaigns } from '../../../shared/usecases/campaign/resume-campaigns.ts';
import { localSundayRoute } from './sunday-route.ts';
import { DISPATCH_LEASE_MS } from '../../../shared/usecases/campaign/dispatch-sunday.ts';

type Delivery = ReturnType<typeof createLocalDelivery>;

/**
 * The Sunday schedule on one machine: the cron (in the newsletter's time zone, so 09:00 stays 09:00 across
 * daylight-saving changes), the sender workers, and the control route `npm run sunday` talks to.
 * On AWS the same dispatch is EventBridge Scheduler's target and the senders are Lambda.
 */
export const startLocalSunday = async ({
  delivery,
  config,
  timeZone,
  adminTokens,
  logger,
}: {
  delivery: Delivery;
  config: DeliveryConfig;
  timeZone: string;
  adminTokens: readonly string[];
  logger: Logger;
}) => {
  // The queues lived in the previous process's memory: put back what a stop left unfinished.
  const requeued = await resumeCampaigns({
    campaigns: delivery.campaigns,
    queue: { enqueue: async (message) => void delivery.queue.send(message) },
    logger,
    social: {
      queue: { enqueue: async (message) => void delivery.socialQueue.send(message) },
      attempts: delivery.social,
      networks: config.SOCIAL_NETWORKS,
    },
  });
  const workers = delivery.startWorkers();
  const takeOvers = await resumeDispatches(delivery, logger);
  const schedule = new Cron(config.SCHEDULE, { timezone: timeZone, protect: true }, async () => {
    // No issue named: the schedule sends the one issue that holds its Sunday, and says which.
    const result = await delivery.dispatch();
    logger.info('scheduled dispatch', {
      result: result.kind,
      ...('issueId' in result ? { issueId: result.issueId } : {}),
      ...('campaign' in result ? { issueId: result.campaign.issueId } : {}),
    });
  });

  const control = localSundayRoute(delivery, adminTokens, () =>
    schedule.nextRuns(3).map((d) => d.toISOString()),
  );

  return {
    control,
    requeued,
    nextRun: () => schedule.nextRun()?.toISOString(),
    stop: async () => {
      takeOvers.forEach(clearTimeout);
      schedule.stop();
      await workers.stop();
    },
  };
};

/**
 * A dispatch the stop cut short (its campaign started, its audience not all queued) goes on from its
 * checkpoint: at once if the dead process's lease has run out, else once it has. Without this it would wait
 * for the next trigger, a week away on the schedule.
 */
const resumeDispatches = async (delivery: Delivery, logger: Logger) => {
  const timers: NodeJS.Timeout[] = [];
  const failed = (error: unknown) => logger.error('dispatch take-over failed', { error: String(error) });
  for (const campaign of await delivery.campaigns.listUnfinished()) {
    if (campaign.dispatched) continue;
    const issue = await delivery.issues.get(campaign.issueId);
    if (!issue) continue;
    const takeOver = async (again: boolean) => {
      const result = await delivery.dispatch({ series: issue.series });
      logger.info('dispatch taken over', { campaignId: campaign.id, result: result.kind });
      if (again && result.kind === 'already_started' && !result.campaign.dispatched)
        timers.push(setTimeout(() => void takeOver(false).catch(failed), DISPATCH_LEASE_MS + 1000));
    };
    void takeOver(true).catch(failed);
  }
  return timers;
};
