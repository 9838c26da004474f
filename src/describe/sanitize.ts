import {
  IpBlockManifest,
  LabelSelectorManifest,
  LabelSelectorRequirementManifest,
  NetworkPolicyManifest,
  NetworkPolicyPeerManifest,
  NetworkPolicyPortManifest,
} from '../model/manifest';

const wellFormed = new WeakSet<object>();

/**
 * Marks a NetworkPolicy this library rendered itself: its fields have the manifest types by
 * construction, so sanitizing it would only copy it.
 */
export function markWellFormed(manifest: object): void {
  wellFormed.add(manifest);
}

/**
 * A NetworkPolicy read from any YAML or JSON, coerced into the manifest types so that
 * describing and linting never trip over a wrong type: a field of the wrong JSON type is
 * dropped (read as missing), a `null` label value is `""` (as the API server decodes it, and as
 * the evaluator reads it), another non-string label value is written as JSON text. Validation
 * is what reports such input; this only keeps the best-effort readers safe.
 */
export function sanitizePolicy(input: unknown): NetworkPolicyManifest {
  if (typeof input === 'object' && input !== null && wellFormed.has(input)) return input as NetworkPolicyManifest;
  const object = asRecord(input) ?? {};
  const metadata = asRecord(object.metadata);
  const spec = asRecord(object.spec);
  return {
    ...(typeof object.apiVersion === 'string' ? { apiVersion: object.apiVersion } : {}),
    ...(typeof object.kind === 'string' ? { kind: object.kind } : {}),
    ...(metadata ? {
      metadata: {
        ...(typeof metadata.name === 'string' ? { name: metadata.name } : {}),
        ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
        ...(asRecord(metadata.labels) ? { labels: stringMap(asRecord(metadata.labels)!) } : {}),
        ...(asRecord(metadata.annotations) ? { annotations: stringMap(asRecord(metadata.annotations)!) } : {}),
      },
    } : {}),
    ...(spec ? {
      spec: {
        ...(asRecord(spec.podSelector) ? { podSelector: sanitizeSelector(spec.podSelector) } : {}),
        ...(Array.isArray(spec.policyTypes) ? { policyTypes: spec.policyTypes.filter((t): t is string => typeof t === 'string') } : {}),
        ...(Array.isArray(spec.ingress) ? { ingress: spec.ingress.map((r) => ({ ...sanitizeRuleParts(r, 'from') })) } : {}),
        ...(Array.isArray(spec.egress) ? { egress: spec.egress.map((r) => ({ ...sanitizeRuleParts(r, 'to') })) } : {}),
      },
    } : {}),
  };
}

function sanitizeRuleParts(input: unknown, peerField: 'from' | 'to'): { [field: string]: unknown } {
  const rule = asRecord(input) ?? {};
  const peers = rule[peerField];
  return {
    ...(Array.isArray(peers) ? { [peerField]: peers.map(sanitizePeer) } : {}),
    ...(Array.isArray(rule.ports) ? { ports: rule.ports.map(sanitizePort) } : {}),
  };
}

function sanitizePeer(input: unknown): NetworkPolicyPeerManifest {
  const peer = asRecord(input) ?? {};
  const ipBlock = asRecord(peer.ipBlock);
  return {
    ...(asRecord(peer.podSelector) ? { podSelector: sanitizeSelector(peer.podSelector) } : {}),
    ...(asRecord(peer.namespaceSelector) ? { namespaceSelector: sanitizeSelector(peer.namespaceSelector) } : {}),
    ...(ipBlock ? { ipBlock: sanitizeIpBlock(ipBlock) } : {}),
  };
}

function sanitizeIpBlock(ipBlock: Record<string, unknown>): IpBlockManifest {
  return {
    ...(ipBlock.cidr !== undefined && ipBlock.cidr !== null ? { cidr: asText(ipBlock.cidr) } : {}),
    ...(Array.isArray(ipBlock.except) ? { except: ipBlock.except.map(asText) } : {}),
  };
}

function sanitizePort(input: unknown): NetworkPolicyPortManifest {
  const port = asRecord(input) ?? {};
  return {
    ...(typeof port.protocol === 'string' ? { protocol: port.protocol } : {}),
    ...(typeof port.port === 'number' || typeof port.port === 'string' ? { port: port.port } : {}),
    ...(typeof port.endPort === 'number' ? { endPort: port.endPort } : {}),
  };
}

function sanitizeSelector(input: unknown): LabelSelectorManifest {
  const selector = asRecord(input) ?? {};
  const matchLabels = asRecord(selector.matchLabels);
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : undefined;
  return {
    ...(matchLabels ? { matchLabels: stringMap(matchLabels) } : {}),
    ...(expressions ? { matchExpressions: expressions.map(sanitizeRequirement) } : {}),
  };
}

function sanitizeRequirement(input: unknown): LabelSelectorRequirementManifest {
  const requirement = asRecord(input) ?? {};
  return {
    ...(requirement.key !== undefined && requirement.key !== null ? { key: asText(requirement.key) } : {}),
    ...(requirement.operator !== undefined && requirement.operator !== null ? { operator: asText(requirement.operator) } : {}),
    ...(Array.isArray(requirement.values) ? { values: requirement.values.map(asText) } : {}),
  };
}

function stringMap(record: Record<string, unknown>): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(record)) out[key] = asText(value);
  return out;
}

function asText(value: unknown): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}
