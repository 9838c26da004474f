import { SchemaNode } from './schema';

/**
 * How to fix a schema finding, phrased for the field it is about. The wording of the finding
 * itself is the API server's; this is the part the server does not give.
 */

/** Field-specific advice, by the field's name (the last segment of its path, indices removed). */
const FIELD_HINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'schema-required': {
    spec: 'add a spec with tier (ClusterNetworkPolicy), priority and subject',
    tier: 'set tier: Admin (decided before NetworkPolicies) or tier: Baseline (after them); there is no default, on purpose',
    priority: 'set priority: a number from 0 to 1000; lower numbers are evaluated first',
    subject: 'set subject: {namespaces: {...}} or subject: {pods: {namespaceSelector: {...}, podSelector: {...}}}',
    action: 'set the action of the rule',
    from: 'list the sources: from: [{namespaces: {...}}] or from: [{pods: {...}}]',
    to: 'list the destinations: to: [{namespaces: {...}}], [{pods: {...}}] or [{networks: [...]}]',
    podSelector: 'add podSelector ({} selects every pod)',
    namespaceSelector: 'add namespaceSelector ({} selects every namespace); v1alpha1 requires it',
    start: 'give the first port of the range: start',
    end: 'give the last port of the range: end',
    port: 'give the port number: port',
    key: 'give the label key of the expression',
    operator: 'give the operator: In, NotIn, Exists or DoesNotExist',
    metadata: 'add metadata with a name',
  },
  'schema-min-properties': {
    subject: 'set exactly one of namespaces or pods',
    from: 'give the peer exactly one of namespaces or pods',
    to: 'give the peer exactly one of namespaces, pods or networks (nodes and domainNames in the experimental channel)',
    protocols: 'give the entry exactly one of tcp, udp, sctp or destinationNamedPort',
    ports: 'give the entry exactly one of portNumber or portRange (namedPort in the experimental channel)',
    destinationPort: 'set exactly one of number or range',
    tcp: 'give the port: tcp: {destinationPort: {number: 443}} (there is no protocol-only form; for every port use range 1-65535)',
    udp: 'give the port: udp: {destinationPort: {number: 53}} (there is no protocol-only form; for every port use range 1-65535)',
    sctp: 'give the port: sctp: {destinationPort: {number: 9000}} (there is no protocol-only form; for every port use range 1-65535)',
  },
  'schema-max-properties': {
    subject: 'keep exactly one of namespaces or pods (a pods subject takes its own namespaceSelector)',
    from: 'one peer per list entry: split it into several entries of from (a pods peer takes its own namespaceSelector)',
    to: 'one peer per list entry: split it into several entries of to (a pods peer takes its own namespaceSelector)',
    protocols: 'one port per list entry: split it into several entries of protocols',
    ports: 'one port per list entry: split it into several entries of ports',
    destinationPort: 'keep exactly one of number or range',
  },
  'schema-min-items': {
    from: 'list at least one source; to match every pod use from: [{namespaces: {}}]',
    to: 'list at least one destination; to match every pod use to: [{namespaces: {}}]',
    protocols: 'remove protocols to match every port, or list at least one',
    ports: 'remove ports to match every port, or list at least one',
    networks: 'list at least one CIDR, or remove the peer',
    domainNames: 'list at least one domain name, or remove the peer',
  },
};

/** The advice for one finding. */
export function schemaFix(rule: string, path: string, value: unknown, node: SchemaNode | undefined, siblings: readonly string[] = []): string {
  const field = lastField(path);
  const hint = FIELD_HINTS[rule]?.[field];
  if (hint) return hint;
  switch (rule) {
    case 'unknown-field': return unknownFieldFix(field, siblings);
    case 'schema-type': return typeFix(field, value, node);
    case 'schema-required': return `add ${field}`;
    case 'schema-enum': return enumFix(field, value, node);
    case 'schema-max-length': return `shorten ${field} to at most ${node?.type === 'string' ? node.maxLength : ''} bytes`;
    case 'schema-min-length': return `give ${field} a value`;
    case 'schema-pattern': return patternFix(field);
    case 'schema-minimum':
    case 'schema-maximum': return boundsFix(field, node);
    case 'schema-max-items': return `split the list: at most ${node?.type === 'array' ? node.maxItems : ''} entries are allowed here`;
    case 'schema-min-items': return `list at least one entry, or remove ${field}`;
    case 'schema-min-properties': return `set exactly one field of ${field}`;
    case 'schema-max-properties': return `set exactly one field of ${field}: split it into several list entries if you need several`;
    case 'schema-duplicate': return 'remove the repeated entry';
    default: return 'correct the value';
  }
}

function lastField(path: string): string {
  const withoutIndex = path.replace(/(\[\d+\])+$/, '');
  const dot = withoutIndex.lastIndexOf('.');
  return dot < 0 ? withoutIndex : withoutIndex.slice(dot + 1);
}

function enumFix(field: string, value: unknown, node: SchemaNode | undefined): string {
  const allowed = node?.type === 'string' ? node.enum ?? [] : [];
  const text = String(value);
  const sameLetters = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
  if (sameLetters) return `values are case-sensitive: write ${field}: ${sameLetters}`;
  if (field === 'action' && text === 'Allow' && allowed.includes('Accept')) return 'ClusterNetworkPolicy spells it Accept: write action: Accept';
  if (field === 'action' && text === 'Accept' && allowed.includes('Allow')) return 'v1alpha1 spells it Allow: write action: Allow';
  if (field === 'action' && text === 'Pass' && !allowed.includes('Pass')) {
    return 'a BaselineAdminNetworkPolicy cannot pass: use Allow or Deny (Pass exists in the Baseline tier of ClusterNetworkPolicy only)';
  }
  return `use one of ${allowed.join(', ')}`;
}

function typeFix(field: string, value: unknown, node: SchemaNode | undefined): string {
  if (node?.type === 'integer' && typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return `remove the quotes: ${field}: ${value.trim()}`;
  if (node?.type === 'integer') return `write ${field} as a whole number`;
  if (node?.type === 'string') return `write ${field} as a string (quote it)`;
  if (node?.type === 'array') return `write ${field} as a list: start each item with "- "`;
  return `write ${field} as a map of fields${Array.isArray(value) ? ', not a list (remove the leading "- ")' : ''}`;
}

function boundsFix(field: string, node: SchemaNode | undefined): string {
  const range = node?.type === 'integer' ? `${node.minimum} to ${node.maximum}` : '';
  if (field === 'priority') return `use a priority from ${range}; lower numbers are evaluated first`;
  return `use a value from ${range}`;
}

function patternFix(field: string): string {
  if (field === 'domainNames') return 'write a fully qualified name with at least two labels, e.g. "api.example.com" or "*.example.com"';
  return `write ${field} in the form the pattern allows`;
}

function unknownFieldFix(field: string, siblings: readonly string[]): string {
  const moved: Record<string, string> = {
    ports: 'v1alpha2 names the port list "protocols": protocols: [{tcp: {destinationPort: {number: 80}}}]',
    protocols: 'v1alpha1 names the port list "ports": ports: [{portNumber: {protocol: TCP, port: 80}}]',
    namespaceSelector: 'write the peer as namespaces: {...} (the NamespacedPeer shape was removed upstream; pruned, it would select every namespace)',
    podSelector: 'put podSelector inside pods: {namespaceSelector: {...}, podSelector: {...}}',
    ipBlock: 'cluster policies name CIDR peers "networks": to: [{networks: ["10.0.0.0/8"]}]',
    nodes: 'nodes exists only in the experimental channel CRD: validate against the experimental channel, or remove it',
    domainNames: 'domainNames exists only in the experimental channel CRD (and never in a BaselineAdminNetworkPolicy): validate against the experimental channel, or remove it',
    namedPort: 'namedPort exists only in the experimental channel CRD: validate against the experimental channel, or use a port number',
    namespace: 'remove metadata.namespace: these kinds are cluster-scoped',
  };
  if (moved[field] && !siblings.includes(field)) return moved[field];
  const sameLetters = siblings.find((s) => s.toLowerCase() === field.toLowerCase());
  if (sameLetters) return `field names are case-sensitive: write ${JSON.stringify(sameLetters)}`;
  return `remove it or move it to the right level; the fields allowed here are ${siblings.join(', ')}`;
}
