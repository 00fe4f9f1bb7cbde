import type { Platform } from '../domain/platforms.ts';

export type ResolveOutcome =
  | {
      kind: 'resolved';
      pageUrl: string;
      links: Partial<Record<Platform, string>>;
      artist?: string;
      title?: string;
      thumbnailUrl?: string;
    }
  /** The resolver knows no song at that URL. */
  | { kind: 'not_found'; detail: string }
  /** Over the resolver's limit: try again after `retryAfterSeconds`. */
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** Server error, timeout, unreadable answer: may work later. */
  | { kind: 'unavailable'; detail: string };

/**
 * Turns one track URL from any platform into that song's links on the others (song.link / Odesli on AWS, a fake
 * server on 127.0.0.1 locally). Slow and rate-limited: called by the music worker only, never at send time.
 */
export type LinkResolver = { resolve: (url: string) => Promise<ResolveOutcome> };
