import type { SocialNetwork } from './networks.ts';
import { NETWORK_REGISTRY } from './registry.ts';

/** Each network's name as the network itself writes it (its brand), in every language. */
export const NETWORK_NAMES: Record<SocialNetwork, string> = NETWORK_REGISTRY.names;
