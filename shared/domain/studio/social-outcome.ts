import type { SocialNetwork } from '../social/networks.ts';
import type { SocialAttempt, SocialAttemptState } from '../social/social-attempt.ts';

const GOOD: ReadonlySet<SocialAttemptState> = new Set(['published', 'duplicate']);
const BAD: ReadonlySet<SocialAttemptState> = new Set(['failed', 'needs_reconnect', 'unconfirmed']);

/**
 * One network's announcement of an issue as the campaign page tells it: its attempt's state, else whether it is
 * still to come or the network is not connected; good or bad for the badge; the network's own words only for a
 * failure.
 */
export const socialOutcome = (
  network: SocialNetwork,
  attempts: readonly SocialAttempt[],
  connected: readonly SocialNetwork[],
) => {
  const attempt = attempts.find((a) => a.network === network);
  const said = attempt ? attempt.state : connected.includes(network) ? 'notYet' : 'notConnected';
  const tone = attempt && GOOD.has(attempt.state) ? 'sent' : attempt && BAD.has(attempt.state) ? 'held' : '';
  const detail = attempt?.detail && BAD.has(attempt.state) ? attempt.detail : undefined;
  return { attempt, said, tone, detail } as const;
};
