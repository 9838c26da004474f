import { externalPeerName, workloadPeerName } from './peer-name';
import { ConnectivitySource, ExternalRange } from '../eval/types';
import { WorkloadSpec } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { IpFamily, formatIp, parseIpAsWritten } from '../net/cidr';

/** How a pair's connections changed from the old policy set (ref1) to the new one (ref2). */
export type DiffType = 'added' | 'removed' | 'changed';

/** One changed pair, as netpol-analyzer's `diff` reports it. */
export interface DiffEntry {
  readonly type: DiffType;
  readonly source: string;
  readonly destination: string;
  /** The connections before (ref1) and after (ref2). */
  readonly ref1: ConnectionSet;
  readonly ref2: ConnectionSet;
  /** `workload ns/name[Kind] added` when an end exists on one side only. */
  readonly workloadsInfo?: string;
}

/** Which external address families to compare (netpol-analyzer compares IPv4 only). */
export type DiffFamilies = 'ipv4' | 'ipv6' | 'all';

/**
 * The pairs whose connections differ between two connectivities: workload pairs by name, and
 * external ranges cut where either side's ranges are cut, adjacent cuts with the same change
 * merged. Changed pairs first, then added, then removed, each by source and destination. Both
 * sides are asked source by source: only one source's pairs of each side and the changes are
 * held, never all pairs.
 */
export function connectivityDiff(before: ConnectivitySource, after: ConnectivitySource, families: DiffFamilies): DiffEntry[] {
  const oldWorkloads = byName(before.cluster.workloads);
  const newWorkloads = byName(after.cluster.workloads);
  // netpol-analyzer's wording: `workload A added`, `workload A and B added`.
  const info = (...ends: string[]): string | undefined => {
    if (ends.every((n) => oldWorkloads.has(n) && newWorkloads.has(n))) return undefined;
    const added = ends.filter((n) => newWorkloads.has(n) && !oldWorkloads.has(n));
    const removed = ends.filter((n) => oldWorkloads.has(n) && !newWorkloads.has(n));
    const parts = [[added, 'added'], [removed, 'removed']] as const;
    const notes = parts.filter(([names]) => names.length > 0).map(([names, what]) => `workload ${names.join(' and ')} ${what}`);
    return notes.length > 0 ? notes.join(', ') : undefined;
  };
  const entries: DiffEntry[] = [];
  const push = (source: string, destination: string, ref1: ConnectionSet, ref2: ConnectionSet, ends: string[]): void => {
    if (ref1.equals(ref2)) return;
    const type: DiffType = ref1.isEmpty() ? 'added' : ref2.isEmpty() ? 'removed' : 'changed';
    const workloadsInfo = info(...ends);
    entries.push(workloadsInfo ? { type, source, destination, ref1, ref2, workloadsInfo } : { type, source, destination, ref1, ref2 });
  };

  const names = new Map<WorkloadSpec, string>();
  for (const workloads of [oldWorkloads, newWorkloads]) for (const [name, w] of workloads) names.set(w, name);
  const row = (side: ConnectivitySource, workload: WorkloadSpec | undefined) => new Map(
    workload ? side.connectionsFrom(workload).map((p) => [names.get(p.destination) ?? workloadPeerName(p.destination), p.connections]) : [],
  );
  for (const source of new Set([...oldWorkloads.keys(), ...newWorkloads.keys()])) {
    const oldRow = row(before, oldWorkloads.get(source));
    const newRow = row(after, newWorkloads.get(source));
    for (const destination of new Set([...oldRow.keys(), ...newRow.keys()])) {
      const none = ConnectionSet.none();
      push(source, destination, oldRow.get(destination) ?? none, newRow.get(destination) ?? none, [source, destination]);
    }
  }

  const externals = (c: ConnectivitySource) => new Map(c.externalConnections().map((e) => [workloadPeerName(e.workload), e]));
  const oldExternal = externals(before);
  const newExternal = externals(after);
  const shown = (family: IpFamily) => families === 'all' || families === `ipv${family}`;
  for (const name of new Set([...oldExternal.keys(), ...newExternal.keys()])) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const family of [4, 6] as const) {
        if (!shown(family)) continue;
        const changes = rangeChanges(oldExternal.get(name)?.[direction] ?? [], newExternal.get(name)?.[direction] ?? [], family);
        for (const change of changes) {
          const peer = externalPeerName(formatIp(family, change.first), formatIp(family, change.last));
          if (direction === 'ingress') push(peer, name, change.ref1, change.ref2, [name]);
          else push(name, peer, change.ref1, change.ref2, [name]);
        }
      }
    }
  }
  return inDiffOrder(entries);
}

/**
 * netpol-analyzer's order: changed, then added, then removed, each group by source and
 * destination; one numeric sort over ranks of the names (each name compared as a string once).
 */
function inDiffOrder(entries: readonly DiffEntry[]): DiffEntry[] {
  const distinct = new Set<string>();
  for (const e of entries) distinct.add(e.source).add(e.destination);
  const names = [...distinct].sort(compare);
  const rank = new Map(names.map((name, i) => [name, i]));
  const peers = Math.max(1, names.length);
  const keys = new Float64Array(entries.length);
  entries.forEach((e, i) => {
    keys[i] = (TYPE_ORDER.indexOf(e.type) * peers + rank.get(e.source)!) * peers + rank.get(e.destination)!;
  });
  const order = new Uint32Array(entries.length).map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  return Array.from(order, (i) => entries[i]);
}

const TYPE_ORDER: readonly DiffType[] = ['changed', 'added', 'removed'];

/** Workloads by peer name (`ns/name[Kind]`), in cluster order. */
function byName(workloads: readonly WorkloadSpec[]): Map<string, WorkloadSpec> {
  return new Map(workloads.map((w) => [workloadPeerName(w), w]));
}

interface RangeChange {
  readonly first: bigint;
  readonly last: bigint;
  readonly ref1: ConnectionSet;
  readonly ref2: ConnectionSet;
}

/** Where two range lists of one family give different connections, in maximal runs. */
function rangeChanges(before: readonly ExternalRange[], after: readonly ExternalRange[], family: IpFamily): RangeChange[] {
  const numeric = (ranges: readonly ExternalRange[]) => ranges
    .filter((r) => r.family === family)
    .map((r) => ({ first: parseIpAsWritten(r.first)!.value, last: parseIpAsWritten(r.last)!.value, connections: r.connections }));
  const a = numeric(before);
  const b = numeric(after);
  const starts = [...new Set([...a, ...b].flatMap((r) => [r.first, r.last + 1n]))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const at = (ranges: typeof a, address: bigint) => ranges.find((r) => r.first <= address && address <= r.last)?.connections ?? ConnectionSet.none();
  const changes: RangeChange[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const first = starts[i];
    const last = starts[i + 1] - 1n;
    const ref1 = at(a, first);
    const ref2 = at(b, first);
    if (ref1.equals(ref2)) continue;
    const previous = changes[changes.length - 1];
    if (previous && previous.last + 1n === first && previous.ref1.equals(ref1) && previous.ref2.equals(ref2)) {
      changes[changes.length - 1] = { ...previous, last };
    } else {
      changes.push({ first, last, ref1, ref2 });
    }
  }
  return changes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether an entry grants something the old set did not: added, or changed to a set that is not within the old one. */
export function widens(entry: DiffEntry): boolean {
  return !entry.ref2.isSubsetOf(entry.ref1);
}
