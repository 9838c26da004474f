import { Cluster, ContainerPortSpec, DEFAULT_NAMESPACE, SourceRef, workloadKey } from './cluster';
import { clusterPolicyLabel, isClusterPolicyObject, readClusterPolicy } from './cluster-policy';
import { Labels } from './labels';
import { isKubernetesNetworkPolicy, NetworkPolicyManifest } from './manifest';
import { isProtocol } from './protocol';

/** One parsed Kubernetes object (a YAML/JSON document) and where it came from. */
export interface ManifestDocument {
  readonly object: unknown;
  readonly source?: SourceRef;
}

/** Options of `clusterFromManifests`. */
export interface ClusterFromManifestsOptions {
  /**
   * The namespace of objects without `metadata.namespace`.
   * @default 'default'
   */
  readonly defaultNamespace?: string;
}

/** The cluster a set of manifests describes, and what was skipped or guessed on the way. */
export interface ClusterFromManifests {
  readonly cluster: Cluster;
  readonly warnings: string[];
}

/** Workload kinds whose pod template sits at `spec.template`. */
const TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job']);

interface PendingWorkload {
  namespace: string;
  name: string;
  kind: string;
  labels: Labels;
  ports: ContainerPortSpec[];
  podIps: Set<string>;
  hostNetwork: boolean;
  source?: SourceRef;
  /** Pods seen for it (Pods owned by it, or a bare Pod). */
  podCount: number;
  podNames: string[];
  /** The count its own object declares; undefined when none was read or it is not fixed. */
  declaredReplicas?: number | 'unknown';
  /** Where its own object (Deployment, StatefulSet, …) was read, when it was. */
  objectWhere?: () => string;
}

/**
 * Builds a cluster from Kubernetes objects the way netpol-analyzer reads a directory:
 * - `List` and `*List` objects are flattened into their items;
 * - documents without `apiVersion`/`kind` are skipped with a warning; unused kinds are ignored;
 * - objects without a namespace are in `default`; referenced namespaces exist with their name
 *   label, declared ones get it added;
 * - Pods owned by a controller (`controller: true`, kind other than Node) are grouped under
 *   `ns/<owner>[<owner kind>]` (kind `Pod` when the reference has none), other Pods are
 *   `ns/<name>[Pod]`; Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet,
 *   Job and CronJob become workloads from their pod template (labels, container ports with
 *   protocol defaulting to TCP, hostNetwork);
 * - pod IPs come from `status.podIPs` / `status.podIP`;
 * - replicas: `spec.replicas` (Kubernetes defaults it to 1), a Job's `parallelism`, unknown for a
 *   DaemonSet or a workload that a HorizontalPodAutoscaler scales, else the number of its Pods;
 * - a workload object read twice (same kind, namespace and name) is replaced by the later one,
 *   as `kubectl apply` would, with a warning; NetworkPolicies behave the same;
 * - Nodes keep their labels and `status.addresses`, which cluster policy `nodes` peers match;
 * - ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1)
 *   become cluster policies (docs/cluster-policies.md); one that cannot be read is skipped with a
 *   warning naming the field.
 * Never throws on odd shapes: whatever cannot be read is reported in `warnings`.
 */
export function clusterFromManifests(docs: readonly ManifestDocument[], options: ClusterFromManifestsOptions = {}): ClusterFromManifests {
  const assembler = clusterAssembler(options);
  for (const doc of docs) assembler.add(doc);
  return assembler.finish();
}

/** Builds a cluster one document at a time, as they are read: what `clusterFromManifests` does. */
export interface ClusterAssembler {
  /** Folds one document in; a Pod is kept only as its workload's labels, ports, IPs and count. */
  add(doc: ManifestDocument): void;
  /** The cluster of everything added. */
  finish(): ClusterFromManifests;
}

export function clusterAssembler(options: ClusterFromManifestsOptions = {}): ClusterAssembler {
  const defaultNamespace = options.defaultNamespace ?? DEFAULT_NAMESPACE;
  const cluster = new Cluster();
  const warnings: string[] = [];
  const workloads = new Map<string, PendingWorkload>();
  const seenPolicies = new Map<string, () => string>();
  const seenClusterPolicies = new Map<string, () => string>();
  const autoscaled = new Set<string>();

  const visit = (object: unknown, source: SourceRef | undefined, inherited?: { apiVersion: string; kind: string }): void => {
    if (object === null || object === undefined) return;
    // A source's line may be found only when asked (a List item's): ask only for a message.
    const whereOf = () => describeWhere(source);
    if (!isRecord(object)) {
      warnings.push(`Skipped a document${whereOf()} that is not an object.`);
      return;
    }
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : inherited?.apiVersion;
    const kind = typeof object.kind === 'string' ? object.kind : inherited?.kind;
    if (!apiVersion || !kind) {
      warnings.push(`Skipped a document${whereOf()} without apiVersion/kind: it is not a Kubernetes object.`);
      return;
    }
    if (kind === 'List' || (kind.endsWith('List') && Array.isArray(object.items))) {
      const items = Array.isArray(object.items) ? object.items : [];
      const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
      for (const item of items) visit(item, source, itemKind ? { apiVersion, kind: itemKind } : undefined);
      return;
    }
    const metadata = isRecord(object.metadata) ? object.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    if (isClusterPolicyObject(object)) {
      const reading = readClusterPolicy(object, source);
      if ('error' in reading) {
        warnings.push(`Skipped ${kind} ${name ?? '(unnamed)'}${whereOf()}, which cannot be evaluated: ${reading.error}.`);
        return;
      }
      for (const w of reading.warnings) warnings.push(`${kind} ${name ?? '(unnamed)'}${whereOf()}: ${w}.`);
      const key = clusterPolicyLabel(reading.policy);
      const earlier = seenClusterPolicies.get(key);
      if (earlier !== undefined) warnings.push(`${key}${whereOf()} replaces the one with the same kind and name${earlier()}.`);
      seenClusterPolicies.set(key, whereOf);
      cluster.addClusterPolicy(reading.policy);
      return;
    }
    const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : defaultNamespace;
    const spec = isRecord(object.spec) ? object.spec : {};
    const labelOf = () => `${kind} ${name ?? '(unnamed)'}${whereOf()}`;

    switch (kind) {
      case 'Namespace':
        if (!name) {
          warnings.push(`Skipped a Namespace${whereOf()} without metadata.name.`);
          return;
        }
        cluster.addNamespace(name, readLabels(metadata.labels, () => `${labelOf()} metadata.labels`, warnings));
        return;
      case 'NetworkPolicy': {
        if (!isKubernetesNetworkPolicy(object)) return;
        if (!name) warnings.push(`NetworkPolicy${whereOf()} has no metadata.name.`);
        const key = `${namespace}/${name ?? ''}`;
        const earlier = seenPolicies.get(key);
        if (earlier !== undefined) {
          warnings.push(`NetworkPolicy ${key}${whereOf()} replaces the one with the same namespace and name${earlier()}.`);
        }
        seenPolicies.set(key, whereOf);
        const manifest = withNamespace(object as NetworkPolicyManifest, namespace);
        cluster.addPolicy(manifest, source);
        return;
      }
      case 'Node': {
        if (!name) {
          warnings.push(`Skipped a Node${whereOf()} without metadata.name.`);
          return;
        }
        const addresses = (Array.isArray(asRecord(object.status).addresses) ? asRecord(object.status).addresses : [])
          .map(asRecord)
          .filter((a: Record<string, any>) => typeof a.type === 'string' && typeof a.address === 'string')
          .map((a: Record<string, any>) => ({ type: a.type as string, address: a.address as string }));
        cluster.addNode({ name, labels: readLabels(metadata.labels, () => `${labelOf()} metadata.labels`, warnings), addresses });
        return;
      }
      case 'Pod': {
        if (!name) {
          warnings.push(`Skipped a Pod${whereOf()} without metadata.name.`);
          return;
        }
        const owner = controllerOwner(metadata.ownerReferences);
        const template = { metadata, spec };
        const podIps = readPodIps(object.status);
        addWorkload(owner
          ? { namespace, name: owner.name, kind: owner.kind, source }
          : { namespace, name, kind: 'Pod', source }, template, podIps, labelOf, undefined, undefined, name);
        return;
      }
      case 'HorizontalPodAutoscaler': {
        const target = asRecord(spec.scaleTargetRef);
        if (typeof target.kind === 'string' && typeof target.name === 'string') {
          autoscaled.add(workloadKey({ namespace, name: target.name, kind: target.kind }));
        }
        return;
      }
      case 'CronJob':
      default: {
        if (kind !== 'CronJob' && !TEMPLATE_KINDS.has(kind)) return;
        if (!name) {
          warnings.push(`Skipped a ${kind}${whereOf()} without metadata.name.`);
          return;
        }
        const template = kind === 'CronJob'
          ? asRecord(asRecord(asRecord(spec.jobTemplate).spec).template)
          : asRecord(spec.template);
        addWorkload({ namespace, name, kind, source }, template, [], labelOf, declaredReplicas(kind, spec), whereOf);
        return;
      }
    }
  };

  const addWorkload = (
    id: { namespace: string; name: string; kind: string; source?: SourceRef },
    template: Record<string, any>,
    podIps: string[],
    labelOf: () => string,
    replicas?: number | 'unknown',
    objectWhere?: () => string,
    podName?: string,
  ): void => {
    const templateMetadata = asRecord(template.metadata);
    const podSpec = asRecord(template.spec);
    const labels = readLabels(templateMetadata.labels, () => `${labelOf()} pod labels`, warnings);
    const ports = readContainerPorts(podSpec.containers, labelOf, warnings);
    const hostNetwork = podSpec.hostNetwork === true;
    const key = workloadKey(id);
    const existing = workloads.get(key);
    const isPod = objectWhere === undefined;
    if (existing && isPod) {
      if (!sameLabels(existing.labels, labels)) {
        warnings.push(`${labelOf()} belongs to ${key} but its labels differ from the other pods of that workload; the first pod's labels are used.`);
      }
      existing.podCount++;
      if (podName !== undefined) existing.podNames.push(podName);
      for (const ip of podIps) existing.podIps.add(ip);
      return;
    }
    if (existing?.objectWhere !== undefined && !isPod) {
      warnings.push(`${id.kind} ${id.namespace}/${id.name}${objectWhere?.() ?? ''} replaces the one with the same namespace and name${existing.objectWhere()}.`);
    }
    workloads.set(key, {
      namespace: id.namespace,
      name: id.name,
      kind: id.kind,
      labels,
      ports,
      podIps: new Set([...(existing?.podIps ?? []), ...podIps]),
      hostNetwork,
      podCount: (existing?.podCount ?? 0) + (isPod ? 1 : 0),
      podNames: [...(existing?.podNames ?? []), ...(podName !== undefined ? [podName] : [])],
      ...(replicas !== undefined ? { declaredReplicas: replicas } : {}),
      ...(objectWhere !== undefined ? { objectWhere } : {}),
      ...(id.source ? { source: id.source } : {}),
    });
  };

  const add = (doc: ManifestDocument): void => {
    try {
      visit(doc?.object, doc?.source);
    } catch (e) {
      warnings.push(`Skipped a document${describeWhere(doc?.source)} that could not be read: ${(e as Error).message}`);
    }
  };
  const finish = (): ClusterFromManifests => {
    for (const w of workloads.values()) {
      const { podCount, declaredReplicas: declared, objectWhere: _where, podIps, ...input } = w;
      const replicas = autoscaled.has(workloadKey(w)) ? 'unknown' : declared ?? Math.max(podCount, 1);
      cluster.addWorkload({ ...input, podIps: [...podIps], replicas });
    }
    return { cluster, warnings };
  };
  return { add, finish };
}

/** The pod count a workload object declares, with the API server's defaults. */
function declaredReplicas(kind: string, spec: Record<string, any>): number | 'unknown' {
  const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 1);
  switch (kind) {
    case 'DaemonSet': return 'unknown';
    case 'Job': return count(spec.parallelism);
    case 'CronJob': return count(asRecord(asRecord(spec.jobTemplate).spec).parallelism);
    default: return count(spec.replicas);
  }
}

function controllerOwner(refs: unknown): { name: string; kind: string } | undefined {
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) {
    if (!isRecord(ref) || ref.controller !== true || typeof ref.name !== 'string' || ref.name === '') continue;
    const kind = typeof ref.kind === 'string' && ref.kind !== '' ? ref.kind : 'Pod';
    if (kind === 'Node') continue;
    return { name: ref.name, kind };
  }
  return undefined;
}

function readPodIps(status: unknown): string[] {
  const s = asRecord(status);
  const ips = new Set<string>();
  if (Array.isArray(s.podIPs)) {
    for (const entry of s.podIPs) {
      const ip = asRecord(entry).ip;
      if (typeof ip === 'string' && ip !== '') ips.add(ip);
    }
  }
  if (typeof s.podIP === 'string' && s.podIP !== '') ips.add(s.podIP);
  return [...ips];
}

function readLabels(value: unknown, whatOf: () => string, warnings: string[]): Labels {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    warnings.push(`${whatOf()}: expected a map of labels, found ${JSON.stringify(value)}; ignored.`);
    return {};
  }
  const labels: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') {
      labels[key] = v;
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      warnings.push(`${whatOf()}: label "${key}" has the non-string value ${JSON.stringify(v)}; read as "${String(v)}" (quote it in YAML).`);
      labels[key] = String(v);
    } else if (v === null) {
      labels[key] = '';
    } else {
      warnings.push(`${whatOf()}: label "${key}" has the value ${JSON.stringify(v)}, which is not a string; ignored.`);
    }
  }
  return labels;
}

function readContainerPorts(containers: unknown, whatOf: () => string, warnings: string[]): ContainerPortSpec[] {
  const ports: ContainerPortSpec[] = [];
  if (!Array.isArray(containers)) return ports;
  for (const container of containers) {
    const list = asRecord(container).ports;
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const p = asRecord(entry);
      const protocol = p.protocol === undefined || p.protocol === null ? 'TCP' : p.protocol;
      if (typeof p.containerPort !== 'number' || !Number.isInteger(p.containerPort)) {
        warnings.push(`${whatOf()}: container port ${JSON.stringify(entry)} has no numeric containerPort; ignored.`);
        continue;
      }
      if (!isProtocol(protocol)) {
        warnings.push(`${whatOf()}: container port ${p.containerPort} has the unsupported protocol ${JSON.stringify(protocol)}; ignored.`);
        continue;
      }
      ports.push({ port: p.containerPort, protocol, ...(typeof p.name === 'string' && p.name !== '' ? { name: p.name } : {}) });
    }
  }
  return ports;
}

function withNamespace(manifest: NetworkPolicyManifest, namespace: string): NetworkPolicyManifest {
  if (manifest.metadata?.namespace === namespace) return manifest;
  return { ...manifest, metadata: { ...(isRecord(manifest.metadata) ? manifest.metadata : {}), namespace } };
}

function sameLabels(a: Labels, b: Labels): boolean {
  const ak = Object.keys(a);
  return ak.length === Object.keys(b).length && ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

function describeWhere(source: SourceRef | undefined): string {
  if (!source) return '';
  if (source.file) return ` in ${source.file}${source.line !== undefined ? `:${source.line}` : ''}`;
  if (source.constructPath) return ` at ${source.constructPath}`;
  return '';
}

function isRecord(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, any> {
  return isRecord(value) ? value : {};
}
