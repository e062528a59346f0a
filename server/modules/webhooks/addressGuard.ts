/**
 * The SSRF guard of webhooks: unless WEBHOOKS_ALLOW_PRIVATE_ADDRESSES is set, deliveries never go to a loopback,
 * private, link-local, shared, multicast or reserved address, so registering a URL cannot make the server call into
 * its own network. The URL is checked when it is registered (its name must resolve, to public addresses only) and again
 * at every connection: the resolver used to connect refuses such addresses, so a name that later resolves elsewhere
 * (DNS rebinding) is caught where it matters.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ErrorCode } from '../../../shared/errors.ts';
import { DomainError } from '../../common/errors.ts';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** True for an address deliveries must not reach (IPv4, IPv6, and IPv4 embedded in IPv6). */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return blocked.check(address, 'ipv4');
  if (version !== 6) return true;
  const embedded = embeddedIpv4(address);
  return blocked.check(address, 'ipv6') || (embedded !== null && blocked.check(embedded, 'ipv4'));
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped, NAT64, 6to4), or null. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (groups === null) return null;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) return v4(g6, g7); // mapped, compatible
  if (g0 === 0x64 && g1 === 0xff9b) return v4(g6, g7); // NAT64
  if (g0 === 0x2002) return v4(g1, g2); // 6to4
  return null;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad included), or null if it is not one. */
function expandIpv6(address: string): number[] | null {
  let text = address.split('%')[0] ?? '';
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array<number>(missing).fill(0), ...right];
  return groups.some((g) => Number.isNaN(g)) ? null : groups;
}

/** The URL's host as an address or a name (IPv6 literals lose their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

const refused = (detail: string) => new DomainError(ErrorCode.webhookUrlRefused, detail);

/**
 * Throws webhook_url_refused unless deliveries may go to the URL: its host (an address, or a name and every address it
 * resolves to) must be public, unless private addresses are allowed.
 */
export async function assertDeliverable(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(new URL(url));
  if (isIP(host) !== 0) {
    if (isPrivateAddress(host)) throw refused(`${host} is a private, loopback or reserved address`);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await dnsLookupAsync(host, { all: true });
  } catch {
    throw refused(`${host} does not resolve`);
  }
  const bad = addresses.find((entry) => isPrivateAddress(entry.address));
  if (bad) throw refused(`${host} resolves to ${bad.address}, a private, loopback or reserved address`);
}

/** Thrown by the guarded resolver, so the attempt's log says why nothing was sent. */
export class RefusedAddressError extends Error {
  readonly code = 'EADDRREFUSED';
}

/** A resolver for outgoing connections that refuses names resolving to a private address (unless allowed). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      const bad = allowPrivate ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
      const first = addresses[0];
      if (bad || first === undefined) {
        callback(new RefusedAddressError(`${hostname} resolves to ${bad?.address ?? 'nothing'}, where deliveries may not go`), '');
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
