import type { Issue } from '../../domain/issue.ts';
import { composeSocialPost } from '../../domain/social/compose-post.ts';
import { socialPostSource } from '../../domain/social/compose-source.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SocialPreviewSettings } from './preview-social.ts';

/** The same composition as the preview route shows: what the author previews is what goes out. */
export const socialComposer = (settings: SocialPreviewSettings) => (issue: Issue, network: SocialNetwork) =>
  composeSocialPost(network, socialPostSource(issue, { ...settings, network }), settings.rules);
