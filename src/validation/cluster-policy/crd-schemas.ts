import { CIDR_RULE, NAMED_PORT_RULE_V1ALPHA1, NAMED_PORT_RULE_V1ALPHA1_BASELINE, NAMED_PORT_RULE_V1ALPHA2, PORT_RANGE_RULE, SINGLETON_RULE } from './cel-rules';
import { ArrayNode, IntegerNode, ObjectNode, SchemaNode, StringNode } from './schema';

/**
 * The openAPIV3Schema of each cluster-scoped policy CRD, per release channel, as data
 * (spec Part A; upstream network-policy-api v0.2.0 for v1alpha2, v0.1.7 for v1alpha1).
 * The experimental channel is the standard one plus `nodes`, `domainNames`, the v1alpha1
 * `namedPort` and the named-port CEL rule. Tests compare these with the upstream CRDs.
 */

/** Which CRD bundle the cluster has installed. */
export type Channel = 'standard' | 'experimental';

/** The channels, for option parsers. */
export const CRD_CHANNELS: readonly Channel[] = ['standard', 'experimental'];

const str: StringNode = { type: 'string' };
const int32 = (minimum: number, maximum: number): IntegerNode => ({ type: 'integer', format: 'int32', minimum, maximum });
const port = int32(1, 65535);

/** metav1.LabelSelector as the CRDs spell it: nothing but types and the two required keys. */
const labelSelector: ObjectNode = {
  type: 'object',
  properties: {
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: str, operator: str, values: { type: 'array', items: str } },
        required: ['key', 'operator'],
      },
    },
    matchLabels: { type: 'stringMap' },
  },
};

const oneOf = (properties: Record<string, SchemaNode>, extra: Partial<ObjectNode> = {}): ObjectNode =>
  ({ type: 'object', properties, minProperties: 1, maxProperties: 1, ...extra });

const list = (items: SchemaNode, minItems: number | undefined, maxItems: number, set = false): ArrayNode =>
  ({ type: 'array', items, minItems, maxItems, set });

/** NamespacedPod: v1alpha2 makes namespaceSelector optional (absent = every namespace). */
const namespacedPod = (namespaceSelectorRequired: boolean): ObjectNode => ({
  type: 'object',
  properties: { namespaceSelector: labelSelector, podSelector: labelSelector },
  required: namespaceSelectorRequired ? ['namespaceSelector', 'podSelector'] : ['podSelector'],
});

/** The exact DomainName pattern (with its upstream `A-z` typo). */
export const DOMAIN_NAME_PATTERN = '^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$';

const networks = list({ type: 'string', maxLength: 43, cel: [CIDR_RULE] }, 1, 25, true);
const domainNames = list({ type: 'string', pattern: DOMAIN_NAME_PATTERN }, 1, 25, true);

const metadata: SchemaNode = { type: 'anyObject' };

/** A status written through the main resource is dropped, but must still be well-formed. */
const status: ObjectNode = {
  type: 'object',
  properties: {
    conditions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          lastTransitionTime: str,
          message: { type: 'string', maxLength: 32768 },
          observedGeneration: { type: 'integer', format: 'int64', minimum: 0 },
          reason: { type: 'string', minLength: 1, maxLength: 1024, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' },
          status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
          type: {
            type: 'string',
            maxLength: 316,
            pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
          },
        },
        required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
      },
    },
  },
  required: ['conditions'],
};

const root = (spec: ObjectNode, cel?: ObjectNode['cel']): ObjectNode => ({
  type: 'object',
  properties: { apiVersion: str, kind: str, metadata, spec, status },
  required: ['metadata', 'spec'],
  ...(cel ? { cel } : {}),
});

/** ClusterNetworkPolicy, policy.networking.k8s.io/v1alpha2. */
function clusterNetworkPolicy(channel: Channel): ObjectNode {
  const experimental = channel === 'experimental';
  const portOf = oneOf({ number: port, range: { type: 'object', properties: { end: port, start: port }, required: ['end', 'start'], cel: [PORT_RANGE_RULE] } });
  const protocol: ObjectNode = { type: 'object', properties: { destinationPort: portOf }, minProperties: 1 };
  const protocols = list(oneOf({ destinationNamedPort: str, sctp: protocol, tcp: protocol, udp: protocol }), 1, 25);
  const action: StringNode = { type: 'string', enum: ['Accept', 'Deny', 'Pass'] };
  const name: StringNode = { type: 'string', maxLength: 100 };
  const pods = namespacedPod(false);
  const egressPeer = oneOf({
    ...(experimental ? { domainNames } : {}),
    namespaces: labelSelector,
    networks,
    ...(experimental ? { nodes: labelSelector } : {}),
    pods,
  });
  return root({
    type: 'object',
    properties: {
      egress: list({
        type: 'object',
        properties: { action, name, protocols, to: list(egressPeer, 1, 25) },
        required: ['action', 'to'],
        ...(experimental ? { cel: [NAMED_PORT_RULE_V1ALPHA2] } : {}),
      }, undefined, 25),
      ingress: list({
        type: 'object',
        properties: { action, from: list(oneOf({ namespaces: labelSelector, pods }), 1, 25), name, protocols },
        required: ['action', 'from'],
      }, undefined, 25),
      priority: int32(0, 1000),
      subject: oneOf({ namespaces: labelSelector, pods }),
      tier: { type: 'string', enum: ['Admin', 'Baseline'] },
    },
    required: ['priority', 'subject', 'tier'],
  });
}

/** AdminNetworkPolicy (`baseline` false) or BaselineAdminNetworkPolicy, policy.networking.k8s.io/v1alpha1. */
function v1alpha1Policy(channel: Channel, baseline: boolean): ObjectNode {
  const experimental = channel === 'experimental';
  const protocol: StringNode = { type: 'string', default: 'TCP' };
  const portEntry = oneOf({
    ...(experimental ? { namedPort: str } : {}),
    portNumber: { type: 'object', properties: { port, protocol }, required: ['port', 'protocol'] },
    portRange: { type: 'object', properties: { end: port, protocol, start: port }, required: ['end', 'start'] },
  });
  const ports = list(portEntry, 1, 100);
  const action: StringNode = { type: 'string', enum: baseline ? ['Allow', 'Deny'] : ['Allow', 'Deny', 'Pass'] };
  const name: StringNode = { type: 'string', maxLength: 100 };
  const pods = namespacedPod(true);
  const egressPeer = oneOf({
    ...(experimental && !baseline ? { domainNames } : {}),
    namespaces: labelSelector,
    networks,
    ...(experimental ? { nodes: labelSelector } : {}),
    pods,
  });
  const namedPortRule = baseline ? NAMED_PORT_RULE_V1ALPHA1_BASELINE : NAMED_PORT_RULE_V1ALPHA1;
  return root({
    type: 'object',
    properties: {
      egress: list({
        type: 'object',
        properties: { action, name, ports, to: list(egressPeer, 1, 100) },
        required: ['action', 'to'],
        ...(experimental ? { cel: [namedPortRule] } : {}),
      }, undefined, 100),
      ingress: list({
        type: 'object',
        properties: { action, from: list(oneOf({ namespaces: labelSelector, pods }), 1, 100), name, ports },
        required: ['action', 'from'],
      }, undefined, 100),
      ...(baseline ? {} : { priority: int32(0, 1000) }),
      subject: oneOf({ namespaces: labelSelector, pods }),
    },
    required: baseline ? ['subject'] : ['priority', 'subject'],
  }, baseline ? [SINGLETON_RULE] : undefined);
}

/** The cluster-scoped policy kinds, by `apiVersion` and `kind`. */
export const CLUSTER_POLICY_KINDS = [
  { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy' },
  { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy' },
  { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy' },
] as const;

export type ClusterPolicyKind = typeof CLUSTER_POLICY_KINDS[number]['kind'];

/** The schema of one kind in one channel. */
export function schemaOf(kind: ClusterPolicyKind, channel: Channel): ObjectNode {
  switch (kind) {
    case 'ClusterNetworkPolicy': return clusterNetworkPolicy(channel);
    case 'AdminNetworkPolicy': return v1alpha1Policy(channel, false);
    case 'BaselineAdminNetworkPolicy': return v1alpha1Policy(channel, true);
  }
}
