export type LinkCheck =
  | { kind: 'ok'; status: number }
  /** The server says it is gone (404, 410, …). */
  | { kind: 'dead'; status: number; detail: string }
  /** No usable answer in time: DNS, connection, timeout, 5xx, a redirect loop. */
  | { kind: 'unreachable'; detail: string };

/** Asks whether a page (or an image) is still there, within a timeout; never throws for the network's sake. */
export type LinkChecker = { check: (url: string) => Promise<LinkCheck> };
