/**
 * The one way out to a URL that came from content, settings or another service's answer (a track link, a
 * cover, a feed, the blog's API). Whoever implements it refuses any address that is not public, on every hop.
 */
export type OutboundRequest = {
  /** A POST (an OAuth token or revocation request) follows no redirect: a 3xx is handed back as the answer. */
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  /** Sent with a POST, as it is (a form, JSON): the caller sets its Content-Type. */
  body?: string;
  /** How many redirects to follow, each hop checked like the first; 0 hands a 3xx back as the answer. */
  redirects?: number;
  /** For the whole exchange: every hop, and reading the body. */
  timeoutMs?: number;
  /** The most `body()` reads; more is `too_large`. */
  maxBytes?: number;
};

export type OutboundBody =
  | { kind: 'body'; bytes: Uint8Array }
  | { kind: 'too_large'; maxBytes: number }
  | { kind: 'failed'; detail: string; timedOut: boolean };

export type OutboundAnswer = {
  kind: 'answer';
  status: number;
  header: (name: string) => string | null;
  /** The URL that answered, after the redirects followed. */
  url: string;
  redirects: readonly string[];
  body: () => Promise<OutboundBody>;
  /** Drops the body unread: only the status and headers mattered. */
  discard: () => Promise<void>;
};

/**
 * Never fetched. `not_public`: the address (after DNS) is loopback, private, link-local, … ; `not_web`: not
 * http(s); `downgrade`: a redirect from https to http; `too_many_redirects`; `invalid_url`.
 */
export type OutboundRefusal = {
  kind: 'refused';
  reason: 'not_public' | 'not_web' | 'downgrade' | 'too_many_redirects' | 'invalid_url';
  url: string;
  detail: string;
};

/** DNS, connection, TLS or time: the network's own trouble. */
export type OutboundFailure = { kind: 'failed'; url: string; detail: string; timedOut: boolean };

export type OutboundResult = OutboundAnswer | OutboundRefusal | OutboundFailure;

export type OutboundFetch = (url: string, request?: OutboundRequest) => Promise<OutboundResult>;
