import ipaddr from 'ipaddr.js';
import type { StandInPolicy, StandInRoute } from './stand-in-policy.ts';

/** One spelling per address: `127.0.0.1:80`, `[::1]:80`. */
export const addressKey = (address: string, port: number) => {
  const ip = ipaddr.process(address.replace(/^\[(.*)\]$/, '$1'));
  return ip.kind() === 'ipv6' ? `[${ip.toString()}]:${port}` : `${ip.toString()}:${port}`;
};

/**
 * The stand-ins one machine runs on its loopback (the fake web, the fake blog, the fake networks), which the
 * guarded client may reach though they are not public, each by its exact address and port. Only the local
 * runtime makes one, in code, from the servers it started: no environment variable or setting leads here, a
 * private field keeps an object literal from passing for one, and a dependency rule keeps the Lambda roots
 * from reaching this module.
 */
export class StandIns implements StandInPolicy {
  readonly #allowed: ReadonlySet<string>;
  readonly route: StandInRoute | undefined;

  /** `origins`: the stand-ins' base URLs, each on an IP literal (`http://127.0.0.1:4567`). */
  constructor(origins: readonly string[], route?: StandInRoute) {
    this.#allowed = new Set(
      origins.map((origin) => {
        const url = new URL(origin);
        const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
        return addressKey(url.hostname, port);
      }),
    );
    this.route = route;
  }

  allows(address: string, port: number): boolean {
    return this.#allowed.has(addressKey(address, port));
  }
}
