/* eslint-disable no-bitwise */ // address and bitset arithmetic is bit manipulation by nature
import * as ipaddr from 'ipaddr.js';

/** IPv4 or IPv6. */
export type IpFamily = 4 | 6;

/** An inclusive address interval within one family, as numbers. */
export interface IpInterval {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** One parsed address. */
export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** The largest address of each family. */
export const MAX_ADDRESS: Record<IpFamily, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

/**
 * Parses an address; IPv4-mapped IPv6 (`::ffff:a.b.c.d`) becomes IPv4, as Go's net package reads it.
 * Returns undefined when the text is not an address.
 */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseDottedQuad(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  const addr = ipaddr.IPv6.parse(text);
  if (addr.isIPv4MappedAddress()) return { family: 4, value: bytesToBigint(addr.toIPv4Address().toByteArray()) };
  return { family: 6, value: bytesToBigint(addr.toByteArray()) };
}

/**
 * Parses a CIDR into its address interval. Host bits are masked (the legacy reading the API server
 * used before strict validation). Returns undefined when the text is not a CIDR.
 */
export function parseCidr(text: string): IpInterval | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^[0-9]{1,3}$/.test(text.slice(slash + 1))) return undefined;
  let prefix = Number(text.slice(slash + 1));
  const address = parseIp(text.slice(0, slash));
  if (!address) return undefined;
  let family = address.family;
  let value = address.value;
  const mapped = family === 4 && text.includes(':');
  if (mapped) {
    // An IPv4-mapped IPv6 CIDR: its prefix counts the 96 mapping bits, as in Go's net.ParseCIDR.
    if (prefix < 96) {
      family = 6;
      value = value | (0xffffn << 32n);
    } else {
      prefix -= 96;
    }
  }
  if (prefix > (family === 4 ? 32 : 128)) return undefined;
  const bits = family === 4 ? 32n : 128n;
  const hostBits = bits - BigInt(prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = value & ~hostMask & MAX_ADDRESS[family];
  return { family, first, last: first | hostMask };
}

/** Formats an address number as text (`10.0.0.1`, `2001:db8::1`). */
export function formatIp(family: IpFamily, value: bigint): string {
  const length = family === 4 ? 4 : 16;
  const bytes: number[] = new Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function intervalContains(interval: IpInterval, address: IpAddress): boolean {
  return interval.family === address.family && interval.first <= address.value && address.value <= interval.last;
}

/** Four decimal octets; leading zeros are read as decimal, as the legacy API server did. */
function parseDottedQuad(text: string): bigint | undefined {
  const match = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.exec(text);
  if (!match) return undefined;
  let v = 0n;
  for (const octet of match.slice(1)) {
    const n = Number(octet);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function bytesToBigint(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
