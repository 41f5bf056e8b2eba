import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What an outbound fetch may connect to. Only globally routable unicast addresses are public:
 * loopback, private (RFC 1918), link-local (incl. 169.254.169.254, the cloud metadata service),
 * carrier-grade NAT, multicast, broadcast, unspecified, reserved/documentation ranges, IPv6
 * unique-local, and IPv6 forms that embed an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) are not.
 * Ranges come from ipaddr.js (the library behind Fastify's proxy-addr), not hand-written masks.
 */
/** `public`, `invalid` (not a canonical IP), or the ipaddr.js range name of a refused address. */
export type AddressClass = string;

/** The address's range: `public` for global unicast, else the ipaddr.js range name (`loopback`, `private`, `ipv4Mapped`…). */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Only canonical textual forms (what DNS and the URL parser give): `0x7f.1` or `017700000001` never get here as "public".
  if (isIP(bare) === 0) return 'invalid';
  const range = ipaddr.parse(bare).range();
  return range === 'unicast' ? 'public' : range;
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}
