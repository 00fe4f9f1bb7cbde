import type twitter from 'twitter-text';

/**
 * The counting libraries a rule may need, handed over by the composer (compose-tools.ts), so that the registry's
 * rows stay light: every function lists the networks, few of them count a post.
 */
export type CountingTools = { twitter: typeof twitter };

/** How a network counts: UTF-16 units, grapheme clusters, or its own weights (X, Threads). */
export type LengthUnit = 'characters' | 'graphemes' | 'weighted';

/** What differs from one account to another: Mastodon's limits are the instance's (`GET /api/v2/instance`). */
export type ComposeRules = {
  mastodon: { maxCharacters: number; charactersReservedPerUrl: number };
};

/** Mastodon's own defaults, for an instance that was not asked. */
export const DEFAULT_COMPOSE_RULES: ComposeRules = {
  mastodon: { maxCharacters: 500, charactersReservedPerUrl: 23 },
};

/** How one network measures a post, and whether a text is within every limit it enforces. */
export type LengthRule = {
  unit: LengthUnit;
  limit: number;
  count: (text: string) => number;
  fits: (text: string) => boolean;
};

export const within = (unit: LengthUnit, limit: number, count: (text: string) => number): LengthRule => ({
  unit,
  limit,
  count,
  fits: (text) => count(text) <= limit,
});
