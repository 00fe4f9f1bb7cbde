import { NETWORK_REGISTRY } from './registry.ts';

/** The networks an issue is announced on, in the order the author sees them (from the registry). */
export const SOCIAL_NETWORKS = NETWORK_REGISTRY.ids;

export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const isSocialNetwork = (value: string): value is SocialNetwork => NETWORK_REGISTRY.has(value);
