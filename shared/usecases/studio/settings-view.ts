import { sundayOnOrAfter } from '../../domain/calendar.ts';
import type { DeliverabilityStore } from '../../ports/deliverability-store.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { SocialStore } from '../../ports/social-store.ts';
import { comingPlan, type PlanPorts } from './coming-plan.ts';

export type SettingsPorts = PlanPorts & {
  issues: { pageBySunday: IssueStore['pageBySunday'] };
  socialAttempts: { list: SocialStore['list'] };
  deliverability?: { latest: DeliverabilityStore['latest'] } | undefined;
  /** The address the WordPress.com webhook answers at; none while its secret is not set. */
  webhookUrl: () => Promise<string | undefined>;
};

/** Réglages: the latest issue's posts on each network, the true next send, the account's checks, the webhook. */
export const settingsView = async (ports: SettingsPorts) => {
  const [latest] = await ports.issues.pageBySunday({ limit: 1 });
  const attempts = latest ? await ports.socialAttempts.list(latest.id) : [];
  // The true next send: the first coming Sunday whose issue will go out, not the schedule's next firing.
  const plan = await comingPlan(ports, sundayOnOrAfter(ports.clock.now(), ports.timeZone));
  const deliverability = await ports.deliverability?.latest();
  const webhookUrl = await ports.webhookUrl();
  return { attempts, plan, deliverability, webhookUrl };
};
