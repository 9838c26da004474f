import { IpFamily, IpInterval, MAX_ADDRESS, formatIp, parseIp } from '../net/cidr';

const FAMILIES: readonly IpFamily[] = [4, 6];
/** `::ffff:0.0.0.0`, the start of the IPv4-mapped block. */
const IPV4_MAPPED_PREFIX = 0xffffn * 2n ** 32n;

/**
 * A short, deterministic text for a set of external addresses, relative to the address
 * space `universe` (the families the evaluator reports on):
 * - the whole universe is `internet`; the universe minus a few blocks is `internet except …`;
 * - otherwise each family on its own: `0.0.0.0/0` (or `::/0`) when complete, else the shorter
 *   of its blocks (`10.0.0.0/8, 192.168.1.7`) and `0.0.0.0/0 except …`.
 *
 * Each block prints as a CIDR when it is one, as a bare address when it is one address,
 * else as `first-last`.
 */
export function describeAddresses(ranges: readonly IpInterval[], universe: readonly IpFamily[] = [4]): string {
  const merged = mergeIntervals(ranges.filter((r) => universe.includes(r.family)));
  const complement = complementIntervals(merged, universe);
  if (complement.length === 0) return 'internet';
  if (complement.length < merged.length) return `internet except ${complement.map(formatBlock).join(', ')}`;
  const parts: string[] = [];
  for (const family of FAMILIES.filter((f) => universe.includes(f))) {
    const mine = merged.filter((r) => r.family === family);
    if (mine.length === 0) continue;
    const missing = complement.filter((r) => r.family === family);
    const whole = family === 4 ? '0.0.0.0/0' : '::/0';
    if (missing.length === 0) parts.push(whole);
    else if (missing.length < mine.length) parts.push(`${whole} except ${missing.map(formatBlock).join(', ')}`);
    else parts.push(mine.map(formatBlock).join(', '));
  }
  return parts.join(', ');
}

/** Sorts (IPv4 first) and merges overlapping or adjacent intervals of the same family. */
export function mergeIntervals(ranges: readonly IpInterval[]): IpInterval[] {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || compare(a.first, b.first));
  const out: IpInterval[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.first <= last.last + 1n) {
      if (r.last > last.last) out[out.length - 1] = { ...last, last: r.last };
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** The addresses of `universe` not in `merged` (which must be merged and sorted). */
export function complementIntervals(merged: readonly IpInterval[], universe: readonly IpFamily[]): IpInterval[] {
  const out: IpInterval[] = [];
  for (const family of FAMILIES.filter((f) => universe.includes(f))) {
    let next = 0n;
    for (const r of merged.filter((m) => m.family === family)) {
      if (r.first > next) out.push({ family, first: next, last: r.first - 1n });
      next = r.last + 1n;
    }
    if (next <= MAX_ADDRESS[family]) out.push({ family, first: next, last: MAX_ADDRESS[family] });
  }
  return out;
}

/** `10.0.0.0/8`, `203.0.113.7` or `10.0.0.5-10.0.0.9`. */
export function formatBlock(r: IpInterval): string {
  if (r.first === r.last) return formatIp(r.family, r.first);
  const hostBits = exactLog2(r.last - r.first + 1n);
  if (hostBits !== undefined && r.first % 2n ** BigInt(hostBits) === 0n) {
    const width = r.family === 4 ? 32 : 128;
    return `${formatIp(r.family, r.first)}/${width - hostBits}`;
  }
  return `${formatIp(r.family, r.first)}-${formatIp(r.family, r.last)}`;
}

/** k when value is 2^k, else undefined. */
function exactLog2(value: bigint): number | undefined {
  let k = 0;
  let v = value;
  while (v > 1n && v % 2n === 0n) {
    v /= 2n;
    k++;
  }
  return v === 1n ? k : undefined;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The address interval of an evaluator range given as text. IPv6 text of an IPv4-mapped
 * address (`::ffff:1.2.3.4`) stays in the IPv6 family, as the range says.
 */
export function intervalOf(range: { readonly family: IpFamily; readonly first: string; readonly last: string }): IpInterval | undefined {
  const first = addressValue(range.first, range.family);
  const last = addressValue(range.last, range.family);
  return first === undefined || last === undefined ? undefined : { family: range.family, first, last };
}

function addressValue(text: string, family: IpFamily): bigint | undefined {
  const parsed = parseIp(text);
  if (!parsed) return undefined;
  if (parsed.family === family) return parsed.value;
  return family === 6 ? parsed.value + IPV4_MAPPED_PREFIX : undefined;
}
