import { sesMailer } from '../ses/ses-mailer.ts';

/** SES as every mailing function has it on AWS: the region's endpoint, the configuration set when there is one. */
export const awsMailer = (region: string, delivery: { SES_CONFIGURATION_SET?: string | undefined }) =>
  sesMailer({
    region,
    ...(delivery.SES_CONFIGURATION_SET ? { configurationSet: delivery.SES_CONFIGURATION_SET } : {}),
  });
