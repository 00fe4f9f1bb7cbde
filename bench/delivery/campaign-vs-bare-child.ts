import { campaignVsBare } from './campaign-vs-bare.ts';
import { exitWithParent, say } from './child-process.ts';

/**
 * Both sides of the throughput comparison in a fresh process: the bench's own process has by then rendered
 * MJML and personalised 50,000 mails, and its large heap would tax the side that allocates more.
 */
exitWithParent();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const [dynamoUrl = '', sesUrl = '', recipients = '0', ratePerSecond = '0'] = process.argv.slice(2);
say(
  await campaignVsBare({
    dynamoUrl,
    sesUrl,
    recipients: Number(recipients),
    ratePerSecond: Number(ratePerSecond),
  }),
);
process.exit(0);
