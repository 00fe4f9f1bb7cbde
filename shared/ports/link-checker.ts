export type LinkCheck =
  | { kind: 'ok'; status: number }
  /** The server says it is gone (404, 410, …). */
  | { kind: 'dead'; status: number; detail: string }
  /** No usable answer in time: DNS, connection, timeout, 5xx, a redirect loop. */
  | { kind: 'unreachable'; detail: string }
  /** Never asked: the link, or a redirect on its way, leads to an address that is not public (127.0.0.1, 10.…). */
  | { kind: 'not_public'; detail: string };

/** Asks whether a page (or an image) is still there, within a timeout; never throws for the network's sake. */
export type LinkChecker = { check: (url: string) => Promise<LinkCheck> };
