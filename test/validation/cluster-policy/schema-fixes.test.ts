import { SchemaNode } from '../../../src/validation/cluster-policy/schema';
import { schemaFix } from '../../../src/validation/cluster-policy/schema-fixes';

/**
 * The advice written beside each schema finding. The API server gives the finding; the fix is
 * ours, and it is what a user acts on, so every branch's exact words are pinned here.
 */

const integer = (minimum: number, maximum: number): SchemaNode => ({ type: 'integer', minimum, maximum } as SchemaNode);
const text = (extra: object = {}): SchemaNode => ({ type: 'string', ...extra } as SchemaNode);
const list = (maxItems?: number): SchemaNode => ({ type: 'array', items: text(), maxItems } as SchemaNode);
const object: SchemaNode = { type: 'object', properties: {} };

describe('field-specific advice comes first, by the last field of the path (indices dropped)', () => {
  test.each([
    ['schema-required', 'spec', 'add a spec with tier (ClusterNetworkPolicy), priority and subject'],
    ['schema-required', 'spec.tier', 'set tier: Admin (decided before NetworkPolicies) or tier: Baseline (after them); there is no default, on purpose'],
    ['schema-required', 'spec.priority', 'set priority: a number from 0 to 1000; lower numbers are evaluated first'],
    ['schema-required', 'spec.subject', 'set subject: {namespaces: {...}} or subject: {pods: {namespaceSelector: {...}, podSelector: {...}}}'],
    ['schema-required', 'spec.ingress[0].action', 'set the action of the rule'],
    ['schema-required', 'spec.ingress[0].from', 'list the sources: from: [{namespaces: {...}}] or from: [{pods: {...}}]'],
    ['schema-required', 'spec.egress[1].to', 'list the destinations: to: [{namespaces: {...}}], [{pods: {...}}] or [{networks: [...]}]'],
    ['schema-required', 'spec.subject.pods.podSelector', 'add podSelector ({} selects every pod)'],
    ['schema-required', 'spec.subject.pods.namespaceSelector', 'add namespaceSelector ({} selects every namespace); v1alpha1 requires it'],
    ['schema-required', 'spec.ingress[0].ports[0].portRange.start', 'give the first port of the range: start'],
    ['schema-required', 'spec.ingress[0].ports[0].portRange.end', 'give the last port of the range: end'],
    ['schema-required', 'spec.ingress[0].ports[0].portNumber.port', 'give the port number: port'],
    ['schema-required', 'spec.subject.namespaces.matchExpressions[0].key', 'give the label key of the expression'],
    ['schema-required', 'spec.subject.namespaces.matchExpressions[0].operator', 'give the operator: In, NotIn, Exists or DoesNotExist'],
    ['schema-required', 'metadata', 'add metadata with a name'],
    ['schema-min-properties', 'spec.subject', 'set exactly one of namespaces or pods'],
    ['schema-min-properties', 'spec.ingress[0].from[0]', 'give the peer exactly one of namespaces or pods'],
    ['schema-min-properties', 'spec.egress[0].to[2]', 'give the peer exactly one of namespaces, pods or networks (nodes and domainNames in the experimental channel)'],
    ['schema-min-properties', 'spec.ingress[0].protocols[0]', 'give the entry exactly one of tcp, udp, sctp or destinationNamedPort'],
    ['schema-min-properties', 'spec.ingress[0].ports[0]', 'give the entry exactly one of portNumber or portRange (namedPort in the experimental channel)'],
    ['schema-min-properties', 'spec.ingress[0].protocols[0].tcp.destinationPort', 'set exactly one of number or range'],
    ['schema-min-properties', 'spec.ingress[0].protocols[0].tcp', 'give the port: tcp: {destinationPort: {number: 443}} (there is no protocol-only form; for every port use range 1-65535)'],
    ['schema-min-properties', 'spec.ingress[0].protocols[0].udp', 'give the port: udp: {destinationPort: {number: 53}} (there is no protocol-only form; for every port use range 1-65535)'],
    ['schema-min-properties', 'spec.ingress[0].protocols[0].sctp', 'give the port: sctp: {destinationPort: {number: 9000}} (there is no protocol-only form; for every port use range 1-65535)'],
    ['schema-max-properties', 'spec.subject', 'keep exactly one of namespaces or pods (a pods subject takes its own namespaceSelector)'],
    ['schema-max-properties', 'spec.ingress[0].from[0]', 'one peer per list entry: split it into several entries of from (a pods peer takes its own namespaceSelector)'],
    ['schema-max-properties', 'spec.egress[0].to[0]', 'one peer per list entry: split it into several entries of to (a pods peer takes its own namespaceSelector)'],
    ['schema-max-properties', 'spec.egress[0].protocols[3]', 'one port per list entry: split it into several entries of protocols'],
    ['schema-max-properties', 'spec.egress[0].ports[3]', 'one port per list entry: split it into several entries of ports'],
    ['schema-max-properties', 'spec.egress[0].protocols[0].udp.destinationPort', 'keep exactly one of number or range'],
    ['schema-min-items', 'spec.ingress[0].from', 'list at least one source; to match every pod use from: [{namespaces: {}}]'],
    ['schema-min-items', 'spec.egress[0].to', 'list at least one destination; to match every pod use to: [{namespaces: {}}]'],
    ['schema-min-items', 'spec.egress[0].protocols', 'remove protocols to match every port, or list at least one'],
    ['schema-min-items', 'spec.egress[0].ports', 'remove ports to match every port, or list at least one'],
    ['schema-min-items', 'spec.egress[0].to[0].networks', 'list at least one CIDR, or remove the peer'],
    ['schema-min-items', 'spec.egress[0].to[0].domainNames', 'list at least one domain name, or remove the peer'],
  ])('%s at %s', (rule, path, fix) => {
    expect(schemaFix(rule, path, undefined, undefined)).toBe(fix);
  });

  test('a field without advice of its own gets the rule\'s general words', () => {
    expect(schemaFix('schema-required', 'spec.ingress[0].name', undefined, undefined)).toBe('add name');
    expect(schemaFix('schema-min-properties', 'spec.thing', undefined, undefined)).toBe('set exactly one field of thing');
    expect(schemaFix('schema-max-properties', 'spec.thing', undefined, undefined))
      .toBe('set exactly one field of thing: split it into several list entries if you need several');
    expect(schemaFix('schema-min-items', 'spec.egress[0].to[0].nodes', undefined, undefined)).toBe('list at least one entry, or remove nodes');
  });
});

describe('the general advice of each rule', () => {
  test('length, list size and duplicates name the limit', () => {
    expect(schemaFix('schema-max-length', 'spec.ingress[0].name', 'x'.repeat(101), text({ maxLength: 100 }))).toBe('shorten name to at most 100 bytes');
    expect(schemaFix('schema-min-length', 'spec.ingress[0].name', '', text({ minLength: 1 }))).toBe('give name a value');
    expect(schemaFix('schema-max-items', 'spec.ingress', [], list(25))).toBe('split the list: at most 25 entries are allowed here');
    expect(schemaFix('schema-duplicate', 'spec.egress[0].to[0].networks[1]', '10.0.0.0/8', text())).toBe('remove the repeated entry');
    expect(schemaFix('no-such-rule', 'spec.x', 1, undefined)).toBe('correct the value');
  });

  test('patterns: domain names get an example, other fields the general words', () => {
    expect(schemaFix('schema-pattern', 'spec.egress[0].to[0].domainNames[0]', 'localhost', text()))
      .toBe('write a fully qualified name with at least two labels, e.g. "api.example.com" or "*.example.com"');
    expect(schemaFix('schema-pattern', 'spec.ingress[0].name', 'Bad Name', text())).toBe('write name in the form the pattern allows');
  });

  test('bounds: the priority says which way it orders, other fields only the range', () => {
    expect(schemaFix('schema-maximum', 'spec.priority', 1001, integer(0, 1000))).toBe('use a priority from 0 to 1000; lower numbers are evaluated first');
    expect(schemaFix('schema-minimum', 'spec.priority', -1, integer(0, 1000))).toBe('use a priority from 0 to 1000; lower numbers are evaluated first');
    expect(schemaFix('schema-minimum', 'spec.ingress[0].protocols[0].tcp.destinationPort.number', 0, integer(1, 65535))).toBe('use a value from 1 to 65535');
  });
});

describe('enum advice', () => {
  const actions = (...values: string[]) => text({ enum: values });

  test('the right word in the wrong case is named', () => {
    expect(schemaFix('schema-enum', 'spec.tier', 'admin', actions('Admin', 'Baseline'))).toBe('values are case-sensitive: write tier: Admin');
  });

  test('each API version\'s word for allowing, and Pass where the tier has none', () => {
    expect(schemaFix('schema-enum', 'spec.ingress[0].action', 'Allow', actions('Accept', 'Deny', 'Pass')))
      .toBe('ClusterNetworkPolicy spells it Accept: write action: Accept');
    expect(schemaFix('schema-enum', 'spec.ingress[0].action', 'Accept', actions('Allow', 'Deny', 'Pass'))).toBe('v1alpha1 spells it Allow: write action: Allow');
    expect(schemaFix('schema-enum', 'spec.ingress[0].action', 'Pass', actions('Allow', 'Deny')))
      .toBe('a BaselineAdminNetworkPolicy cannot pass: use Allow or Deny (Pass exists in the Baseline tier of ClusterNetworkPolicy only)');
  });

  test('the action words are special only for the action field and only where the other word is allowed', () => {
    expect(schemaFix('schema-enum', 'spec.ingress[0].action', 'Allow', actions('Deny', 'Pass'))).toBe('use one of Deny, Pass');
    expect(schemaFix('schema-enum', 'spec.ingress[0].action', 'Accept', actions('Deny'))).toBe('use one of Deny');
    expect(schemaFix('schema-enum', 'spec.ingress[0].action', 'Pass', actions('Accept', 'Deny', 'Pass'))).toBe('values are case-sensitive: write action: Pass');
    expect(schemaFix('schema-enum', 'spec.tier', 'Allow', actions('Accept', 'Deny'))).toBe('use one of Accept, Deny');
    expect(schemaFix('schema-enum', 'spec.tier', 'Accept', actions('Allow', 'Deny'))).toBe('use one of Allow, Deny');
    expect(schemaFix('schema-enum', 'spec.tier', 'Pass', actions('Admin'))).toBe('use one of Admin');
  });

  test('another unknown action lists the allowed ones, whichever word for allowing they have', () => {
    expect(schemaFix('schema-enum', 'spec.egress[0].action', 'Reject', actions('Accept', 'Deny', 'Pass'))).toBe('use one of Accept, Deny, Pass');
    expect(schemaFix('schema-enum', 'spec.egress[0].action', 'Reject', actions('Allow', 'Deny', 'Pass'))).toBe('use one of Allow, Deny, Pass');
    expect(schemaFix('schema-enum', 'spec.egress[0].action', 'Pass', actions('Accept', 'Deny'))).toBe(
      'a BaselineAdminNetworkPolicy cannot pass: use Allow or Deny (Pass exists in the Baseline tier of ClusterNetworkPolicy only)');
  });

  test('a value of no allowed spelling lists the allowed ones', () => {
    expect(schemaFix('schema-enum', 'spec.tier', 'Tenant', actions('Admin', 'Baseline'))).toBe('use one of Admin, Baseline');
    expect(schemaFix('schema-enum', 'spec.tier', 'Tenant', integer(0, 1))).toBe('use one of ');
  });
});

describe('type advice', () => {
  test('a quoted whole number in an integer field: remove the quotes', () => {
    expect(schemaFix('schema-type', 'spec.priority', ' 10 ', integer(0, 1000))).toBe('remove the quotes: priority: 10');
  });

  test('other values in an integer field: write a whole number', () => {
    expect(schemaFix('schema-type', 'spec.priority', 'ten', integer(0, 1000))).toBe('write priority as a whole number');
    expect(schemaFix('schema-type', 'spec.priority', 1.5, integer(0, 1000))).toBe('write priority as a whole number');
    expect(schemaFix('schema-type', 'spec.priority', '1 0', integer(0, 1000))).toBe('write priority as a whole number');
  });

  test('a quoted number in a string field is not told to drop its quotes', () => {
    expect(schemaFix('schema-type', 'spec.ingress[0].name', 10, text())).toBe('write name as a string (quote it)');
    expect(schemaFix('schema-type', 'spec.ingress[0].name', '10', text())).toBe('write name as a string (quote it)');
  });

  test('lists and maps', () => {
    expect(schemaFix('schema-type', 'spec.ingress', {}, list())).toBe('write ingress as a list: start each item with "- "');
    expect(schemaFix('schema-type', 'spec.subject', [{}], object)).toBe('write subject as a map of fields, not a list (remove the leading "- ")');
    expect(schemaFix('schema-type', 'spec.subject', 'x', object)).toBe('write subject as a map of fields');
    expect(schemaFix('schema-type', 'spec.subject', 'x', undefined)).toBe('write subject as a map of fields');
  });
});

describe('unknown fields', () => {
  test.each([
    ['ports', 'v1alpha2 names the port list "protocols": protocols: [{tcp: {destinationPort: {number: 80}}}]'],
    ['protocols', 'v1alpha1 names the port list "ports": ports: [{portNumber: {protocol: TCP, port: 80}}]'],
    ['namespaceSelector', 'write the peer as namespaces: {...} (the NamespacedPeer shape was removed upstream; pruned, it would select every namespace)'],
    ['podSelector', 'put podSelector inside pods: {namespaceSelector: {...}, podSelector: {...}}'],
    ['ipBlock', 'cluster policies name CIDR peers "networks": to: [{networks: ["10.0.0.0/8"]}]'],
    ['nodes', 'nodes exists only in the experimental channel CRD: validate against the experimental channel, or remove it'],
    ['domainNames', 'domainNames exists only in the experimental channel CRD (and never in a BaselineAdminNetworkPolicy): validate against the experimental channel, or remove it'],
    ['namedPort', 'namedPort exists only in the experimental channel CRD: validate against the experimental channel, or use a port number'],
    ['namespace', 'remove metadata.namespace: these kinds are cluster-scoped'],
  ])('%s, a field known elsewhere, says where it belongs', (field, fix) => {
    expect(schemaFix('unknown-field', `spec.x.${field}`, {}, undefined, ['name', 'action'])).toBe(fix);
  });

  test('a field of the same letters in another case is named', () => {
    expect(schemaFix('unknown-field', 'spec.Priority', 1, undefined, ['tier', 'priority', 'subject'])).toBe('field names are case-sensitive: write "priority"');
    expect(schemaFix('unknown-field', 'spec.ingress[0].to[0].Networks', [], undefined, ['namespaces', 'pods', 'networks']))
      .toBe('field names are case-sensitive: write "networks"');
  });

  test('otherwise the fields allowed at that level are listed', () => {
    expect(schemaFix('unknown-field', 'spec.colour', 'red', undefined, ['tier', 'priority', 'subject']))
      .toBe('remove it or move it to the right level; the fields allowed here are tier, priority, subject');
  });
});
