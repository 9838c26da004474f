import { ClusterPolicySpec } from './cluster-policy';
import { Labels } from './labels';
import { NAMESPACE_NAME_LABEL, NetworkPolicyManifest } from './manifest';
import { Protocol } from './protocol';

export type { Protocol } from './protocol';

/** Where a model object came from, for explanations: a file and line, or a construct path. */
export interface SourceRef {
  readonly file?: string;
  readonly line?: number;
  readonly constructPath?: string;
}

/** One port declared by a container (`containers[].ports[]`). */
export interface ContainerPortSpec {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * A workload: a set of identical pods (a Deployment's replicas, a bare Pod, …). All its pods
 * share the labels and container ports; `podIps` lists the known IPs of all of them.
 */
export interface WorkloadSpec {
  readonly namespace: string;
  readonly name: string;
  /** Deployment, Pod, ReplicaSet, StatefulSet, … */
  readonly kind: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPortSpec[];
  readonly podIps: readonly string[];
  readonly hostNetwork: boolean;
  /**
   * How many pods the workload runs; undefined when the count is not fixed (an autoscaler scales
   * it, a DaemonSet runs one per node). Two pods of one workload talk through policy like any two
   * pods: only a pod talking to itself bypasses it.
   */
  readonly replicas?: number;
  /** The names of the Pods read for it (from a `kubectl get pods` dump), so a pod name finds its workload. */
  readonly podNames?: readonly string[];
  readonly source?: SourceRef;
}

/** True when the workload is one pod, so traffic from it to itself never leaves that pod. */
export function isSinglePod(w: Pick<WorkloadSpec, 'replicas'>): boolean {
  return w.replicas === 1;
}

/** `3 replicas`, `1 replica`, or `an unknown number of replicas`. */
export function describeReplicas(w: Pick<WorkloadSpec, 'replicas'>): string {
  if (w.replicas === undefined) return 'an unknown number of replicas';
  return `${w.replicas} replica${w.replicas === 1 ? '' : 's'}`;
}

/** A namespace and its labels (always including `kubernetes.io/metadata.name`). */
export interface NamespaceSpec {
  readonly name: string;
  readonly labels: Labels;
}

/** A Node: its labels and `status.addresses` (what cluster policy `nodes` peers match). */
export interface NodeSpec {
  readonly name: string;
  readonly labels: Labels;
  readonly addresses: readonly { readonly type: string; readonly address: string }[];
}

/** A NetworkPolicy as stored in the cluster, with its (effective) namespace and name. */
export interface PolicySpec {
  readonly namespace: string;
  readonly name: string;
  readonly manifest: NetworkPolicyManifest;
  readonly source?: SourceRef;
}

/** What `Cluster.addWorkload` needs; everything but the name has a default. */
export interface WorkloadInput {
  /** @default 'default' */
  readonly namespace?: string;
  readonly name: string;
  /** @default 'Pod' */
  readonly kind?: string;
  readonly labels?: Labels;
  readonly ports?: readonly ContainerPortSpec[];
  readonly podIps?: readonly string[];
  readonly hostNetwork?: boolean;
  /** How many pods; `'unknown'` when the count is not fixed (an autoscaler, a DaemonSet). @default 1 */
  readonly replicas?: number | 'unknown';
  readonly podNames?: readonly string[];
  readonly source?: SourceRef;
}

/** The namespace objects without `metadata.namespace` land in. */
export const DEFAULT_NAMESPACE = 'default';

/** `ns/name[Kind]`, the key netpol-analyzer prints for a workload. */
export function workloadKey(w: Pick<WorkloadSpec, 'namespace' | 'name' | 'kind'>): string {
  return `${w.namespace}/${w.name}[${w.kind}]`;
}

/** A reference to a workload: its namespace and name, and its kind when two kinds share the name. */
export interface WorkloadRef {
  readonly namespace: string;
  readonly name: string;
  readonly kind?: string;
}

/** What a workload reference resolves to. */
export type WorkloadLookup =
  | { readonly found: WorkloadSpec }
  | { readonly ambiguous: readonly WorkloadSpec[] }
  | { readonly unknown: true };

const WORKLOAD_REF = /^(?:([^/\s[\]]+)\/)?([^/\s[\]]+)(?:\[([A-Za-z]+)\])?$/;

/** Reads `ns/name[Kind]`, `ns/name` or `name` (namespace `default`); undefined for other text. */
export function parseWorkloadRef(text: string): WorkloadRef | undefined {
  const match = WORKLOAD_REF.exec(text.trim());
  if (!match) return undefined;
  const [, namespace, name, kind] = match;
  return { namespace: namespace ?? DEFAULT_NAMESPACE, name, ...(kind ? { kind } : {}) };
}

/**
 * The id of the construct that defined a workload, from its construct path: the last segment,
 * or the one before a cdk8s-plus `Resource` child (`shop/web/Resource` is `web`).
 */
function constructIdOf(w: WorkloadSpec): string | undefined {
  const path = w.source?.constructPath;
  if (!path) return undefined;
  const segments = path.split('/');
  const last = segments[segments.length - 1];
  return last === 'Resource' && segments.length > 1 ? segments[segments.length - 2] : last;
}

/** `ns/name` of a policy. */
function policyKey(p: Pick<PolicySpec, 'namespace' | 'name'>): string {
  return `${p.namespace}/${p.name}`;
}

/**
 * The world an evaluator looks at: namespaces with labels, workloads, NetworkPolicies and
 * cluster-scoped policies.
 * Built incrementally; every namespace that a workload or policy lives in exists implicitly
 * with just its name label, and declared labels are merged in whenever they are added.
 */
export class Cluster {
  private readonly namespaceMap = new Map<string, NamespaceSpec>();
  private readonly workloadMap = new Map<string, WorkloadSpec>();
  private readonly policyMap = new Map<string, PolicySpec>();
  private readonly clusterPolicyMap = new Map<string, ClusterPolicySpec>();
  private readonly nodeMap = new Map<string, NodeSpec>();

  /** Namespaces in the order they were first seen. */
  public get namespaces(): readonly NamespaceSpec[] {
    return [...this.namespaceMap.values()];
  }

  /** Workloads in the order they were added. */
  public get workloads(): readonly WorkloadSpec[] {
    return [...this.workloadMap.values()];
  }

  /** Policies in the order they were added (a replaced policy keeps its place). */
  public get policies(): readonly PolicySpec[] {
    return [...this.policyMap.values()];
  }

  /**
   * Cluster-scoped policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy)
   * in the order they were added (a replaced policy keeps its place).
   */
  public get clusterPolicies(): readonly ClusterPolicySpec[] {
    return [...this.clusterPolicyMap.values()];
  }

  /** Nodes in the order they were added (a node read twice keeps its place). */
  public get nodes(): readonly NodeSpec[] {
    return [...this.nodeMap.values()];
  }

  /** Adds a Node, or replaces the one of the same name. */
  public addNode(node: NodeSpec): NodeSpec {
    const spec: NodeSpec = Object.freeze({
      name: node.name,
      labels: Object.freeze({ ...node.labels }),
      addresses: Object.freeze([...node.addresses]),
    });
    this.nodeMap.set(spec.name, spec);
    return spec;
  }

  /**
   * Adds a cluster-scoped policy (read with `readClusterPolicy`). One with the same kind and
   * name replaces the earlier one, as `kubectl apply` would.
   */
  public addClusterPolicy(spec: ClusterPolicySpec): ClusterPolicySpec {
    this.clusterPolicyMap.set(`${spec.kind}/${spec.name}`, spec);
    return spec;
  }

  /**
   * Declares a namespace or adds labels to it. The `kubernetes.io/metadata.name` label is
   * always set to the name, as the control plane does.
   */
  public addNamespace(name: string, labels: Labels = {}): NamespaceSpec {
    const existing = this.namespaceMap.get(name);
    const spec: NamespaceSpec = {
      name,
      labels: Object.freeze({ ...(existing?.labels ?? {}), ...labels, [NAMESPACE_NAME_LABEL]: name }),
    };
    this.namespaceMap.set(name, spec);
    return spec;
  }

  /** Adds a workload (its namespace is created if needed). Throws if `ns/name[Kind]` already exists. */
  public addWorkload(input: WorkloadInput): WorkloadSpec {
    const spec: WorkloadSpec = Object.freeze({
      namespace: input.namespace ?? DEFAULT_NAMESPACE,
      name: input.name,
      kind: input.kind ?? 'Pod',
      labels: Object.freeze({ ...(input.labels ?? {}) }),
      ports: Object.freeze([...(input.ports ?? [])]),
      podIps: Object.freeze([...(input.podIps ?? [])]),
      hostNetwork: input.hostNetwork ?? false,
      ...(input.replicas === 'unknown' ? {} : { replicas: input.replicas ?? 1 }),
      ...(input.podNames && input.podNames.length > 0 ? { podNames: Object.freeze([...input.podNames]) } : {}),
      ...(input.source ? { source: input.source } : {}),
    });
    const key = workloadKey(spec);
    if (this.workloadMap.has(key)) {
      throw new Error(`Workload "${key}" is already in the cluster: give each workload a unique namespace/name/kind.`);
    }
    this.ensureNamespace(spec.namespace);
    this.workloadMap.set(key, spec);
    return spec;
  }

  /**
   * Adds a NetworkPolicy. Its namespace is `metadata.namespace` (or `default`); a policy with
   * the same namespace and name replaces the earlier one, as `kubectl apply` would.
   */
  public addPolicy(manifest: NetworkPolicyManifest, source?: SourceRef): PolicySpec {
    const spec: PolicySpec = Object.freeze({
      namespace: manifest.metadata?.namespace || DEFAULT_NAMESPACE,
      name: manifest.metadata?.name ?? '',
      manifest,
      ...(source ? { source } : {}),
    });
    this.ensureNamespace(spec.namespace);
    this.policyMap.set(policyKey(spec), spec);
    return spec;
  }

  /** The namespace with this name, if it exists. */
  public namespace(name: string): NamespaceSpec | undefined {
    return this.namespaceMap.get(name);
  }

  /** Labels of a namespace; an unknown namespace has just its name label. */
  public namespaceLabels(name: string): Labels {
    return this.namespaceMap.get(name)?.labels ?? { [NAMESPACE_NAME_LABEL]: name };
  }

  /**
   * The one workload lookup: by namespace and name (and kind, when given); failing that, by the
   * id of the construct that defined it, so `shop/web` finds a Deployment whose name cdk8s
   * generated (`shop-web-c81100ac`) from the construct id `web`; failing that, by the name of
   * one of its Pods (`shop/web-7d4b9-xk2p`, as `kubectl get pods` lists it).
   */
  public lookupWorkload(ref: WorkloadRef): WorkloadLookup {
    const inNamespace = [...this.workloadMap.values()].filter((w) => w.namespace === ref.namespace
      && (ref.kind === undefined || w.kind === ref.kind));
    const byName = inNamespace.filter((w) => w.name === ref.name);
    const byConstruct = byName.length > 0 ? byName : inNamespace.filter((w) => constructIdOf(w) === ref.name);
    const hits = byConstruct.length > 0 ? byConstruct : inNamespace.filter((w) => w.podNames?.includes(ref.name));
    if (hits.length === 1) return { found: hits[0] };
    if (hits.length > 1) return { ambiguous: hits };
    return { unknown: true };
  }

  /**
   * Finds a workload by `ns/name[Kind]`, `ns/name` or `name` (namespace `default`), as
   * {@link lookupWorkload} does. Returns undefined when nothing matches; throws when the
   * reference is ambiguous (two kinds, or two constructs of that id).
   */
  public findWorkload(text: string): WorkloadSpec | undefined {
    const ref = parseWorkloadRef(text);
    if (!ref) return undefined;
    const result = this.lookupWorkload(ref);
    if ('ambiguous' in result) {
      throw new Error(
        `Workload "${text}" is ambiguous: ${result.ambiguous.map(workloadKey).join(', ')}. Use the full "ns/name[Kind]" form.`,
      );
    }
    return 'found' in result ? result.found : undefined;
  }

  private ensureNamespace(name: string): void {
    if (!this.namespaceMap.has(name)) this.addNamespace(name);
  }
}
