import { DiffEntry, widens } from '../report/connectivity-diff';
import { toDot } from '../report/dot-formatter';
import { diffGraph } from '../report/graph-model';
import { toMermaid } from '../report/mermaid-formatter';

/** One pair whose allowed connections differ between two reachabilities. */
export class ReachabilityChange {
  /** @internal */
  public static _of(entry: DiffEntry): ReachabilityChange {
    return new ReachabilityChange(entry);
  }

  /** `added`, `removed` or `changed`. */
  public readonly changeType: string;
  /** The source: `ns/name[Kind]`, or an address range `first-last[External]`. */
  public readonly source: string;
  /** The destination, in the same form. */
  public readonly destination: string;
  /** The connections before the change (`No Connections` when there were none). */
  public readonly before: string;
  /** The connections after the change. */
  public readonly after: string;
  /** True when the change allows something that was not allowed before. */
  public readonly widens: boolean;
  /** `workload ns/name[Kind] added` when an end exists on one side only; empty otherwise. */
  public readonly workloadsInfo: string;

  private constructor(entry: DiffEntry) {
    this.changeType = entry.type;
    this.source = entry.source;
    this.destination = entry.destination;
    this.before = entry.ref1.toString();
    this.after = entry.ref2.toString();
    this.widens = widens(entry);
    this.workloadsInfo = entry.workloadsInfo ?? '';
  }

  /** netpol-analyzer's diff line: `diff-type: added, source: …, destination: …, ref1: …, ref2: …`. */
  public toString(): string {
    return `diff-type: ${this.changeType}, source: ${this.source}, destination: ${this.destination}, ref1: ${this.before}, ref2: ${this.after}`
      + (this.workloadsInfo ? `, workloads-diff-info: ${this.workloadsInfo}` : '');
  }
}

/**
 * What changed between two reachabilities (`Reachability.diff(before, after)`): every pair of
 * workloads, and every external address range, whose allowed connections differ.
 */
export class ReachabilityDiff {
  /** @internal */
  public static _of(entries: readonly DiffEntry[]): ReachabilityDiff {
    return new ReachabilityDiff(entries);
  }

  /** Every change, sorted by source and destination. */
  public readonly changes: ReachabilityChange[];
  private readonly entries: readonly DiffEntry[];

  private constructor(entries: readonly DiffEntry[]) {
    this.entries = entries;
    this.changes = entries.map(ReachabilityChange._of);
  }

  /** The changes that allow something new: added pairs, and changed ones that gained connections. */
  public get widenings(): ReachabilityChange[] {
    return this.changes.filter((c) => c.widens);
  }

  /** True when nothing changed. */
  public get isEmpty(): boolean {
    return this.changes.length === 0;
  }

  /**
   * The changes as a Mermaid flowchart (GitHub renders it in Markdown): workloads grouped by
   * namespace, added edges thick green, removed dashed red, changed dotted amber, with a legend.
   * The same text as `cdk8s-netpol diff --format mermaid`.
   */
  public toMermaid(): string {
    return toMermaid(diffGraph(this.entries));
  }

  /** The changes as a Graphviz DOT graph, as `cdk8s-netpol diff --format dot` prints it. */
  public toDot(): string {
    return toDot(diffGraph(this.entries));
  }

  /** netpol-analyzer's diff layout: `Connectivity diff:` and one line per change; empty when nothing changed. */
  public toString(): string {
    if (this.changes.length === 0) return '';
    return ['Connectivity diff:', ...this.changes.map((c) => c.toString())].join('\n') + '\n';
  }
}
