import { MAX_PORT, MIN_PORT, PROTOCOLS, Protocol } from './protocol';

/** An inclusive port interval `[first, last]` within 1..65535. */
export interface PortInterval {
  readonly first: number;
  readonly last: number;
}

type Intervals = readonly PortInterval[];

const FULL: Intervals = Object.freeze([{ first: MIN_PORT, last: MAX_PORT }]);
const EMPTY: Intervals = Object.freeze([]);

/**
 * An immutable set of connections: for each protocol (TCP, UDP, SCTP) a sorted list of
 * disjoint, non-adjacent inclusive port intervals in 1..65535.
 *
 * `toString()` gives netpol-analyzer's canonical text (`All Connections`, `TCP 80,443,UDP 53`,
 * `No Connections`).
 */
export class ConnectionSet {
  /** The empty set. */
  public static none(): ConnectionSet {
    return NONE;
  }

  /** Every port of every protocol. */
  public static all(): ConnectionSet {
    return ALL;
  }

  /** Every port of one protocol. */
  public static allPortsOf(protocol: Protocol): ConnectionSet {
    return ConnectionSet.ports(protocol, MIN_PORT, MAX_PORT);
  }

  /**
   * The ports `first..last` (inclusive) of one protocol. Bounds are clipped to 1..65535;
   * an empty or inverted range gives the empty set.
   */
  public static ports(protocol: Protocol, first: number, last: number = first): ConnectionSet {
    const lo = Math.max(MIN_PORT, Math.ceil(first));
    const hi = Math.min(MAX_PORT, Math.floor(last));
    if (!(lo <= hi)) return NONE;
    return ConnectionSet.fromIntervals({ [protocol]: [{ first: lo, last: hi }] });
  }

  /** Builds a set from (possibly overlapping, unsorted) intervals per protocol. */
  public static fromIntervals(byProtocol: Partial<Record<Protocol, readonly PortInterval[]>>): ConnectionSet {
    return new ConnectionSet(
      normalizeIntervals(byProtocol.SCTP ?? EMPTY),
      normalizeIntervals(byProtocol.TCP ?? EMPTY),
      normalizeIntervals(byProtocol.UDP ?? EMPTY),
    );
  }

  private constructor(
    private readonly sctp: Intervals,
    private readonly tcp: Intervals,
    private readonly udp: Intervals,
  ) {}

  /** The intervals of one protocol, sorted ascending. */
  public intervals(protocol: Protocol): readonly PortInterval[] {
    switch (protocol) {
      case 'SCTP': return this.sctp;
      case 'TCP': return this.tcp;
      case 'UDP': return this.udp;
    }
  }

  public union(other: ConnectionSet): ConnectionSet {
    if (this === other || other.isEmpty() || this.isAll()) return this;
    if (this.isEmpty() || other.isAll()) return other;
    return this.combine(other, unionIntervals);
  }

  public intersect(other: ConnectionSet): ConnectionSet {
    if (this === other || other.isAll()) return this;
    if (this.isAll()) return other;
    if (this.isEmpty() || other.isEmpty()) return NONE;
    return this.combine(other, intersectIntervals);
  }

  public subtract(other: ConnectionSet): ConnectionSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    if (this === other || other.isAll()) return NONE;
    return this.combine(other, subtractIntervals);
  }

  public isEmpty(): boolean {
    return this.sctp.length === 0 && this.tcp.length === 0 && this.udp.length === 0;
  }

  public isAll(): boolean {
    return isFull(this.sctp) && isFull(this.tcp) && isFull(this.udp);
  }

  public equals(other: ConnectionSet): boolean {
    return this === other || (
      sameIntervals(this.sctp, other.sctp) && sameIntervals(this.tcp, other.tcp) && sameIntervals(this.udp, other.udp)
    );
  }

  /** True when every connection of this set is also in `other`. */
  public isSubsetOf(other: ConnectionSet): boolean {
    return this.subtract(other).isEmpty();
  }

  /** True when the set holds `port` of `protocol`. */
  public contains(protocol: Protocol, port: number): boolean {
    const list = this.intervals(protocol);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      const iv = list[mid];
      if (port < iv.first) hi = mid - 1;
      else if (port > iv.last) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /**
   * netpol-analyzer's canonical text: `All Connections`, `No Connections`, or groups sorted by
   * protocol name with merged ascending ports, e.g. `SCTP 7070,TCP 8080-8081,UDP 9090`.
   */
  public toString(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    const groups: string[] = [];
    for (const protocol of PROTOCOLS) {
      const list = this.intervals(protocol);
      if (list.length === 0) continue;
      const ports = list.map((iv) => (iv.first === iv.last ? `${iv.first}` : `${iv.first}-${iv.last}`));
      groups.push(`${protocol} ${ports.join(',')}`);
    }
    return groups.join(',');
  }

  private combine(other: ConnectionSet, op: (a: Intervals, b: Intervals) => Intervals): ConnectionSet {
    const result = new ConnectionSet(op(this.sctp, other.sctp), op(this.tcp, other.tcp), op(this.udp, other.udp));
    if (result.isEmpty()) return NONE;
    if (result.isAll()) return ALL;
    return result;
  }
}

function isFull(list: Intervals): boolean {
  return list.length === 1 && list[0].first === MIN_PORT && list[0].last === MAX_PORT;
}

function sameIntervals(a: Intervals, b: Intervals): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].first !== b[i].first || a[i].last !== b[i].last) return false;
  }
  return true;
}

/** Sorts, clips to 1..65535 and merges overlapping or adjacent intervals. */
function normalizeIntervals(list: readonly PortInterval[]): Intervals {
  const clipped = list
    .map((iv) => ({ first: Math.max(MIN_PORT, iv.first), last: Math.min(MAX_PORT, iv.last) }))
    .filter((iv) => iv.first <= iv.last)
    .sort((a, b) => a.first - b.first);
  if (clipped.length === 0) return EMPTY;
  const merged: PortInterval[] = [];
  let current = { ...clipped[0] };
  for (const iv of clipped.slice(1)) {
    if (iv.first <= current.last + 1) {
      current.last = Math.max(current.last, iv.last);
    } else {
      merged.push(current);
      current = { ...iv };
    }
  }
  merged.push(current);
  return freezeIntervals(merged);
}

function freezeIntervals(list: PortInterval[]): Intervals {
  if (list.length === 0) return EMPTY;
  if (list.length === 1 && list[0].first === MIN_PORT && list[0].last === MAX_PORT) return FULL;
  return Object.freeze(list.map((iv) => Object.freeze(iv)));
}

function unionIntervals(a: Intervals, b: Intervals): Intervals {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalizeIntervals([...a, ...b]);
}

function intersectIntervals(a: Intervals, b: Intervals): Intervals {
  const out: PortInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = Math.max(a[i].first, b[j].first);
    const last = Math.min(a[i].last, b[j].last);
    if (first <= last) out.push({ first, last });
    if (a[i].last < b[j].last) i++;
    else j++;
  }
  return freezeIntervals(out);
}

function subtractIntervals(a: Intervals, b: Intervals): Intervals {
  if (b.length === 0 || a.length === 0) return a;
  const out: PortInterval[] = [];
  let j = 0;
  for (const iv of a) {
    let first = iv.first;
    const last = iv.last;
    while (j < b.length && b[j].last < first) j++;
    let k = j;
    while (k < b.length && b[k].first <= last && first <= last) {
      if (b[k].first > first) out.push({ first, last: b[k].first - 1 });
      first = Math.max(first, b[k].last + 1);
      k++;
    }
    if (first <= last) out.push({ first, last });
  }
  return freezeIntervals(out);
}

const NONE = new (ConnectionSet as any)(EMPTY, EMPTY, EMPTY) as ConnectionSet;
const ALL = new (ConnectionSet as any)(FULL, FULL, FULL) as ConnectionSet;
