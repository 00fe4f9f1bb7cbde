import type { AccountFacts, DeliveryPlan, Probed } from '../../domain/deliverability/account-facts.ts';
import { assessAccount } from '../../domain/deliverability/assess-account.ts';
import type { HealthReport } from '../../domain/deliverability/health-item.ts';
import type { AccountProbes } from '../../ports/account-probes.ts';
import type { Clock } from '../../ports/clock.ts';
import type { DeliverabilityStore } from '../../ports/deliverability-store.ts';

const probe = async <T>(look: () => Promise<T>): Promise<Probed<T>> => {
  try {
    return { ok: true, value: await look() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

export type CheckDeliverabilityDeps = { probes: AccountProbes; plan: DeliveryPlan; clock: Clock };

/** Every probe at once (they are independent reads), then every check on what they found. */
export const checkDeliverability = async ({
  probes,
  plan,
  clock,
}: CheckDeliverabilityDeps): Promise<HealthReport> => {
  const identity = await probe(() => probes.identity(plan.domain));
  const dkimTokens = identity.ok && identity.value.exists ? identity.value.dkimTokens : [];
  const [ses, dns, lambda, audience, social, emptySecrets] = await Promise.all([
    probe(probes.sesAccount),
    probe(() => probes.dns({ domain: plan.domain, mailFromDomain: plan.mailFromDomain, dkimTokens })),
    probe(probes.lambda),
    probe(probes.audience),
    probe(probes.socialTokens),
    probe(probes.emptySecrets),
  ]);
  const facts: AccountFacts = { ses, identity, dns, lambda, audience, social, emptySecrets };
  return { checkedAt: clock.now().toISOString(), items: assessAccount(facts, plan) };
};

/** The daily and eve run: checked, and kept for the studio's Délivrabilité panel. */
export const refreshDeliverability = async (
  deps: CheckDeliverabilityDeps & { store: DeliverabilityStore },
): Promise<HealthReport> => {
  const report = await checkDeliverability(deps);
  await deps.store.save(report);
  return report;
};
