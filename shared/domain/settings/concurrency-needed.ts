import { SOCIAL_NETWORKS } from '../social/networks.ts';

/** The Sunday's concurrency: the senders, one social worker a network, two music workers, and room for the
 * API, the click redirect and the SES events function (docs/deploy.md, "What you need"). */
export const concurrencyNeeded = (maxSenders: number): number => maxSenders + SOCIAL_NETWORKS.length + 2 + 3;
