/** The networks an issue is announced on, in the order the author sees them. */
export const SOCIAL_NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook', 'threads'] as const;

export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const isSocialNetwork = (value: string): value is SocialNetwork =>
  (SOCIAL_NETWORKS as readonly string[]).includes(value);
