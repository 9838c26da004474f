// Address math on bigint values is bit manipulation by nature.
/* eslint-disable no-bitwise */

/**
 * The one home of IP and CIDR parsing: the API server's exact syntax rules, read two ways.
 * - As written (`parseCidr`, `parseIpAsWritten`): the family of the text, with the facts that
 *   validation reports (host bits, leading zeros, IPv4-mapped).
 * - As evaluated (`cidrInterval`, `parseIp`): an IPv4-mapped IPv6 address or CIDR is the IPv4
 *   address or block it maps, as Go's net package and the network plugins read it. The
 *   evaluator, the query API and the lints all read addresses this way.
 *
 * Parsing follows Go's `k8s.io/utils/net.ParseCIDRSloppy` (the Go 1.16 `net.ParseCIDR`
 * kept for compatibility): IPv4 octets are decimal and may carry leading zeros, which are
 * read as decimal (never octal); there are always four octets; no hex, no short forms, no
 * zones, no whitespace. The strict checks mirror `netip.ParsePrefix`, which the 1.36+
 * server uses to reject what the sloppy parser lets through.
 */

/** IP address family. */
export type IpFamily = 4 | 6;

/** A CIDR parsed with the API server's rules. */
export interface ParsedCidr {
  /** 4 for dotted IPv4 text, 6 for anything written with colons (IPv4-mapped included). */
  readonly family: IpFamily;
  /** The address with the host bits masked off. */
  readonly network: bigint;
  /** The prefix length. */
  readonly prefix: number;
  /** Address width: 32 or 128. */
  readonly bits: 32 | 128;
  /** The text as written. */
  readonly text: string;
  /** True when bits are set beyond the prefix length (`10.0.0.1/8`). */
  readonly hostBitsSet: boolean;
  /**
   * True when the sloppy parser accepted the text but a strict parser would not:
   * leading zeros in an IPv4 octet or in the prefix length (`010.0.0.0/8`, `10.0.0.0/08`),
   * or an IPv6 group written with more than four hex digits.
   */
  readonly leadingZeros: boolean;
  /** True for an IPv4-mapped IPv6 address (`::ffff:10.0.0.0/104`). */
  readonly ipv4Mapped: boolean;
}

/** A parsed CIDR that also keeps the address as written (before masking). */
export interface ParsedCidrDetail extends ParsedCidr {
  /** The address as written, host bits included. */
  readonly address: bigint;
}

/** A parsed IP address. */
export interface ParsedIp {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** An inclusive address interval within one family, as numbers. */
export interface IpInterval {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** The largest address of each family. */
export const MAX_ADDRESS: Record<IpFamily, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

/** The API server's message for a value that is not a CIDR at all. */
export const INVALID_CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
/** Strict-mode messages (1.36+ servers), in the order the server checks them. */
export const CIDR_LEADING_ZEROS_MESSAGE = 'must not have leading 0s in IP or prefix length';
export const CIDR_IPV4_MAPPED_MESSAGE = 'must not have an IPv4-mapped IPv6 address';
export const CIDR_HOST_BITS_MESSAGE = 'must not have bits set beyond the prefix length';

interface Ipv4Parse {
  value: bigint;
  leadingZeros: boolean;
}

interface Ipv6Parse {
  value: bigint;
  /** An IPv4 octet with a leading zero, or a hex group of more than four digits. */
  nonStrict: boolean;
}

/** Go's `dtoi`: a run of decimal digits at the start of `s`, or undefined when there is none. */
function leadingDecimal(s: string): { n: number; length: number } | undefined {
  let i = 0;
  let n = 0;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= 0xffffff) return undefined;
    i++;
  }
  return i === 0 ? undefined : { n, length: i };
}

/** Go's `xtoi`: a run of hex digits at the start of `s`. */
function leadingHex(s: string): { n: number; length: number } | undefined {
  let i = 0;
  let n = 0;
  while (i < s.length && /[0-9a-fA-F]/.test(s[i])) {
    n = n * 16 + parseInt(s[i], 16);
    if (n >= 0xffffff) return undefined;
    i++;
  }
  return i === 0 ? undefined : { n, length: i };
}

function parseIpv4Sloppy(s: string): Ipv4Parse | undefined {
  let rest = s;
  let value = 0n;
  let leadingZeros = false;
  for (let i = 0; i < 4; i++) {
    if (rest.length === 0) return undefined;
    if (i > 0) {
      if (rest[0] !== '.') return undefined;
      rest = rest.slice(1);
    }
    const octet = leadingDecimal(rest);
    if (!octet || octet.n > 0xff) return undefined;
    if (octet.length > 1 && rest[0] === '0') leadingZeros = true;
    rest = rest.slice(octet.length);
    value = (value << 8n) | BigInt(octet.n);
  }
  return rest.length === 0 ? { value, leadingZeros } : undefined;
}

function parseIpv6Sloppy(input: string): Ipv6Parse | undefined {
  const groups: number[] = []; // 16-bit groups before expansion
  let nonStrict = false;
  let ellipsis = -1; // index in `groups` where `::` sits
  let s = input;

  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { value: 0n, nonStrict };
  }

  while (groups.length < 8) {
    const hex = leadingHex(s);
    if (!hex || hex.n > 0xffff) return undefined;

    if (hex.length < s.length && s[hex.length] === '.') {
      // A trailing dotted IPv4 address fills the last two groups.
      if (ellipsis < 0 && groups.length !== 6) return undefined;
      if (groups.length + 2 > 8) return undefined;
      const v4 = parseIpv4Sloppy(s);
      if (!v4) return undefined;
      if (v4.leadingZeros) nonStrict = true;
      groups.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
      s = '';
      break;
    }

    if (hex.length > 4) nonStrict = true;
    groups.push(hex.n);
    s = s.slice(hex.length);
    if (s.length === 0) break;

    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = groups.length;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }

  if (s.length !== 0) return undefined;

  let full: number[];
  if (groups.length < 8) {
    if (ellipsis < 0) return undefined;
    const zeros: number[] = new Array(8 - groups.length).fill(0);
    full = [...groups.slice(0, ellipsis), ...zeros, ...groups.slice(ellipsis)];
  } else if (ellipsis >= 0) {
    // `::` must stand for at least one group of zeros.
    return undefined;
  } else {
    full = groups;
  }

  let value = 0n;
  for (const g of full) value = (value << 16n) | BigInt(g);
  return { value, nonStrict };
}

interface AddressParse {
  family: IpFamily;
  value: bigint;
  nonStrict: boolean;
}

function parseAddressSloppy(text: string): AddressParse | undefined {
  const v4 = parseIpv4Sloppy(text);
  if (v4) return { family: 4, value: v4.value, nonStrict: v4.leadingZeros };
  const v6 = parseIpv6Sloppy(text);
  if (v6) return { family: 6, value: v6.value, nonStrict: v6.nonStrict };
  return undefined;
}

function maskOf(bits: number, prefix: number): bigint {
  const width = BigInt(bits);
  const hostBits = BigInt(bits - prefix);
  return ((1n << width) - 1n) ^ ((1n << hostBits) - 1n);
}

function isIpv4MappedValue(value: bigint): boolean {
  return value >> 32n === 0xffffn;
}

/**
 * Parses a CIDR the way the API server's first step does (`ParseCIDRSloppy`), and records
 * which strict-mode rules it breaks. Returns undefined for text the server calls
 * "not a valid CIDR value": missing `/len`, a prefix out of range, whitespace, zones,
 * hostnames, or IPv4 written in octal, hex or short forms.
 */
export function parseCidr(text: string): ParsedCidrDetail | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);

  const address = parseAddressSloppy(addressText);
  if (!address) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  const prefixDigits = leadingDecimal(prefixText);
  if (!prefixDigits || prefixDigits.length !== prefixText.length || prefixDigits.n > bits) return undefined;

  const prefix = prefixDigits.n;
  const network = address.value & maskOf(bits, prefix);
  const prefixLeadingZero = prefixText.length > 1 && prefixText[0] === '0';
  return {
    family: address.family,
    network,
    prefix,
    bits,
    text,
    address: address.value,
    hostBitsSet: network !== address.value,
    leadingZeros: address.nonStrict || prefixLeadingZero,
    ipv4Mapped: address.family === 6 && isIpv4MappedValue(address.value),
  };
}

/**
 * The API server's error details for a CIDR in an `ipBlock` (without the field path and
 * `Invalid value: "…":` prefix). Empty when the value is accepted.
 *
 * In strict mode (the default, as on 1.36+ servers) at most one strict rule is reported,
 * in the server's order: leading zeros, then IPv4-mapped, then bits beyond the prefix.
 */
export function cidrErrors(text: string, options: { strict?: boolean } = {}): string[] {
  const parsed = parseCidr(text);
  if (!parsed) return [INVALID_CIDR_MESSAGE];
  if (options.strict === false) return [];
  if (parsed.leadingZeros) return [CIDR_LEADING_ZEROS_MESSAGE];
  if (parsed.ipv4Mapped) return [CIDR_IPV4_MAPPED_MESSAGE];
  if (parsed.hostBitsSet) return [CIDR_HOST_BITS_MESSAGE];
  return [];
}

/**
 * Parses an IP address as written, with the same syntax rules as {@link parseCidr} (leading
 * zeros in IPv4 octets are read as decimal). An IPv4-mapped IPv6 address stays family 6.
 */
export function parseIpAsWritten(text: string): ParsedIp | undefined {
  if (typeof text !== 'string') return undefined;
  const parsed = parseAddressSloppy(text);
  return parsed ? { family: parsed.family, value: parsed.value } : undefined;
}

/**
 * Parses an IP address as it is evaluated: an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is
 * the IPv4 address it maps. Returns undefined when the text is not an address.
 */
export function parseIp(text: string): ParsedIp | undefined {
  const parsed = parseIpAsWritten(text);
  if (parsed && parsed.family === 6 && isIpv4MappedValue(parsed.value)) return { family: 4, value: parsed.value & 0xffffffffn };
  return parsed;
}

/**
 * The address interval of a CIDR as it is evaluated: host bits masked (the legacy reading),
 * and an IPv4-mapped CIDR whose prefix covers the mapping bits read as the IPv4 block it maps
 * (`::ffff:1.2.3.0/120` is `1.2.3.0/24`), as Go's `net.ParseCIDR` does. Returns undefined when
 * the text is not a CIDR.
 */
export function cidrInterval(text: string): IpInterval | undefined {
  const parsed = parseCidr(text);
  if (!parsed) return undefined;
  if (parsed.ipv4Mapped && parsed.prefix >= 96) {
    const network = parsed.network & 0xffffffffn;
    return { family: 4, first: network, last: network | ((1n << BigInt(128 - parsed.prefix)) - 1n) };
  }
  const { first, last } = cidrRange(parsed);
  return { family: parsed.family, first, last };
}

/** True when the address lies in the interval (same family). */
export function intervalContains(interval: IpInterval, address: ParsedIp): boolean {
  return interval.family === address.family && interval.first <= address.value && address.value <= interval.last;
}

/** The first and last address of the CIDR's (masked) network. */
export function cidrRange(c: ParsedCidr): { first: bigint; last: bigint } {
  const hostMask = (1n << BigInt(c.bits - c.prefix)) - 1n;
  return { first: c.network, last: c.network | hostMask };
}

/** True when the IP lies inside the CIDR's network, both as written: no IPv4-mapped translation. */
export function cidrContainsIp(cidr: ParsedCidr, ip: ParsedIp): boolean {
  if (cidr.family !== ip.family) return false;
  const { first, last } = cidrRange(cidr);
  return ip.value >= first && ip.value <= last;
}

/**
 * True when `inner` is a strict subset of `outer`: same family, `outer` contains
 * `inner`'s network, and `inner`'s prefix is longer. Uses the masked networks.
 */
export function isStrictSubset(inner: ParsedCidr, outer: ParsedCidr): boolean {
  if (inner.family !== outer.family) return false;
  if (inner.prefix <= outer.prefix) return false;
  return cidrContainsIp(outer, { family: inner.family, value: inner.network });
}

/** Dotted-decimal text of a 32-bit value. */
export function formatIpv4(value: bigint): string {
  const octets: string[] = [];
  for (let shift = 24n; shift >= 0n; shift -= 8n) octets.push(((value >> shift) & 0xffn).toString());
  return octets.join('.');
}

/**
 * RFC 5952 canonical text of a 128-bit value, as Go's `netip.Addr.String` prints it:
 * lower case, no leading zeros, the longest run (the first on a tie) of two or more zero
 * groups written as `::`, and IPv4-mapped addresses as `::ffff:a.b.c.d`.
 */
export function formatIpv6(value: bigint): string {
  if (isIpv4MappedValue(value)) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));

  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }

  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/** Canonical text of an address of the given family. */
export function formatIp(family: IpFamily, value: bigint): string {
  return family === 4 ? formatIpv4(value) : formatIpv6(value);
}

/**
 * The CIDR as Go's `net.IPNet.String()` prints the sloppy parse result: the masked
 * network in canonical form. An IPv4-mapped network prints as plain IPv4 with the prefix
 * reduced by 96 when that is possible (`::ffff:1.2.3.0/120` → `1.2.3.0/24`).
 */
export function formatNetwork(c: ParsedCidr): string {
  if (c.family === 6 && isIpv4MappedValue(c.network) && c.prefix >= 96) {
    return `${formatIpv4(c.network & 0xffffffffn)}/${c.prefix - 96}`;
  }
  return `${formatIp(c.family, c.network)}/${c.prefix}`;
}

