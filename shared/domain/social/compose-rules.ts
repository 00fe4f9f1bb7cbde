import type { ComposeRules, LengthRule } from './compose-length.ts';
import { COUNTING_TOOLS } from './compose-tools.ts';
import type { SocialNetwork } from './networks.ts';
import { NETWORK_REGISTRY } from './registry.ts';

export { type ComposeRules, DEFAULT_COMPOSE_RULES, type LengthRule } from './compose-length.ts';

/** Each network's own rule lives in its registry row (networks/<id>.ts). */
export const lengthRule = (network: SocialNetwork, rules: ComposeRules): LengthRule =>
  NETWORK_REGISTRY.row(network).lengthRule(rules, COUNTING_TOOLS);
