import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
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
    super(`${host} is ${address} (${range}), not a public address`);
  }
}

/**
 * The address to connect to: the first the name resolves to that is public (or a stand-in's, on one
 * machine). Checked here, after DNS, on the very address the socket then opens: a name that resolves to a
 * public address for a pre-check and to 127.0.0.1 a moment later (DNS rebinding) has no second lookup to win.
 */
const pickAddress = async (hostname: string, port: number, lookup: Lookup, standIns?: StandInPolicy) => {
  const addresses = isIP(hostname) ? [{ address: hostname, family: isIP(hostname) }] : await lookup(hostname);
  const allowed = (address: string) =>
    addressRange(address) === 'unicast' || (standIns?.allows(address, port) ?? false);
  const chosen = addresses.find(({ address }) => allowed(address));
  if (chosen) return chosen.address;
  const first = addresses[0]?.address ?? '(no address)';
  throw new NonPublicAddressError(hostname, first, addressRange(first));
};

const sameAddress = (a: string, b: string) => a.replace(/^::ffff:/, '') === b.replace(/^::ffff:/, '');

/** An undici connector that opens sockets only to the addresses `pickAddress` allows. */
export const guardedConnector = ({
  lookup = systemLookup,
  standIns,
  connectTimeoutMs = 10_000,
}: {
  lookup?: Lookup;
  standIns?: StandInPolicy | undefined;
  connectTimeoutMs?: number;
}): buildConnector.connector => {
  const connect = buildConnector({ timeout: connectTimeoutMs });
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    pickAddress(options.hostname, port, lookup, standIns).then(
      (address) =>
        // `host` stays the name: TLS's SNI and certificate check are for the name, the socket for the address.
        connect({ ...options, hostname: address }, (error, socket) => {
          if (error) return callback(error, null);
          const peer = socket?.remoteAddress;
          if (peer && !sameAddress(peer, address)) {
            socket.destroy();
            return callback(new NonPublicAddressError(options.hostname, peer, addressRange(peer)), null);
          }
          callback(null, socket as NonNullable<typeof socket>);
        }),
      (error: Error) => callback(error, null),
    );
  };
};
