import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { DeliveryConfig } from '../../shared/domain/settings/delivery.ts';

/** SES as every mailing function has it on AWS: the region's endpoint, the configuration set when there is one. */
export const awsMailer = (region: string, delivery: Pick<DeliveryConfig, 'SES_CONFIGURATION_SET'>) =>
  sesMailer({
    region,
    ...(delivery.SES_CONFIGURATION_SET ? { configurationSet: delivery.SES_CONFIGURATION_SET } : {}),
  });
