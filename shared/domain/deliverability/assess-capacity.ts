import type { DeliveryPlan, LambdaFacts, Probed, SesAccountFacts } from './account-facts.ts';
import { type HealthItem, item, unanswered } from './health-item.ts';

/** Counts as each language writes them: "50 000" and "0 abonné confirmé" in French, "50,000" in English. */
const count = {
  en: (n: number) => n.toLocaleString('en-GB'),
  fr: (n: number) => n.toLocaleString('fr-FR'),
};
const readersIn = {
  en: (n: number) => `${count.en(n)} confirmed ${n === 1 ? 'reader' : 'readers'}`,
  // French: 0 and 1 take the singular.
  fr: (n: number) => `${count.fr(n)} ${n < 2 ? 'abonné confirmé' : 'abonnés confirmés'}`,
};

const duration = (seconds: number): { en: string; fr: string } => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 90) return { en: `${minutes} min`, fr: `${minutes} min` };
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return { en: `${hours} h ${rest} min`, fr: `${hours} h ${rest} min` };
};

/** The daily quota against the audience, and how long the Sunday send takes at the rate it will go. */
export const assessQuota = (
  ses: Probed<SesAccountFacts>,
  audience: Probed<number>,
  plan: Pick<DeliveryPlan, 'sendRate'>,
): HealthItem[] => {
  if (!audience.ok)
    return [
      unanswered(
        'quota',
        { en: 'Audience against the SES quota', fr: 'Audience et quota SES' },
        audience.error,
      ),
    ];
  if (!ses.ok) return [];
  const readers = audience.value;
  const { max24HourSend, maxSendRate } = ses.value;
  const rate = Math.min(maxSendRate, plan.sendRate ?? maxSendRate);
  const quota =
    readers <= max24HourSend
      ? item(
          'quota',
          'ok',
          `Daily quota ${count.en(max24HourSend)} for ${readersIn.en(readers)}`,
          `Quota quotidien ${count.fr(max24HourSend)} pour ${readersIn.fr(readers)}`,
        )
      : item(
          'quota',
          'fail',
          `Daily quota ${count.en(max24HourSend)} is below the ${readersIn.en(readers)}: the send would pause until the next day; ask AWS for a higher quota (Service Quotas → Amazon SES → Sending quota)`,
          `Le quota quotidien ${count.fr(max24HourSend)} est inférieur aux ${readersIn.fr(readers)} : l’envoi s’arrêterait jusqu’au lendemain ; demandez à AWS un quota plus haut (Service Quotas → Amazon SES → Sending quota)`,
        );
  if (!(rate > 0))
    return [
      quota,
      item(
        'send_time',
        'fail',
        `SES allows no mail a second (max send rate ${maxSendRate}): read the account's status in the SES console`,
        `SES n’autorise aucun envoi par seconde (débit maximal ${maxSendRate}) : regardez l’état du compte dans la console SES`,
      ),
    ];
  const time = duration(readers / rate);
  const send = item(
    'send_time',
    'ok',
    `The Sunday send takes about ${time.en} at ${rate} mails/s`,
    `L’envoi du dimanche prend environ ${time.fr} à ${rate} courriels/s`,
  );
  return [quota, send];
};

/** The account's Lambda concurrency against what the stack may run at once on a Sunday. */
export const assessConcurrency = (
  lambda: Probed<LambdaFacts>,
  plan: Pick<DeliveryPlan, 'concurrencyNeeded'>,
): HealthItem[] => {
  if (!lambda.ok)
    return [
      unanswered('lambda_concurrency', { en: 'Lambda concurrency', fr: 'Concurrence Lambda' }, lambda.error),
    ];
  const { concurrencyLimit } = lambda.value;
  const needed = plan.concurrencyNeeded;
  return [
    concurrencyLimit >= needed
      ? item(
          'lambda_concurrency',
          'ok',
          `Lambda concurrency ${concurrencyLimit} for the ${needed} the stack may use at once`,
          `Concurrence Lambda ${concurrencyLimit} pour les ${needed} que la pile peut utiliser à la fois`,
        )
      : item(
          'lambda_concurrency',
          'fail',
          `Lambda concurrency quota is ${concurrencyLimit}, the stack may need ${needed} at once: request at least 100 (Service Quotas → AWS Lambda → Concurrent executions)`,
          `Le quota de concurrence Lambda est ${concurrencyLimit}, la pile peut en demander ${needed} à la fois : demandez-en au moins 100 (Service Quotas → AWS Lambda → Concurrent executions)`,
        ),
  ];
};
