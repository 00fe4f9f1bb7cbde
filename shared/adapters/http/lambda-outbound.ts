import { guardedFetch } from './guarded-fetch.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

/**
 * The guarded client as every Lambda has it: public addresses only. Nothing here reads the environment, and
 * no module a Lambda root reaches can make stand-ins (a dependency rule): on AWS, loopback holds the Runtime
 * API (127.0.0.1:9001) and 169.254.169.254 the credentials, and no setting can open either.
 */
export const lambdaOutbound = (): OutboundFetch => guardedFetch();
