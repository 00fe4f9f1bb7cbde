/**
 * A network she connected from Réglages. The tokens themselves are sealed (encrypted at rest, see the
 * TokenSealer port): only the dates and who she is connected as are readable, for the studio and the refresh job.
 */
export type ConnectedAccount = {
  provider: string;
  /** Whom she is connected as, to show: `@dimanche_fm`, a Page's name. */
  label: string;
  /**
   * The network's account fields that are not secret (its API's base URL, a username, an author URN, a Page id,
   * an API version), learned when she connected: the publisher's account is these plus the live token.
   */
  profile?: Readonly<Record<string, string>>;
  state: 'connected' | 'to_reconnect';
  /** The sealed TokenSet. */
  sealed: string;
  /**
   * The network's own session, sealed like the tokens, where one outlives a process (Bluesky's, whose logins
   * are counted): a new process resumes it with a refresh. Dropped by a reconnect.
   */
  sealedSession?: string;
  accessExpiresAt?: string;
  canRefresh: boolean;
  connectedAt: string;
  refreshedAt?: string;
  /** When a token that never expires was last found still open at the network (see `checkDue`). */
  checkedAt?: string;
  /** Why it must be reconnected, as a code the studio words (`refresh_refused`, `expired`, `revoked`). */
  lastError?: string;
  /** The one mail telling her to reconnect, once per break. */
  reconnectNoticeAt?: string;
  /** While a refresh holds it: another caller waits instead of spending the same refresh token. */
  refreshingUntil?: string;
  /** The network asked for patience until then (a 429's reset): no refresh is tried before it. */
  refreshBlockedUntil?: string;
  /** Bumped by every write; each write is conditional on the version it read. */
  version: number;
};

/** Access tokens with less than this left are refreshed first: a post never leaves with one about to die. */
export const REFRESH_AHEAD_MS = 15 * 60_000;

/** How long a refresh may hold the account before another caller may take over (a crashed refresher). */
export const REFRESH_LEASE_MS = 60_000;

/**
 * `aheadMs`: how long the token must still live after `now` (the refresh job asks for its whole interval). A
 * long-lived token (Threads' 60 days) is renewed once a quarter of its life is left, not in its last hour: a
 * network down that one hour must not cost her the account.
 */
export const refreshDue = (account: ConnectedAccount, now: Date, aheadMs = REFRESH_AHEAD_MS): boolean => {
  if (account.accessExpiresAt === undefined) return false;
  const expiresAt = Date.parse(account.accessExpiresAt);
  const issuedAt = Date.parse(account.refreshedAt ?? account.connectedAt);
  return expiresAt - now.getTime() < Math.max(aheadMs, (expiresAt - issuedAt) / 4);
};

/** A time stamp of the account still ahead of `now`: a lease held, a network's "come back later". */
export const pending = (until: string | undefined, now: Date): boolean =>
  until !== undefined && Date.parse(until) > now.getTime();

/**
 * A token nothing refreshes (a Facebook Page's and a Mastodon app's, which never expire; LinkedIn's) dies early
 * when she changes her password or removes the app, and no refresh is there to find out: it is asked of the
 * network now and then, to know before Sunday rather than at the send.
 */
export const CHECK_EVERY_MS = 6 * 3_600_000;

export const checkDue = (account: ConnectedAccount, now: Date, everyMs = CHECK_EVERY_MS): boolean =>
  account.state === 'connected' &&
  !account.canRefresh &&
  (account.checkedAt === undefined || now.getTime() - Date.parse(account.checkedAt) >= everyMs);

export const expired = (account: ConnectedAccount, now: Date): boolean =>
  account.accessExpiresAt !== undefined && Date.parse(account.accessExpiresAt) <= now.getTime();
