import type { AccountFacts, DeliveryPlan } from './account-facts.ts';
import { assessSecrets, assessSocial } from './assess-app.ts';
import { assessConcurrency, assessQuota } from './assess-capacity.ts';
import { assessDns } from './assess-dns.ts';
import { assessIdentity, assessSesAccount } from './assess-ses.ts';
import type { HealthItem } from './health-item.ts';

/** Every check, in the order a person fixes them: SES, the domain, DNS, capacity, the app's own accounts. */
export const assessAccount = (facts: AccountFacts, plan: DeliveryPlan): HealthItem[] => [
  ...assessSesAccount(facts.ses),
  ...assessIdentity(facts.identity, plan.domain),
  ...assessDns(facts.dns, plan),
  ...assessQuota(facts.ses, facts.audience, plan),
  ...assessConcurrency(facts.lambda, plan),
  ...assessSocial(facts.social),
  ...assessSecrets(facts.emptySecrets),
];
