import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Namespaces } from '../values/namespaces';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/**
 * Checks the props a construct receives at run time. TypeScript rejects a missing or
 * misspelled prop at compile time, but JavaScript and the other jsii languages pass `undefined`
 * (Python's `None`) or an unknown key straight through, and a missing selector or peer list
 * would otherwise render as "every pod" or "every peer": allow-all by omission.
 *
 * Every error names the construct path, the construct, the prop and the fix.
 */
export class PropsCheck {
  /** The path the construct will have (it does not exist yet while its props are checked). */
  public static forChild(scope: Construct, id: string, construct: string): PropsCheck {
    const parent = scope.node.path;
    return new PropsCheck(parent ? `${parent}/${id}` : id, construct);
  }

  private constructor(public readonly path: string, public readonly construct: string) {}

  /** An error in the common format: `path: Construct prop: problem. Fix: fix` */
  public error(prop: string, problem: string, fix: string): Error {
    return new Error(`${this.path}: ${this.construct} ${prop}: ${problem}. Fix: ${fix}.`);
  }

  /**
   * The props object itself, and no unknown keys in it. `renamed` maps old prop names to
   * the current ones, for a "did you mean" that also covers renames.
   */
  public known<T>(props: T | undefined, knownProps: readonly string[], renamed: { [old: string]: string } = {}, prop?: string): T {
    const what = prop ? `${this.construct} ${prop}` : `${this.construct} props`;
    if (props === undefined || props === null) return {} as T;
    if (typeof props !== 'object' || Array.isArray(props)) {
      throw new Error(`${this.path}: ${what} must be an object, not ${describeValue(props)}. `
        + `Fix: pass { ${knownProps.join(', ')} }.`);
    }
    for (const key of Object.keys(props)) {
      if (knownProps.includes(key)) continue;
      const suggestion = renamed[key] ?? commonName(key, knownProps) ?? closest(key, knownProps);
      const hint = suggestion ? `did you mean ${suggestion}?` : `the known properties are ${knownProps.join(', ')}.`;
      throw new Error(`${this.path}: ${this.construct}: unknown property ${prop ? `${prop}.` : ''}${key}; ${hint} `
        + 'Fix: rename or remove it; an unknown property is ignored, so what it meant would be silently lost.');
    }
    return props;
  }

  /**
   * A required selection of pods. A cdk8s-plus workload or pod passed as is becomes `Pods.of(workload)`.
   */
  public pods(value: unknown, prop: string, example: string): Pods {
    if (value === undefined || value === null) {
      throw this.error(prop, `is ${String(value)}, and no pods would mean every pod of the namespace`,
        `pass the pods, e.g. ${prop}: ${example}, or ${prop}: Pods.all() to mean every pod on purpose`);
    }
    return this.optionalPods(value, prop, example)!;
  }

  /** An optional selection of pods: undefined stays undefined (the construct's documented default). */
  public optionalPods(value: unknown, prop: string, example: string): Pods | undefined {
    if (value === undefined || value === null) return undefined;
    if (isPods(value)) return value;
    if (isWorkload(value)) return Pods.of(value);
    throw this.error(prop, `must be Pods, not ${describeValue(value)}`,
      `pass the pods, e.g. ${prop}: ${example}`);
  }

  /**
   * A required, non-empty list of peers. An empty list is refused because "no peers" would
   * mean every peer; `anywhere` names the explicit value that means that.
   */
  public peers(value: unknown, prop: string, options: { example: string; anywhere: string }): IPeer[] {
    if (value === undefined || value === null) {
      throw this.error(prop, `is ${String(value)}, and no peers would mean every peer`,
        `pass the peers, e.g. ${prop}: [${options.example}], or ${prop}: [${options.anywhere}] to mean every peer on purpose`);
    }
    const peers = this.optionalPeers(value, prop, options.example)!;
    if (peers.length === 0) {
      throw this.error(prop, 'is an empty list, and no peers would mean every peer',
        `list the peers, e.g. ${prop}: [${options.example}], or ${prop}: [${options.anywhere}] to mean every peer on purpose`);
    }
    return peers;
  }

  /** An optional list of peers: each entry must be a peer; undefined stays undefined. */
  public optionalPeers(value: unknown, prop: string, example: string): IPeer[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      throw this.error(prop, `must be a list of peers, not ${describeValue(value)}`, `wrap it in a list: ${prop}: [${example}]`);
    }
    return value.map((entry, index) => this.peer(entry, `${prop}[${index}]`, example));
  }

  /** One peer. cdk8s-plus workloads and pods become `Pods.of(workload)`, namespaces `Namespaces.of(namespace)`. */
  public peer(value: unknown, prop: string, example: string): IPeer {
    if (value === undefined || value === null) {
      throw this.error(prop, `is ${String(value)}`, `remove the entry or pass a peer, e.g. ${example}`);
    }
    if (isWorkload(value)) return Pods.of(value);
    if (value instanceof kplus.Namespace) return Namespaces.of(value);
    if (isPeer(value)) return value;
    throw this.error(prop, `is not a peer: ${describeValue(value)}`,
      'create peers with Pods (Pods.of(workload), Pods.labelled({...})), Namespaces or Peer (Peer.ipBlock(...), Peer.anywhere())');
  }

  /** An optional list of ports: each entry must be a `Port`. */
  public ports(value: unknown, prop: string): Port[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      throw this.error(prop, `must be a list of ports, not ${describeValue(value)}`, `wrap it in a list: ${prop}: [Port.tcp(8080)]`);
    }
    return value.map((entry, index) => this.port(entry, `${prop}[${index}]`));
  }

  /** One port. */
  public port(value: unknown, prop: string): Port {
    if (isPort(value)) return value;
    const fix = typeof value === 'number'
      ? `write Port.tcp(${value}) (or Port.udp / Port.sctp)`
      : typeof value === 'string' ? `write Port.named(${JSON.stringify(value)})` : 'create ports with Port.tcp(8080), Port.named("metrics"), Port.allTraffic(), …';
    throw this.error(prop, value === undefined || value === null ? `is ${String(value)}` : `is not a Port: ${describeValue(value)}`, fix);
  }

  /** A value that must be one of an enum's values; undefined is accepted unless `required`. */
  public enumValue<T>(value: T | undefined, prop: string, values: readonly T[], required = false): T | undefined {
    if ((value === undefined || value === null) && !required) return undefined;
    if (values.includes(value as T)) return value;
    throw this.error(prop, `is ${describeValue(value)}`, `use one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
  }
}

/** Whether a value is a cdk8s-plus workload or pod, also when it comes from another copy of cdk8s-plus. */
export function isWorkload(value: unknown): value is kplus.AbstractPod {
  if (value instanceof kplus.AbstractPod) return true;
  const candidate = value as { podMetadata?: { toJson?: unknown }; kind?: unknown; node?: unknown } | null;
  return typeof candidate === 'object' && candidate !== null
    && typeof candidate.podMetadata?.toJson === 'function' && typeof candidate.kind === 'string' && candidate.node !== undefined;
}

// Shape checks besides `instanceof`, so that values made by another copy of this library still count.
function isPods(value: unknown): value is Pods {
  return value instanceof Pods || (isPeer(value) && typeof (value as Pods)._selector === 'function');
}

function isPort(value: unknown): value is Port {
  return value instanceof Port || (typeof value === 'object' && value !== null
    && typeof (value as Port)._toManifest === 'function' && typeof (value as Port).isAllTraffic === 'boolean');
}

function isPeer(value: unknown): value is IPeer {
  return typeof value === 'object' && value !== null && typeof (value as IPeer)._toPeerManifests === 'function';
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : `the object ${truncate(JSON.stringify(value))}`;
  }
  return `${typeof value} ${truncate(JSON.stringify(value))}`;
}

function truncate(text: string | undefined): string {
  if (text === undefined) return '';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Names users bring from Kubernetes YAML and other libraries, and ours for them. */
const COMMON_NAMES: { [key: string]: string } = { namespace: 'namespaceName', name: 'policyName', podSelector: 'pods', metadata: 'policyName' };

function commonName(key: string, known: readonly string[]): string | undefined {
  const ours = COMMON_NAMES[key];
  return ours !== undefined && known.includes(ours) ? ours : undefined;
}

/** The known name closest to `key` (case-insensitive edit distance at most 2), if any. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
