/** `https://open.spotify.com/…` answered by a stand-in instead (the fake web), or undefined: go as it is. */
export type StandInRoute = (url: URL) => URL | undefined;

/**
 * What the guarded client asks of one machine's stand-ins: whether a loopback address and port is one of
 * them, and where a web address by name is answered. Only `StandIns` (stand-ins.ts) makes one, and no Lambda
 * root reaches that module (a dependency rule); this file is types only, so the guard carries none of it.
 */
export type StandInPolicy = {
  allows: (address: string, port: number) => boolean;
  readonly route: StandInRoute | undefined;
};
