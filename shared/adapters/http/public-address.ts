import ipaddr from 'ipaddr.js';

/** Where IPv6 global unicast lives (RFC 4291 §2.4); ipaddr.js calls everything it has no name for "unicast". */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
/** The well-known NAT64 prefix (RFC 6052): the IPv4 address it carries decides. */
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * The range an address falls in, by ipaddr.js's names: `unicast` alone is the public internet. IPv4-mapped
 * IPv6 is judged as the IPv4 it maps, NAT64 as the IPv4 it carries; IPv4-compatible (`::a.b.c.d`), 6to4,
 * Teredo and anything outside 2000::/3 are not public. Anything that does not parse is `invalid`.
 */
export const addressRange = (address: string): string => {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return 'invalid';
  const ip = ipaddr.process(bare);
  if (ip.kind() === 'ipv4') return ip.range();
  const v6 = ip as ipaddr.IPv6;
  if (v6.match(NAT64)) return ipaddr.IPv4.parse(v6.toByteArray().slice(12).join('.')).range();
  const range = v6.range();
  if (range !== 'unicast') return range;
  return v6.match(GLOBAL_UNICAST) ? 'unicast' : 'unassigned';
};

/** Loopback, private, link-local (169.254.169.254 included), CGNAT, unique-local, multicast, … are not. */
export const isPublicAddress = (address: string): boolean => addressRange(address) === 'unicast';
