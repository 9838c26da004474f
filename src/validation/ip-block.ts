// The server's subset test is reproduced with bit operations on bigint addresses.
/* eslint-disable no-bitwise */
import { Findings, FieldRef, readArray, readObject, readString, readStringItem } from './decode';
import { childPath, indexPath, invalid, required, warning } from './issues';
import { Rules } from './rules';
import {
  CIDR_HOST_BITS_MESSAGE,
  CIDR_IPV4_MAPPED_MESSAGE,
  CIDR_LEADING_ZEROS_MESSAGE,
  formatIpv4,
  formatIpv6,
  formatNetwork,
  INVALID_CIDR_MESSAGE,
  parseCidr,
  ParsedCidrDetail,
} from '../net/cidr';

const IP_BLOCK_FIELDS = ['cidr', 'except'];

/** Options of the ipBlock checks. */
export interface IpBlockOptions {
  /** Reject leading zeros, IPv4-mapped addresses and host bits (1.36+); otherwise warn (1.33–1.35). */
  readonly strictCidr: boolean;
}

/** How Go's `net.IP.String()` prints an address: IPv4-mapped IPv6 as plain IPv4. */
function goIpString(c: ParsedCidrDetail): string {
  if (c.family === 6 && c.address >> 32n === 0xffffn) return formatIpv4(c.address & 0xffffffffn);
  return c.family === 4 ? formatIpv4(c.address) : formatIpv6(c.address);
}

/** The fix for a parseable but non-canonical CIDR: the network, and the single address when host bits are set. */
function canonicalFix(c: ParsedCidrDetail): string {
  const network = JSON.stringify(formatNetwork(c));
  if (!c.hostBitsSet) return `use ${network}`;
  const single = c.ipv4Mapped ? `${goIpString(c)}/32` : `${goIpString(c)}/${c.bits}`;
  return `use ${network} (or ${JSON.stringify(single)} for the single address)`;
}

function invalidCidrFix(text: string): string {
  const trimmed = text.trim();
  if (trimmed !== text) return `remove the surrounding whitespace: ${JSON.stringify(trimmed)}`;
  if (text.includes('%')) return 'remove the zone (the "%..." part): ipBlock takes a network, not an interface address';
  if (!text.includes('/')) {
    // Any address, IPv4 or IPv6, takes a /32 prefix; bits tells which family it is.
    const single = parseCidr(`${text}/32`);
    if (single) return `add the prefix length, e.g. ${JSON.stringify(`${text}/${single.bits}`)} for this single address`;
  }
  // Here the text has a "/" (an address without one returned above, or cannot parse with any prefix).
  const [address] = text.split('/', 1);
  const asV4 = parseCidr(`${address}/0`);
  if (asV4) {
    return `the prefix length after "/" must be a number from 0 to ${asV4.bits} for ${asV4.family === 4 ? 'IPv4' : 'IPv6'}`;
  }
  return 'write an address and prefix length: four decimal octets for IPv4 (e.g. 10.0.0.0/8; no short, octal or hex forms) or IPv6 (e.g. 2001:db8::/64)';
}

/** Validates one CIDR value (`cidr` or one `except` entry) and adds its warnings. */
function checkCidr(findings: Findings, path: string, text: string, options: IpBlockOptions): ParsedCidrDetail | undefined {
  const parsed = parseCidr(text);
  if (!parsed) {
    findings.add(invalid(path, text, INVALID_CIDR_MESSAGE, Rules.IPBLOCK_CIDR_INVALID, invalidCidrFix(text)));
    return undefined;
  }
  if (options.strictCidr) {
    // The server reports at most one of these, in this order.
    if (parsed.leadingZeros) {
      findings.add(invalid(path, text, CIDR_LEADING_ZEROS_MESSAGE, Rules.IPBLOCK_CIDR_LEADING_ZEROS, canonicalFix(parsed)));
    } else if (parsed.ipv4Mapped) {
      findings.add(invalid(path, text, CIDR_IPV4_MAPPED_MESSAGE, Rules.IPBLOCK_CIDR_IPV4_MAPPED, canonicalFix(parsed)));
    } else if (parsed.hostBitsSet) {
      findings.add(invalid(path, text, CIDR_HOST_BITS_MESSAGE, Rules.IPBLOCK_CIDR_HOST_BITS, canonicalFix(parsed)));
    }
  }
  findings.add(...cidrWarnings(path, parsed, options));
  return parsed;
}

/**
 * `GetWarningsForCIDR` as the 1.33–1.35 servers word it. In strict mode the first two kinds
 * are errors instead, so only the RFC 5952 warning can remain.
 */
function cidrWarnings(path: string, c: ParsedCidrDetail, options: IpBlockOptions) {
  const found = [];
  const lenient = !options.strictCidr;
  if (c.hostBitsSet && lenient) {
    const single = `${goIpString(c)}/${c.bits}`;
    found.push(warning(path,
      `CIDR value ${JSON.stringify(c.text)} is ambiguous in this context (should be ${JSON.stringify(formatNetwork(c))} or ${JSON.stringify(single)}?)`,
      Rules.IPBLOCK_CIDR_HOST_BITS, canonicalFix(c)));
  }
  if ((c.leadingZeros || c.ipv4Mapped) && lenient) {
    const rule = c.leadingZeros ? Rules.IPBLOCK_CIDR_LEADING_ZEROS : Rules.IPBLOCK_CIDR_IPV4_MAPPED;
    found.push(warning(path,
      `non-standard CIDR value ${JSON.stringify(c.text)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(formatNetwork(c))}`,
      rule, canonicalFix(c)));
  }
  const strictlyValid = !c.hostBitsSet && !c.leadingZeros && !c.ipv4Mapped;
  const canonical = `${formatIpv6(c.address)}/${c.prefix}`;
  if (strictlyValid && c.family === 6 && canonical !== c.text) {
    found.push(warning(path,
      `IPv6 CIDR value ${JSON.stringify(c.text)} should be in RFC 5952 canonical format (${JSON.stringify(canonical)})`,
      Rules.IPBLOCK_CIDR_NON_CANONICAL, `write it as ${JSON.stringify(canonical)}`));
  }
  return found;
}

interface GoNetView {
  width: number;
  value: bigint;
}

/**
 * Go's `net.IPNet.Contains` compares IPv4 and IPv4-mapped IPv6 addresses in their 4-byte
 * form; anything else in its own width.
 */
function goView(value: bigint, family: 4 | 6): GoNetView {
  if (family === 6 && value >> 32n === 0xffffn) return { width: 32, value: value & 0xffffffffn };
  return { width: family === 4 ? 32 : 128, value };
}

/**
 * The server's except test: `cidrNet.Contains(exceptNet.IP) && cidrPrefix < exceptPrefix`,
 * on the masked networks and the prefix lengths as written.
 */
function exceptIsStrictSubset(exceptCidr: ParsedCidrDetail, cidr: ParsedCidrDetail): boolean {
  const outer = goView(cidr.network, cidr.family);
  const inner = goView(exceptCidr.network, exceptCidr.family);
  if (outer.width !== inner.width) return false;
  const outerPrefix = outer.width === 32 && cidr.family === 6 ? cidr.prefix - 96 : cidr.prefix;
  const hostBits = BigInt(outer.width - outerPrefix);
  const contains = inner.value >> hostBits === outer.value >> hostBits;
  return contains && cidr.prefix < exceptCidr.prefix;
}

function subsetFix(exceptCidr: ParsedCidrDetail, cidr: ParsedCidrDetail): string {
  const cidrText = JSON.stringify(cidr.text);
  if (exceptCidr.family !== cidr.family) {
    const fam = (c: ParsedCidrDetail) => (c.family === 4 ? 'IPv4' : 'IPv6');
    return `this except is ${fam(exceptCidr)} but cidr ${cidrText} is ${fam(cidr)}: put it in an ipBlock of its own family, or remove it`;
  }
  if (exceptCidr.prefix <= cidr.prefix) {
    return `an except must be smaller than cidr ${cidrText} (a prefix longer than /${cidr.prefix}); to exclude the whole block, remove the peer instead`;
  }
  return `an except must lie inside cidr ${cidrText}; remove it, or widen cidr to cover it`;
}

/** `ValidateIPBlock` (docs/semantics.md#validation) with the warnings of `GetWarningsForCIDR`. */
export function validateIpBlock(findings: Findings, value: unknown, field: FieldRef, options: IpBlockOptions): void {
  // A value that is not a map was reported by the decoder: there is no cidr to call missing.
  const block = readObject(findings, field, value, 'v1.IPBlock', IP_BLOCK_FIELDS);
  if (!block) return;
  const cidrPath = childPath(field.path, 'cidr');
  const cidrIsString = block.cidr === undefined || block.cidr === null || typeof block.cidr === 'string';
  const cidrText = readString(findings, { path: cidrPath, owner: 'IPBlock' }, block.cidr) ?? '';
  const exceptPath = childPath(field.path, 'except');
  const exceptList = readArray(findings, { path: exceptPath, owner: 'IPBlock' }, block.except, '[]string') ?? [];

  if (!cidrIsString) return;
  if (cidrText === '') {
    findings.add(required(cidrPath, '', Rules.IPBLOCK_CIDR_REQUIRED, 'set cidr, e.g. cidr: 10.0.0.0/8 (0.0.0.0/0 for every IPv4 address)'));
    return;
  }
  const cidr = checkCidr(findings, cidrPath, cidrText, options);
  if (!cidr) return;

  exceptList.forEach((entry, i) => {
    const path = indexPath(exceptPath, i);
    const text = readStringItem(findings, { path, owner: 'IPBlock' }, entry);
    if (text === undefined) return;
    const exceptCidr = checkCidr(findings, path, text, options);
    if (exceptCidr && !exceptIsStrictSubset(exceptCidr, cidr)) {
      findings.add(invalid(path, text, 'must be a strict subset of `cidr`', Rules.IPBLOCK_EXCEPT_SUBSET, subsetFix(exceptCidr, cidr)));
    }
  });
}
