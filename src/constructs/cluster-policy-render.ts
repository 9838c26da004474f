import { ClusterPolicyAction, ClusterPolicyApiVersion, ClusterPolicyRule, PolicyTier } from './cluster-policy-types';
import { ClusterPeerManifest, clusterPeerManifests } from '../values/cluster-peer';
import { IPeer } from '../values/peer';
import { Port } from '../values/port';

/** What a cluster-scoped policy construct holds, whatever the API version it renders to. */
export interface ClusterPolicyModel {
  readonly name: string;
  readonly tier: PolicyTier;
  readonly priority: number;
  readonly apiVersion: ClusterPolicyApiVersion;
  readonly subject: IPeer;
  readonly ingress: readonly ClusterPolicyRule[];
  readonly egress: readonly ClusterPolicyRule[];
}

/** The manifest's kind for a tier and API version. */
export function kindOf(tier: PolicyTier, apiVersion: ClusterPolicyApiVersion): string {
  if (apiVersion === ClusterPolicyApiVersion.V1ALPHA2) return 'ClusterNetworkPolicy';
  return tier === PolicyTier.ADMIN ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy';
}

/**
 * The whole object (spec Part C): v1alpha2 `ClusterNetworkPolicy`, or v1alpha1
 * `AdminNetworkPolicy` / `BaselineAdminNetworkPolicy` (no priority, name `default`, `Allow`
 * for Accept, `ports` for `protocols`). Throws, naming the field, for what the chosen version
 * cannot express.
 */
export function renderClusterPolicy(model: ClusterPolicyModel): Record<string, any> {
  const v1alpha1 = model.apiVersion === ClusterPolicyApiVersion.V1ALPHA1;
  const baselineV1alpha1 = v1alpha1 && model.tier === PolicyTier.BASELINE;
  const rules = (direction: 'ingress' | 'egress') => model[direction].map((rule, i) => {
    const where = `spec.${direction}[${i}]`;
    if (baselineV1alpha1 && rule.action === ClusterPolicyAction.PASS) {
      throw new Error(`${where}.action: a BaselineAdminNetworkPolicy cannot pass (v1alpha1 has Pass in the Admin tier only). `
        + 'Fix: use Accept or Deny, or render to v1alpha2, where a Baseline Pass hands the decision to the default (allow).');
    }
    const peers = rule.peers.flatMap((peer, j) => clusterPeerManifests(peer, `${where}.${direction === 'ingress' ? 'from' : 'to'}[${j}]`));
    const ports = portsOf(rule.ports ?? [], v1alpha1);
    return {
      ...(rule.name !== undefined ? { name: rule.name } : {}),
      action: v1alpha1 && rule.action === ClusterPolicyAction.ACCEPT ? 'Allow' : rule.action,
      // Pods peers always carry both selectors: v1alpha1 requires them, and in v1alpha2 an absent one means every namespace.
      [direction === 'ingress' ? 'from' : 'to']: peers,
      ...(ports ? { [v1alpha1 ? 'ports' : 'protocols']: ports } : {}),
    };
  });
  const ingress = rules('ingress');
  const egress = rules('egress');
  return {
    apiVersion: model.apiVersion,
    kind: kindOf(model.tier, model.apiVersion),
    metadata: { name: model.name },
    spec: {
      ...(v1alpha1 ? {} : { tier: model.tier }),
      ...(baselineV1alpha1 ? {} : { priority: model.priority }),
      subject: subjectOf(model.subject),
      ...(ingress.length > 0 ? { ingress } : {}),
      ...(egress.length > 0 ? { egress } : {}),
    },
  };
}

function subjectOf(subject: IPeer): ClusterPeerManifest {
  const entries = clusterPeerManifests(subject, 'spec.subject');
  const [entry] = entries;
  if (entries.length !== 1 || !(entry.namespaces || entry.pods)) {
    throw new Error(`spec.subject: ${subject} cannot be the subject of a cluster policy, which selects pods by namespaces or by pods in namespaces. `
      + 'Fix: pass Namespaces (e.g. Namespaces.labelled({ tenant: "a" })), Pods.of(workload) or pods.inNamespaces(namespaces).');
  }
  return entry;
}

/** The ports of a rule, or undefined for every port of every protocol. */
function portsOf(ports: readonly Port[], v1alpha1: boolean): object[] | undefined {
  if (ports.length === 0 || ports.some((p) => p.isAllTraffic)) return undefined;
  const rendered = ports.map((p) => (v1alpha1 ? v1alpha1Port(p) : v1alpha2Protocol(p)));
  const seen = new Set<string>();
  return rendered.filter((r) => {
    const key = JSON.stringify(r);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** `{tcp: {destinationPort: {number: 80}}}`; a whole protocol is the range 1-65535 (v1alpha2 has no protocol-only form). */
function v1alpha2Protocol(port: Port): object {
  if (port.portName !== undefined) return { destinationNamedPort: port.portName };
  const start = port.portNumber ?? 1;
  const end = port.portNumber === undefined ? 65535 : port.endPort;
  const destinationPort = end === undefined ? { number: start } : { range: { start, end } };
  return { [port.protocol!.toLowerCase()]: { destinationPort } };
}

/** `{portNumber: {protocol: TCP, port: 80}}`, `{portRange: {...}}` or `{namedPort: name}`. */
function v1alpha1Port(port: Port): object {
  if (port.portName !== undefined) return { namedPort: port.portName };
  if (port.portNumber !== undefined && port.endPort === undefined) return { portNumber: { protocol: port.protocol, port: port.portNumber } };
  return { portRange: { protocol: port.protocol, start: port.portNumber ?? 1, end: port.endPort ?? 65535 } };
}
