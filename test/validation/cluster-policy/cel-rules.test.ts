import { celFix } from '../../../src/validation/cluster-policy/cel-fixes';
import { isCidr } from '../../../src/validation/cluster-policy/cel-rules';
import { validateClusterPolicy } from '../../../src/validation/cluster-policy/validate';
import { Diagnostic } from '../../../src/validation/diagnostic';

/**
 * One test per CEL rule of the spec (A.1.3, A.2.1, A.3.2), each with the exact message and
 * the path the API server reports it on, and the rule that CEL runs only without blocking
 * schema errors (A.0.1 step 6).
 */

const cnp = (spec: any, name = 'p') => ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec });
const anp = (spec: any, name = 'p') => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name }, spec });
const banp = (spec: any, name = 'default') => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name }, spec });

const admin = { tier: 'Admin', priority: 1, subject: { namespaces: {} } };
const pods = { pods: { namespaceSelector: {}, podSelector: {} } };

/** `path: message` of each error. */
function errors(object: unknown, channel: 'standard' | 'experimental' = 'standard'): string[] {
  return validateClusterPolicy(object, { channel }).filter((d: Diagnostic) => d.severity === 'error').map((d) => `${d.fieldPath || '<nil>'}: ${d.message}`);
}

const CIDR_MESSAGE = 'Invalid value: "string": Invalid CIDR format provided';
const NAMED_PORT_MESSAGE_V1ALPHA2 = 'Invalid value: "object": networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames';
const NAMED_PORT_MESSAGE_BANP = 'Invalid value: "object": networks/nodes peer cannot be set with namedPorts since there are no namedPorts for networks/nodes';

describe('CEL rules of ClusterNetworkPolicy (v1alpha2)', () => {
  describe('C2-1 self.start < self.end on every destinationPort.range', () => {
    test.each(['tcp', 'udp', 'sctp'])('%s: an inverted range', (protocol) => {
      const object = cnp({ ...admin, ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ [protocol]: { destinationPort: { range: { start: 90, end: 80 } } } }] }] });
      expect(errors(object)).toEqual([`spec.ingress[0].protocols[0].${protocol}.destinationPort.range: Invalid value: "object": Start port must be less than End port`]);
    });

    test('equal ends are rejected (strict <), on egress too; the fix offers number', () => {
      const object = cnp({ ...admin, egress: [{ action: 'Deny', to: [pods], protocols: [{ tcp: { destinationPort: { range: { start: 80, end: 80 } } } }] }] });
      const found = validateClusterPolicy(object);
      expect(found.map((d) => [d.fieldPath, d.message])).toEqual([
        ['spec.egress[0].protocols[0].tcp.destinationPort.range', 'Invalid value: "object": Start port must be less than End port'],
      ]);
      expect(found[0].fix).toContain('destinationPort: {number: 80}');
    });

    test('an ordered range passes', () => {
      expect(errors(cnp({ ...admin, egress: [{ action: 'Deny', to: [pods], protocols: [{ udp: { destinationPort: { range: { start: 79, end: 80 } } } }] }] }))).toEqual([]);
    });
  });

  test('C2-2 isCIDR(self) on every networks entry', () => {
    const object = cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8', '10.0.0.0', '::1/129'] }] }] });
    expect(errors(object)).toEqual([
      `spec.egress[0].to[0].networks[1]: ${CIDR_MESSAGE}`,
      `spec.egress[0].to[0].networks[2]: ${CIDR_MESSAGE}`,
    ]);
  });

  describe('C2-3 (experimental channel only) no named port beside a networks, nodes or domainNames peer', () => {
    test.each([
      ['networks', { networks: ['10.0.0.0/8'] }],
      ['nodes', { nodes: {} }],
      ['domainNames', { domainNames: ['example.com'] }],
    ])('%s', (_, peer) => {
      const object = cnp({ ...admin, egress: [{ action: 'Accept', to: [pods, peer], protocols: [{ tcp: { destinationPort: { number: 80 } } }, { destinationNamedPort: 'http' }] }] });
      expect(errors(object, 'experimental')).toEqual([`spec.egress[0]: ${NAMED_PORT_MESSAGE_V1ALPHA2}`]);
    });

    test('the standard channel has no such rule, and accepts networks with a named port', () => {
      const object = cnp({ ...admin, egress: [{ action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'http' }] }] });
      expect(errors(object, 'standard')).toEqual([]);
      expect(errors(object, 'experimental')).toEqual([`spec.egress[0]: ${NAMED_PORT_MESSAGE_V1ALPHA2}`]);
    });

    test('a named port with pods and namespaces peers only passes', () => {
      const object = cnp({ ...admin, egress: [{ action: 'Accept', to: [pods, { namespaces: {} }], protocols: [{ destinationNamedPort: 'http' }] }] });
      expect(errors(object, 'experimental')).toEqual([]);
    });
  });
});

describe('CEL rules of AdminNetworkPolicy (v1alpha1)', () => {
  test('C1A-1 isCIDR(self) on every networks entry', () => {
    const object = anp({ priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['010.0.0.0/8'] }] }] });
    expect(errors(object)).toEqual([`spec.egress[0].to[0].networks[0]: ${CIDR_MESSAGE}`]);
  });

  test('C1A-2 (experimental only) no namedPort beside networks, nodes or domainNames', () => {
    const object = anp({ priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ domainNames: ['example.com'] }], ports: [{ namedPort: 'https' }] }] });
    expect(errors(object, 'experimental')).toEqual([`spec.egress[0]: ${NAMED_PORT_MESSAGE_V1ALPHA2}`]);
  });
});

describe('CEL rules of BaselineAdminNetworkPolicy (v1alpha1)', () => {
  test('C1B-1 self.metadata.name == \'default\', reported on the object itself (<nil>)', () => {
    const found = validateClusterPolicy(banp({ subject: { namespaces: {} } }, 'baseline'));
    expect(found.map((d) => [d.fieldPath, d.message])).toEqual([
      ['', 'Invalid value: "object": Only one baseline admin network policy with metadata.name="default" can be created in the cluster'],
    ]);
    expect(found[0].fix).toContain('metadata.name: default');
  });

  test('C1B-2 isCIDR(self) on every networks entry', () => {
    const object = banp({ subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['::ffff:1.2.3.4/120'] }] }] });
    expect(errors(object)).toEqual([`spec.egress[0].to[0].networks[0]: ${CIDR_MESSAGE}`]);
  });

  test('C1B-3 (experimental only) no namedPort beside networks or nodes, with its own message', () => {
    const object = banp({ subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ nodes: {} }], ports: [{ namedPort: 'https' }] }] });
    expect(errors(object, 'experimental')).toEqual([`spec.egress[0]: ${NAMED_PORT_MESSAGE_BANP}`]);
    expect(errors(object, 'standard')).toEqual(expect.arrayContaining(['spec.egress[0].to[0].nodes: strict decoding error: unknown field "spec.egress[0].to[0].nodes"']));
  });
});

describe('CEL runs only when no blocking schema error came first (A.0.1 step 6)', () => {
  const NOT_CHECKED = ['', 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation'];

  test('an unsupported action hides an invalid CIDR, and the server says rules were not checked', () => {
    const object = cnp({ ...admin, egress: [{ action: 'Allow', to: [{ networks: ['nonsense'] }] }] });
    expect(validateClusterPolicy(object).map((d) => [d.fieldPath, d.message])).toEqual([
      ['spec.egress[0].action', 'Unsupported value: "Allow": supported values: "Accept", "Deny", "Pass"'],
      NOT_CHECKED,
    ]);
  });

  test('a BANP named foo with action Pass: the enum error, not the singleton message', () => {
    const object = banp({ subject: { namespaces: {} }, ingress: [{ action: 'Pass', from: [{ namespaces: {} }] }] }, 'foo');
    expect(validateClusterPolicy(object).map((d) => [d.fieldPath, d.message])).toEqual([
      ['spec.ingress[0].action', 'Unsupported value: "Pass": supported values: "Allow", "Deny"'],
      NOT_CHECKED,
    ]);
  });

  test.each([
    ['Required', { subject: { namespaces: {} }, tier: 'Admin' }],
    ['TooLong', { ...admin, egress: [{ name: 'n'.repeat(101), action: 'Deny', to: [{ namespaces: {} }] }] }],
    ['TooMany (maxItems)', { ...admin, ingress: Array.from({ length: 26 }, () => ({ action: 'Deny', from: [{ namespaces: {} }] })) }],
    ['TooMany (maxProperties)', { ...admin, subject: { namespaces: {}, pods: { podSelector: {} } } }],
    ['TypeInvalid', { ...admin, priority: '1' }],
  ])('%s blocks CEL', (_, spec) => {
    const object = cnp({ ...spec, egress: [...(spec as any).egress ?? [], { action: 'Deny', to: [{ networks: ['bad'] }] }] });
    const found = validateClusterPolicy(object).map((d) => d.rule);
    expect(found).not.toContain('cel-cidr');
    expect(found[found.length - 1]).toBe('cel-not-checked');
  });

  test.each([
    ['minItems', { ...admin, ingress: [{ action: 'Deny', from: [] }] }, 'schema-min-items'],
    ['minProperties', { ...admin, ingress: [{ action: 'Deny', from: [{}] }] }, 'schema-min-properties'],
    ['minimum', { ...admin, priority: -1 }, 'schema-minimum'],
    ['pattern (experimental domainNames)', { ...admin, egress: [{ action: 'Accept', to: [{ domainNames: ['localhost'] }] }] }, 'schema-pattern'],
    ['Duplicate', { ...admin, egress: [{ action: 'Deny', to: [{ networks: ['1.0.0.0/8', '1.0.0.0/8'] }] }] }, 'schema-duplicate'],
  ])('%s does not block CEL: both are reported', (_, spec, rule) => {
    const object = cnp({ ...spec, egress: [...(spec as any).egress ?? [], { action: 'Deny', to: [{ networks: ['bad'] }] }] });
    expect(validateClusterPolicy(object, { channel: 'experimental' }).map((d) => d.rule)).toEqual([rule, 'cel-cidr']);
  });
});

describe('isCIDR as Kubernetes\' CEL library has it (A.7)', () => {
  test.each([
    ['10.0.0.0/8', true], ['::/0', true], ['fd00::/8', true], ['10.0.0.1/8', true], ['0.0.0.0/0', true], ['2001:db8::1/128', true],
    ['10.0.0.0', false], ['10.0.0.0/33', false], ['::1/129', false], ['010.0.0.0/8', false], ['::ffff:1.2.3.4/120', false],
    ['fe80::1%eth0/64', false], [' 10.0.0.0/8', false], ['10.0.0.0/8 ', false], ['10.0.0.0/08', false], ['', false], ['example.com/8', false],
  ])('%j → %s', (text, valid) => {
    expect(isCidr(text)).toBe(valid);
  });
});

describe('the fix of each CEL finding', () => {
  const fixes = (object: unknown, channel: 'standard' | 'experimental' = 'standard') =>
    validateClusterPolicy(object, { channel }).filter((d) => d.severity === 'error').map((d) => [d.rule, d.fix]);

  test('a port range: swap an inverted one, use number for a single port', () => {
    const range = (start: number, end: number) => ({ tcp: { destinationPort: { range: { start, end } } } });
    expect(fixes(cnp({ ...admin, egress: [{ action: 'Deny', to: [pods], protocols: [range(90, 80), range(443, 443)] }] }))).toEqual([
      ['cel-port-range', 'swap them: range: {start: 80, end: 90}'],
      ['cel-port-range', 'a range needs start < end: for the single port write destinationPort: {number: 443}'],
    ]);
  });

  test('a CIDR: by what is wrong with it', () => {
    const networks = ['::ffff:10.0.0.0/104', '010.0.0.0/8', ' 10.1.2.3 ', '10.0.0.0/33', 'fe80::1%eth0/64'];
    expect(fixes(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks }] }] }))).toEqual([
      ['cel-cidr', 'write the IPv4 network itself, e.g. "1.2.3.0/24", not an IPv4-mapped IPv6 prefix'],
      ['cel-cidr', 'remove the leading zeros, e.g. "10.0.0.0/8"'],
      ['cel-cidr', 'add the prefix length, e.g. "10.1.2.3/32"'],
      ['cel-cidr', 'write an IPv4 or IPv6 network with its prefix length, e.g. "10.0.0.0/8" or "2001:db8::/32"'],
      ['cel-cidr', 'write an IPv4 or IPv6 network with its prefix length, e.g. "10.0.0.0/8" or "2001:db8::/32"'],
    ]);
  });

  test('named ports beside other peers, in each kind that has the rule', () => {
    const fix = 'named ports exist only on pods: move the networks/nodes/domainNames peers into a rule of their own with port numbers';
    expect(fixes(anp({ priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'https' }] }] }), 'experimental'))
      .toEqual([['cel-named-port-peers', fix]]);
    expect(fixes(banp({ subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'https' }] }] }), 'experimental'))
      .toEqual([['cel-named-port-peers', fix]]);
  });

  test('the rule applies only where a named port is listed: numbered ports or no ports beside networks pass', () => {
    const to = [{ networks: ['10.0.0.0/8'] }, { nodes: {} }];
    expect(fixes(anp({ priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Allow', to, ports: [{ portNumber: { port: 443 } }] }, { action: 'Allow', to }] }), 'experimental'))
      .toEqual([]);
    expect(fixes(cnp({ ...admin, egress: [{ action: 'Accept', to, protocols: [{ tcp: { destinationPort: { number: 443 } } }] }, { action: 'Accept', to }] }), 'experimental'))
      .toEqual([]);
  });

  test('the singleton, and a rule id without advice of its own', () => {
    expect(fixes(banp({ subject: { namespaces: {} } }, 'baseline'))).toEqual([
      ['cel-baseline-singleton', 'name it default (metadata.name: default): a cluster has at most one BaselineAdminNetworkPolicy'],
    ]);
    expect(celFix('cel-something-else', {})).toBe('correct the value');
  });
});
