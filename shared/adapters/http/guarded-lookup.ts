import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { addressRange } from './public-address.ts';
import type { StandInPolicy } from './stand-in-policy.ts';

export type ResolvedAddress = { address: string; family: number };
/** Every address a name has; injectable so a test can play a DNS that rebinds to loopback. */
export type Lookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Refused before any connection: the host is, or resolves only to, an address that is not public. */
export class NonPublicAddressError extends Error {
  override name = 'NonPublicAddressError';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host === address ? address : `${host} is ${address}`} (${range}), not a public address`);
  }
}

/** Public, or one of this machine's stand-ins (its exact address and port). */
export const allowedAddress = (address: string, port: number, standIns?: StandInPolicy) =>
  addressRange(address) === 'unicast' || (standIns?.allows(address, port) ?? false);

/**
 * The `lookup` a socket uses for a name: the first address the name resolves to that is allowed, and only
 * that one, so the socket opens to the very address checked. A name that resolves to a public address for a
 * pre-check and to 127.0.0.1 a moment later (DNS rebinding) has no second lookup to win.
 */
export const guardedLookup =
  (lookup: Lookup, port: number, standIns?: StandInPolicy): LookupFunction =>
  (hostname, options, callback) => {
    lookup(hostname).then(
      (addresses) => {
        const chosen = addresses.find(({ address }) => allowedAddress(address, port, standIns));
        if (!chosen) {
          const first = addresses[0]?.address ?? '(no address)';
          return callback(new NonPublicAddressError(hostname, first, addressRange(first)), '', 0);
        }
        if (options.all) return (callback as unknown as AllCallback)(null, [chosen]);
        callback(null, chosen.address, chosen.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: ResolvedAddress[]) => void;
