import { overrideText, generatedText } from './compose-layout.ts';
import { linkFacets } from './compose-links.ts';
import { type ComposeRules, lengthRule } from './compose-rules.ts';
import type { SocialNetwork } from './networks.ts';
import type { ComposedPost, SocialPostSource } from './social-post.ts';

/**
 * One network's post for one issue, within that network's own length rule as it counts it. The author's text
 * for the network, if any, replaces the generated one. Pure: the same source and rules give the same post.
 */
export const composeSocialPost = (
  network: SocialNetwork,
  source: SocialPostSource,
  rules: ComposeRules,
): ComposedPost => {
  const rule = lengthRule(network, rules);
  const text =
    source.override !== undefined && source.override.trim() !== ''
      ? overrideText(source.override, source, rule)
      : generatedText(source, rule);
  return {
    network,
    text,
    length: { unit: rule.unit, count: rule.count(text), limit: rule.limit },
    url: source.url,
    card: source.card,
    ...(network === 'bluesky' ? { facets: linkFacets(text) } : {}),
    language: source.language,
  };
};
