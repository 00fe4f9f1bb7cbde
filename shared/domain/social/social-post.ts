import type { LengthUnit } from './compose-length.ts';
import type { SocialNetwork } from './networks.ts';

/** What the composer needs from an issue: everything a network shows of it. */
export type SocialPostSource = {
  series: number;
  title: string;
  /** A short hook: the subtitle, or the story's first sentence as plain text. */
  hook: string;
  /** The public archive page: the one link every post carries, never cut. */
  url: string;
  hashtags: readonly string[];
  language: 'fr' | 'en';
  card: LinkCard;
  /** The author's own text for this network, from the webhook; the URL is appended if it lacks it. */
  override?: string;
};

/** The preview a network shows under the post; Bluesky and LinkedIn need it built by the caller. */
export type LinkCard = { url: string; title: string; description: string; thumbUrl?: string };

/** A link made clickable on Bluesky: byte offsets into the UTF-8 encoding of `text`, end exclusive. */
export type LinkFacet = { byteStart: number; byteEnd: number; uri: string };

/** How a network counts a post's length, and the limit it enforces. */
export type LengthCount = {
  unit: LengthUnit;
  count: number;
  limit: number;
};

/** One network's post for one issue, ready for its publisher: the preview route shows exactly this. */
export type ComposedPost = {
  network: SocialNetwork;
  /**
   * As the reader sees it. LinkedIn's publisher sends `escapeLittleText(text)` (compose-little-text.ts) as the
   * commentary, and `length` already counts that escaped form.
   */
  text: string;
  length: LengthCount;
  /** The issue URL, as it appears in `text`. */
  url: string;
  card: LinkCard;
  /** Bluesky only: the facets of every link in `text`. */
  facets?: LinkFacet[];
  language: 'fr' | 'en';
};
