import { decodeSelector } from './labels';
import { LabelSelectorManifest } from './manifest';
import { Protocol, isProtocol } from './protocol';

/**
 * The internal model of a cluster-scoped policy, read from either API version of
 * policy.networking.k8s.io (docs/cluster-policies.md):
 * - v1alpha2 `ClusterNetworkPolicy` (tier in `spec.tier`, actions Accept/Deny/Pass, `protocols`);
 * - v1alpha1 `AdminNetworkPolicy` (Admin tier) and `BaselineAdminNetworkPolicy` (Baseline tier,
 *   no priority), actions Allow (read as Accept)/Deny/Pass, `ports`.
 */

export const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/** Which kinds this reader understands, by `apiVersion` and `kind`. */
const READABLE_KINDS: Readonly<Record<string, ClusterPolicyApiVersion>> = {
  'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy': 'v1alpha2',
  'policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy': 'v1alpha1',
  'policy.networking.k8s.io/v1alpha1 BaselineAdminNetworkPolicy': 'v1alpha1',
};

export type ClusterPolicyApiVersion = 'v1alpha1' | 'v1alpha2';
export type ClusterPolicyTier = 'Admin' | 'Baseline';
export type ClusterPolicyAction = 'Accept' | 'Deny' | 'Pass';
export type ClusterPolicyDirection = 'ingress' | 'egress';

/** The pods a policy applies to. A missing `namespaceSelector` of `pods` is `{}` (all namespaces, B18). */
export type ClusterPolicySubject =
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelectorManifest }
  | { readonly kind: 'pods'; readonly namespaceSelector: LabelSelectorManifest; readonly podSelector: LabelSelectorManifest };

/** One entry of `from`/`to`. `index` points back into the manifest. */
export type ClusterPolicyPeer =
  | { readonly kind: 'namespaces'; readonly index: number; readonly namespaceSelector: LabelSelectorManifest }
  | { readonly kind: 'pods'; readonly index: number; readonly namespaceSelector: LabelSelectorManifest; readonly podSelector: LabelSelectorManifest }
  | { readonly kind: 'networks'; readonly index: number; readonly cidrs: readonly string[] }
  | { readonly kind: 'nodes'; readonly index: number; readonly nodeSelector: LabelSelectorManifest }
  | { readonly kind: 'domainNames'; readonly index: number; readonly domainNames: readonly string[] }
  /** A peer with no field this reader knows (a newer CRD): fail closed (B33). */
  | { readonly kind: 'unknown'; readonly index: number; readonly fields: readonly string[] };

/** One entry of `protocols` (v1alpha2) or `ports` (v1alpha1). */
export type ClusterPolicyPort =
  /** `protocol` undefined: a v1alpha1 protocol other than TCP/UDP/SCTP, which matches nothing (I8). `first > last` matches nothing. */
  | { readonly kind: 'range'; readonly index: number; readonly protocol?: Protocol; readonly first: number; readonly last: number }
  /** Resolved on the destination pod's container ports, protocol included (B29, I6). */
  | { readonly kind: 'named'; readonly index: number; readonly name: string };

export interface ClusterPolicyRule {
  readonly index: number;
  readonly name?: string;
  readonly action: ClusterPolicyAction;
  /** The action as written (`Allow` in v1alpha1). */
  readonly writtenAction: string;
  readonly peers: readonly ClusterPolicyPeer[];
  /** Undefined: every protocol and port (B28). */
  readonly ports?: readonly ClusterPolicyPort[];
}

/** Where a cluster policy came from (same shape as the cluster's SourceRef). */
export interface ClusterPolicySource {
  readonly file?: string;
  readonly line?: number;
  readonly constructPath?: string;
}

export interface ClusterPolicySpec {
  readonly apiVersion: ClusterPolicyApiVersion;
  /** ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy. */
  readonly kind: string;
  readonly name: string;
  readonly tier: ClusterPolicyTier;
  /** Undefined only for a v1alpha1 BaselineAdminNetworkPolicy, which has none (a singleton). */
  readonly priority?: number;
  readonly subject: ClusterPolicySubject;
  readonly ingress: readonly ClusterPolicyRule[];
  readonly egress: readonly ClusterPolicyRule[];
  /** The object as read. */
  readonly manifest: unknown;
  readonly source?: ClusterPolicySource;
}

/** True for the kinds `readClusterPolicy` reads. */
export function isClusterPolicyObject(object: unknown): boolean {
  return apiVersionOf(object) !== undefined;
}

/** True for any object of the policy.networking.k8s.io group. */
export function isPolicyApiGroupObject(object: unknown): boolean {
  const apiVersion = isRecord(object) ? object.apiVersion : undefined;
  return typeof apiVersion === 'string' && apiVersion.startsWith(`${CLUSTER_POLICY_GROUP}/`);
}

/** `ClusterNetworkPolicy admin-guardrails` (the kind and name, as kubectl names it). */
export function clusterPolicyLabel(p: Pick<ClusterPolicySpec, 'kind' | 'name'>): string {
  return `${p.kind} ${p.name}`;
}

/** The result of reading one object: the policy, or why it cannot be read (field path and what is wrong). */
export type ClusterPolicyReading =
  | { readonly policy: ClusterPolicySpec; readonly warnings: readonly string[] }
  | { readonly error: string };

/**
 * Reads a ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy. Only the shape
 * the evaluator needs is checked: a missing or invalid tier, priority, subject, rule action or
 * peer list makes the object unreadable (the API server would reject it too), and the error says
 * which field and what to write. Everything else the API server checks is `validate`'s job.
 */
export function readClusterPolicy(object: unknown, source?: ClusterPolicySource): ClusterPolicyReading {
  const apiVersion = apiVersionOf(object);
  if (!apiVersion || !isRecord(object)) return { error: 'not a ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy' };
  const kind = String(object.kind);
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  try {
    const spec = record(object.spec, 'spec');
    const tier = readTier(kind, spec);
    const priority = kind === 'BaselineAdminNetworkPolicy' ? undefined : readPriority(spec.priority);
    const warnings: string[] = [];
    const subject = readSubject(spec.subject, warnings);
    const ingress = list(spec.ingress, 'spec.ingress').map((r, i) => readRule(r, i, 'ingress', apiVersion));
    const egress = list(spec.egress, 'spec.egress').map((r, i) => readRule(r, i, 'egress', apiVersion));
    return {
      policy: Object.freeze({
        apiVersion,
        kind,
        name,
        tier,
        ...(priority !== undefined ? { priority } : {}),
        subject,
        ingress,
        egress,
        manifest: object,
        ...(source ? { source } : {}),
      }),
      warnings,
    };
  } catch (e) {
    if (e instanceof ShapeError) return { error: e.message };
    throw e;
  }
}

class ShapeError extends Error {}

function apiVersionOf(object: unknown): ClusterPolicyApiVersion | undefined {
  if (!isRecord(object)) return undefined;
  return READABLE_KINDS[`${String(object.apiVersion)} ${String(object.kind)}`];
}

function readTier(kind: string, spec: Record<string, unknown>): ClusterPolicyTier {
  if (kind === 'AdminNetworkPolicy') return 'Admin';
  if (kind === 'BaselineAdminNetworkPolicy') return 'Baseline';
  if (spec.tier === 'Admin' || spec.tier === 'Baseline') return spec.tier;
  throw new ShapeError(`spec.tier: ${spec.tier === undefined ? 'Required value' : `Unsupported value: ${JSON.stringify(spec.tier)}`}: `
    + 'write "Admin" or "Baseline"');
}

function readPriority(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) return value;
  throw new ShapeError(`spec.priority: ${value === undefined ? 'Required value' : `Invalid value: ${JSON.stringify(value)}`}: `
    + 'write a whole number from 0 to 1000 (lower numbers are evaluated first)');
}

function readSubject(value: unknown, warnings: string[]): ClusterPolicySubject {
  const subject = record(value, 'spec.subject');
  if (subject.namespaces !== undefined && subject.namespaces !== null && subject.pods === undefined) {
    return { kind: 'namespaces', namespaceSelector: selector(subject.namespaces, 'spec.subject.namespaces') };
  }
  if (subject.pods !== undefined && subject.pods !== null && subject.namespaces === undefined) {
    const pods = record(subject.pods, 'spec.subject.pods');
    if (pods.podSelector === undefined || pods.podSelector === null) {
      // The API server rejects this; the Go types read it as the empty selector, as netpol-analyzer does.
      warnings.push('spec.subject.pods.podSelector: Required value: the API server rejects this object; read as {} (every pod of the selected namespaces)');
    }
    return {
      kind: 'pods',
      namespaceSelector: optionalSelector(pods.namespaceSelector, 'spec.subject.pods.namespaceSelector'),
      podSelector: optionalSelector(pods.podSelector, 'spec.subject.pods.podSelector'),
    };
  }
  throw new ShapeError('spec.subject: set exactly one of "namespaces" or "pods"');
}

const ACTIONS: Readonly<Record<ClusterPolicyApiVersion, Readonly<Record<string, ClusterPolicyAction>>>> = {
  v1alpha2: { Accept: 'Accept', Deny: 'Deny', Pass: 'Pass' },
  v1alpha1: { Allow: 'Accept', Deny: 'Deny', Pass: 'Pass' },
};

function readRule(value: unknown, index: number, direction: ClusterPolicyDirection, apiVersion: ClusterPolicyApiVersion): ClusterPolicyRule {
  const path = `spec.${direction}[${index}]`;
  const rule = record(value, path);
  const writtenAction = rule.action;
  const action = typeof writtenAction === 'string' ? ACTIONS[apiVersion][writtenAction] : undefined;
  if (!action) {
    throw new ShapeError(`${path}.action: ${writtenAction === undefined ? 'Required value' : `Unsupported value: ${JSON.stringify(writtenAction)}`}: `
      + `write ${Object.keys(ACTIONS[apiVersion]).map((a) => `"${a}"`).join(', ')}`);
  }
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  const peerList = list(rule[peerKey], `${path}.${peerKey}`);
  if (peerList.length === 0) throw new ShapeError(`${path}.${peerKey}: Required value: list at least one peer`);
  const peers = peerList.map((p, i) => readPeer(p, `${path}.${peerKey}[${i}]`, i));
  const portKey = apiVersion === 'v1alpha2' ? 'protocols' : 'ports';
  const rawPorts = rule[portKey];
  const ports = rawPorts === undefined || rawPorts === null
    ? undefined
    : list(rawPorts, `${path}.${portKey}`).map((p, i) => (apiVersion === 'v1alpha2'
      ? readProtocolEntry(p, `${path}.protocols[${i}]`, i)
      : readPortEntry(p, `${path}.ports[${i}]`, i)));
  return {
    index,
    ...(typeof rule.name === 'string' && rule.name !== '' ? { name: rule.name } : {}),
    action,
    writtenAction: writtenAction as string,
    peers,
    ...(ports ? { ports } : {}),
  };
}

const PEER_FIELDS = ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];

function readPeer(value: unknown, path: string, index: number): ClusterPolicyPeer {
  const peer = record(value, path);
  if (isRecord(peer.namespaces)) return { kind: 'namespaces', index, namespaceSelector: selector(peer.namespaces, `${path}.namespaces`) };
  if (isRecord(peer.pods)) {
    return {
      kind: 'pods',
      index,
      namespaceSelector: optionalSelector(peer.pods.namespaceSelector, `${path}.pods.namespaceSelector`),
      podSelector: optionalSelector(peer.pods.podSelector, `${path}.pods.podSelector`),
    };
  }
  if (Array.isArray(peer.networks)) return { kind: 'networks', index, cidrs: peer.networks.filter((c): c is string => typeof c === 'string') };
  if (isRecord(peer.nodes)) return { kind: 'nodes', index, nodeSelector: selector(peer.nodes, `${path}.nodes`) };
  if (Array.isArray(peer.domainNames)) {
    return { kind: 'domainNames', index, domainNames: peer.domainNames.filter((d): d is string => typeof d === 'string') };
  }
  return { kind: 'unknown', index, fields: Object.keys(peer).filter((k) => !PEER_FIELDS.includes(k)) };
}

const PROTOCOL_KEYS: Readonly<Record<string, Protocol>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

function readProtocolEntry(value: unknown, path: string, index: number): ClusterPolicyPort {
  const entry = record(value, path);
  if (typeof entry.destinationNamedPort === 'string') return { kind: 'named', index, name: entry.destinationNamedPort };
  for (const [key, protocol] of Object.entries(PROTOCOL_KEYS)) {
    if (entry[key] === undefined) continue;
    const destinationPort = isRecord(entry[key]) && isRecord(entry[key].destinationPort) ? entry[key].destinationPort : {};
    if (typeof destinationPort.number === 'number') {
      return { kind: 'range', index, protocol, first: destinationPort.number, last: destinationPort.number };
    }
    const range = isRecord(destinationPort.range) ? destinationPort.range : {};
    if (typeof range.start === 'number' && typeof range.end === 'number') return { kind: 'range', index, protocol, first: range.start, last: range.end };
    // `tcp: {}` (rejected by the CRD): no port given, so it matches nothing.
    return { kind: 'range', index, protocol, first: 1, last: 0 };
  }
  throw new ShapeError(`${path}: set one of "tcp", "udp", "sctp" or "destinationNamedPort"`);
}

function readPortEntry(value: unknown, path: string, index: number): ClusterPolicyPort {
  const entry = record(value, path);
  if (typeof entry.namedPort === 'string') return { kind: 'named', index, name: entry.namedPort };
  if (isRecord(entry.portNumber)) {
    const protocol = v1alpha1Protocol(entry.portNumber.protocol);
    const port = typeof entry.portNumber.port === 'number' ? entry.portNumber.port : 0;
    return { kind: 'range', index, ...(protocol ? { protocol } : {}), first: port, last: port };
  }
  if (isRecord(entry.portRange)) {
    const protocol = v1alpha1Protocol(entry.portRange.protocol);
    const first = typeof entry.portRange.start === 'number' ? entry.portRange.start : 1;
    const last = typeof entry.portRange.end === 'number' ? entry.portRange.end : 0;
    return { kind: 'range', index, ...(protocol ? { protocol } : {}), first, last };
  }
  throw new ShapeError(`${path}: set one of "portNumber", "portRange" or "namedPort"`);
}

/** v1alpha1 defaults the protocol to TCP and does not enumerate it: other strings match nothing (I8). */
function v1alpha1Protocol(value: unknown): Protocol | undefined {
  const protocol = value === undefined || value === null ? 'TCP' : value;
  return isProtocol(protocol) ? protocol : undefined;
}

function selector(value: unknown, path: string): LabelSelectorManifest {
  if (!isRecord(value)) throw new ShapeError(`${path}: expected a label selector (matchLabels / matchExpressions), found ${JSON.stringify(value)}`);
  return decodeSelector(value as LabelSelectorManifest);
}

function optionalSelector(value: unknown, path: string): LabelSelectorManifest {
  return value === undefined || value === null ? {} : selector(value, path);
}

function record(value: unknown, path: string): Record<string, any> {
  if (isRecord(value)) return value;
  throw new ShapeError(`${path}: ${value === undefined || value === null ? 'Required value' : `expected an object, found ${JSON.stringify(value)}`}`);
}

function list(value: unknown, path: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new ShapeError(`${path}: expected a list, found ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
