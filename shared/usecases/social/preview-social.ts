import type { IssueId } from '../../domain/issue.ts';
import { composeSocialPost } from '../../domain/social/compose-post.ts';
import type { ComposeRules } from '../../domain/social/compose-rules.ts';
import { socialPostSource } from '../../domain/social/compose-source.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../domain/social/networks.ts';
import type { ComposedPost } from '../../domain/social/social-post.ts';
import type { IssueStore } from '../../ports/issue-store.ts';

export type SocialPreviewSettings = {
  publicBaseUrl: string;
  seriesName: string;
  hashtags: readonly string[];
  /** The networks the issue will be announced on. */
  networks: readonly SocialNetwork[];
  rules: ComposeRules;
};

export type NetworkPreview = Pick<ComposedPost, 'network' | 'text' | 'length' | 'card' | 'facets'> & {
  enabled: boolean;
};

export type SocialPreviewResult =
  { ok: true; revision: number; posts: NetworkPreview[] } | { ok: false; error: 'not_found' };

/**
 * Every network's post for an issue, exactly as the worker would compose it now, disabled networks included
 * so the author can see what enabling one would post.
 */
export const previewSocial = async (
  id: IssueId,
  deps: { store: IssueStore; settings: SocialPreviewSettings },
): Promise<SocialPreviewResult> => {
  const issue = await deps.store.get(id);
  if (!issue) return { ok: false, error: 'not_found' };
  const { settings } = deps;
  const posts = SOCIAL_NETWORKS.map((network) => {
    const source = socialPostSource(issue, { ...settings, network });
    const { text, length, card, facets } = composeSocialPost(network, source, settings.rules);
    return {
      network,
      enabled: settings.networks.includes(network),
      text,
      length,
      card,
      ...(facets ? { facets } : {}),
    };
  });
  return { ok: true, revision: issue.revision, posts };
};
