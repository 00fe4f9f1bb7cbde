import { e2eSide } from './campaign-vs-bare.ts';
import { exitWithParent, say } from './child-process.ts';

/**
 * One side of the throughput comparison (`ours`: the campaign, `bare`: the bare loop) in a fresh process,
 * so no side inherits the other's heap, JIT or connections.
 */
exitWithParent();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const [which = '', dynamoUrl = '', sesUrl = '', recipients = '0', warmUp = '0', ratePerSecond = '0'] =
  process.argv.slice(2);
if (which !== 'ours' && which !== 'bare') throw new Error(`unknown side ${which}`);
say(
  await e2eSide(which, {
    dynamoUrl,
    sesUrl,
    recipients: Number(recipients),
    warmUp: Number(warmUp),
    ratePerSecond: Number(ratePerSecond),
  }),
);
process.exit(0);
