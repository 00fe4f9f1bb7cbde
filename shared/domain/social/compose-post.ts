import { overrideText, generatedText } from './compose-layout.ts';
import type { ComposeRules } from './compose-length.ts';
import { linkFacets } from './compose-links.ts';
import { COUNTING_TOOLS } from './compose-tools.ts';
import type { NetworkRow } from './network-row.ts';
import type { SocialNetwork } from './networks.ts';
import { NETWORK_REGISTRY } from './registry.ts';
import type { ComposedPost, SocialPostSource } from './social-post.ts';

/** A post for any registry row, the ones a test adds included. */
export type NetworkPost<Id extends string> = Omit<ComposedPost, 'network'> & { network: Id };

/**
 * One network's post for one issue, within that network's own length rule as it counts it. The author's text
 * for the network, if any, replaces the generated one. Pure: the same source and rules give the same post.
 */
export const composeNetworkPost = <Id extends string>(
  { id, lengthRule, linkFacets: facets }: NetworkRow<Id>,
  source: SocialPostSource,
  rules: ComposeRules,
): NetworkPost<Id> => {
  const rule = lengthRule(rules, COUNTING_TOOLS);
  const text =
    source.override !== undefined && source.override.trim() !== ''
      ? overrideText(source.override, source, rule)
      : generatedText(source, rule);
  return {
    network: id,
    text,
    length: { unit: rule.unit, count: rule.count(text), limit: rule.limit },
    url: source.url,
    card: source.card,
    ...(facets ? { facets: linkFacets(text) } : {}),
    language: source.language,
  };
};

export const composeSocialPost = (
  network: SocialNetwork,
  source: SocialPostSource,
  rules: ComposeRules,
): ComposedPost => composeNetworkPost(NETWORK_REGISTRY.row(network), source, rules);
