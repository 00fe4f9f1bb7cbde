import * as v from 'valibot';
import { wholeNumber } from './fields.ts';
import type { NetworkRow } from '../social/network-row.ts';
import type { SocialNetwork } from '../social/networks.ts';
import { NETWORK_REGISTRY, type NetworkRegistry } from '../social/registry.ts';

const list = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A comma-separated list of a registry's ids, deduplicated; an unknown one is named with every valid one. */
export const socialNetworksField = <Rows extends readonly NetworkRow[]>(registry: NetworkRegistry<Rows>) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform((value) => list(value.toLowerCase())),
      v.check(
        (names) => names.every(registry.has),
        `SOCIAL_NETWORKS may only name ${registry.ids.join(', ')}`,
      ),
      v.transform((names) => [...new Set(names)] as Rows[number]['id'][]),
    ),
    '',
  );

/** How issues are announced on the networks: read by every function that composes a post (preview, worker). */
export const socialEnv = {
  /** Networks to announce each issue on, comma-separated: any id of the registry (mastodon, bluesky…). */
  SOCIAL_NETWORKS: socialNetworksField(NETWORK_REGISTRY),
  /** Hashtags after each generated post, e.g. "#playlist #musique" or "playlist,musique". */
  SOCIAL_HASHTAGS: v.optional(
    v.pipe(
      v.string(),
      v.transform((value) => list(value).map((tag) => tag.replace(/^#/, ''))),
      v.check(
        (tags) => tags.every((tag) => /^[\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*$/u.test(tag)),
        'SOCIAL_HASHTAGS must be words of letters, digits or _ (at least one letter each)',
      ),
    ),
    '',
  ),
  /** The instance's `configuration.statuses.max_characters` (GET /api/v2/instance); Mastodon's default is 500. */
  MASTODON_MAX_CHARACTERS: wholeNumber('MASTODON_MAX_CHARACTERS', 500, 100),
  /** The instance's `configuration.statuses.characters_reserved_per_url`; 23 on Mastodon. */
  MASTODON_CHARACTERS_RESERVED_PER_URL: wholeNumber('MASTODON_CHARACTERS_RESERVED_PER_URL', 23, 1),
};

type SocialEnv = {
  SOCIAL_NETWORKS: SocialNetwork[];
  SOCIAL_HASHTAGS: string[];
  MASTODON_MAX_CHARACTERS: number;
  MASTODON_CHARACTERS_RESERVED_PER_URL: number;
};

/** The typed settings the composer and the preview take, from a parsed configuration. */
export const socialSettings = (config: SocialEnv) => ({
  networks: config.SOCIAL_NETWORKS,
  hashtags: config.SOCIAL_HASHTAGS,
  rules: {
    mastodon: {
      maxCharacters: config.MASTODON_MAX_CHARACTERS,
      charactersReservedPerUrl: config.MASTODON_CHARACTERS_RESERVED_PER_URL,
    },
  },
});
