import { Channel, CLUSTER_POLICY_KINDS, CRD_CHANNELS, ClusterPolicyKind } from '../../../src/validation/cluster-policy/crd-schemas';
import { validateClusterPolicy } from '../../../src/validation/cluster-policy/validate';

/**
 * Every constraint of the encoded CRD schemas, each fed a value at its limit (accepted) and one
 * just past it (refused, with the API server's message at the field's path). These tests do not
 * need the upstream CRDs (crd-agreement.test.ts compares the encoding with them when they are
 * present); the limits are upstream's: network-policy-api v0.2.0 (v1alpha2), v0.1.7 (v1alpha1).
 */

interface Shape {
  readonly apiVersion: string;
  readonly name: string;
  /** The smallest valid spec. */
  readonly spec: Record<string, unknown>;
  readonly actions: readonly string[];
  /** The rule's port list and one entry of it. */
  readonly portsField: 'protocols' | 'ports';
  readonly portEntry: (port: number) => Record<string, unknown>;
  /** maxItems of the rule lists, peer lists and port lists. */
  readonly listMax: number;
}

const SHAPES: Record<ClusterPolicyKind, Shape> = {
  ClusterNetworkPolicy: {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    name: 'p',
    spec: { tier: 'Admin', priority: 1, subject: { namespaces: {} } },
    actions: ['Accept', 'Deny', 'Pass'],
    portsField: 'protocols',
    portEntry: (port) => ({ tcp: { destinationPort: { number: port } } }),
    listMax: 25,
  },
  AdminNetworkPolicy: {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    name: 'p',
    spec: { priority: 1, subject: { namespaces: {} } },
    actions: ['Allow', 'Deny', 'Pass'],
    portsField: 'ports',
    portEntry: (port) => ({ portNumber: { protocol: 'TCP', port } }),
    listMax: 100,
  },
  BaselineAdminNetworkPolicy: {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    name: 'default',
    spec: { subject: { namespaces: {} } },
    actions: ['Allow', 'Deny'],
    portsField: 'ports',
    portEntry: (port) => ({ portNumber: { protocol: 'TCP', port } }),
    listMax: 100,
  },
};

const KINDS = Object.keys(SHAPES) as ClusterPolicyKind[];
/** The kinds with a domainNames peer in the experimental channel (a BANP has none). */
const WITH_DOMAIN_NAMES: ClusterPolicyKind[] = ['ClusterNetworkPolicy', 'AdminNetworkPolicy'];

function policy(kind: ClusterPolicyKind, spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const shape = SHAPES[kind];
  return { apiVersion: shape.apiVersion, kind, metadata: { name: shape.name }, spec: { ...shape.spec, ...spec }, ...extra };
}

const ingress = (extra: Record<string, unknown> = {}) => ({ action: 'Deny', from: [{ namespaces: {} }], ...extra });
const egress = (extra: Record<string, unknown> = {}) => ({ action: 'Deny', to: [{ namespaces: {} }], ...extra });
const times = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));

/** Each error as `path: message` (warnings and the cel-not-checked note left out). */
function errors(object: unknown, channel: Channel = 'standard'): string[] {
  return validateClusterPolicy(object, { channel }).filter((d) => d.severity === 'error').map((d) => `${d.fieldPath || '<nil>'}: ${d.message}`);
}

const tooMany = (path: string, count: number, max: number) => `${path}: Too many: ${count}: must have at most ${max} items`;
const tooFew = (path: string) => `${path}: Invalid value: 0: ${path} in body should have at least 1 items`;
const noProperty = (path: string) => `${path}: Invalid value: 0: ${path} in body should have at least 1 properties`;
const twoProperties = (path: string) => `${path}: Too many: 2: must have at most 1 items`;
const required = (path: string) => `${path}: Required value`;
const unknown = (path: string) => `${path}: strict decoding error: unknown field "${path}"`;
const notString = (path: string, type = 'integer') => `${path}: Invalid value: "${type}": ${path} in body must be of type string: "${type}"`;

test('the kinds, their versions and the channels', () => {
  expect(CLUSTER_POLICY_KINDS).toEqual([
    { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy' },
    { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy' },
    { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy' },
  ]);
  expect(CRD_CHANNELS).toEqual(['standard', 'experimental']);
});

describe.each(KINDS)('%s', (kind) => {
  const { actions, portsField, portEntry, listMax } = SHAPES[kind];

  test.each(CRD_CHANNELS)('the smallest valid object, with a well-formed status, is accepted in the %s channel', (channel) => {
    const status = { conditions: [{ lastTransitionTime: '2024-01-01T00:00:00Z', message: 'ok', reason: 'Ready', status: 'True', type: 'Ready' }] };
    expect(errors(policy(kind), channel)).toEqual([]);
    expect(errors(policy(kind, {}, { status }), channel)).toEqual([]);
  });

  describe('list sizes', () => {
    const lists: [string, (n: number) => Record<string, unknown>, string, number][] = [
      ['ingress rules', (n) => ({ ingress: times(n, () => ingress()) }), 'spec.ingress', listMax],
      ['egress rules', (n) => ({ egress: times(n, () => egress()) }), 'spec.egress', listMax],
      ['sources', (n) => ({ ingress: [ingress({ from: times(n, () => ({ namespaces: {} })) })] }), 'spec.ingress[0].from', listMax],
      ['destinations', (n) => ({ egress: [egress({ to: times(n, () => ({ namespaces: {} })) })] }), 'spec.egress[0].to', listMax],
      ['ingress ports', (n) => ({ ingress: [ingress({ [portsField]: times(n, () => portEntry(80)) })] }), `spec.ingress[0].${portsField}`, listMax],
      ['egress ports', (n) => ({ egress: [egress({ [portsField]: times(n, () => portEntry(80)) })] }), `spec.egress[0].${portsField}`, listMax],
      ['networks', (n) => ({ egress: [egress({ to: [{ networks: times(n, (i) => `10.${i}.0.0/16`) }] })] }), 'spec.egress[0].to[0].networks', 25],
    ];

    test.each(lists)('%s: as many as allowed (identical entries where the list is no set), and one more', (_, spec, path, max) => {
      expect(errors(policy(kind, spec(max)))).toEqual([]);
      expect(errors(policy(kind, spec(max + 1)))).toEqual([tooMany(path, max + 1, max)]);
    });

    test.each(lists.slice(2))('%s: at least one', (_, spec, path) => {
      expect(errors(policy(kind, spec(0)))).toEqual([tooFew(path)]);
      expect(errors(policy(kind, spec(1)))).toEqual([]);
    });

    test('no rules at all is fine: the rule lists have no minimum', () => {
      expect(errors(policy(kind, { ingress: [], egress: [] }))).toEqual([]);
    });
  });

  test('networks is a set: a repeated CIDR is refused at the repetition; repeated rules, peers and ports are not', () => {
    expect(errors(policy(kind, { egress: [egress({ to: [{ networks: ['10.0.0.0/8', '10.1.0.0/16', '10.0.0.0/8'] }] })] })))
      .toEqual(['spec.egress[0].to[0].networks[2]: Duplicate value: "10.0.0.0/8"']);
    const twice = <T>(x: T) => [x, x];
    expect(errors(policy(kind, {
      ingress: twice(ingress({ from: twice({ namespaces: {} }), [portsField]: twice(portEntry(80)) })),
      egress: twice(egress({ to: twice({ namespaces: {} }), [portsField]: twice(portEntry(80)) })),
    }))).toEqual([]);
  });

  test('a networks entry is at most 43 bytes, the longest IPv6 CIDR', () => {
    const longest = 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128';
    expect(longest).toHaveLength(43);
    expect(errors(policy(kind, { egress: [egress({ to: [{ networks: [longest] }] })] }))).toEqual([]);
    expect(errors(policy(kind, { egress: [egress({ to: [{ networks: [`${longest} `] }] })] })))
      .toEqual(['spec.egress[0].to[0].networks[0]: Too long: may not be more than 43 bytes']);
  });

  test('a rule name is at most 100 bytes (bytes, not characters)', () => {
    expect(errors(policy(kind, { ingress: [ingress({ name: 'n'.repeat(100) })], egress: [egress({ name: 'é'.repeat(50) })] }))).toEqual([]);
    expect(errors(policy(kind, { ingress: [ingress({ name: 'n'.repeat(101) })], egress: [egress({ name: 'é'.repeat(51) })] }))).toEqual([
      'spec.ingress[0].name: Too long: may not be more than 100 bytes',
      'spec.egress[0].name: Too long: may not be more than 100 bytes',
    ]);
  });

  test('the actions of the kind, and no other', () => {
    const everyAction = { ingress: actions.map((action) => ingress({ action })), egress: actions.map((action) => egress({ action })) };
    expect(errors(policy(kind, everyAction))).toEqual([]);
    const supported = actions.map((a) => JSON.stringify(a)).join(', ');
    expect(errors(policy(kind, { ingress: [ingress({ action: 'Reject' })], egress: [egress({ action: 'Reject' })] }))).toEqual([
      `spec.ingress[0].action: Unsupported value: "Reject": supported values: ${supported}`,
      `spec.egress[0].action: Unsupported value: "Reject": supported values: ${supported}`,
    ]);
  });

  test('exactly one member in the subject and in each peer', () => {
    expect(errors(policy(kind, { subject: {}, ingress: [ingress({ from: [{}] })], egress: [egress({ to: [{}] })] }))).toEqual([
      noProperty('spec.subject'), noProperty('spec.ingress[0].from[0]'), noProperty('spec.egress[0].to[0]'),
    ]);
    const pods = { namespaceSelector: {}, podSelector: {} };
    expect(errors(policy(kind, {
      subject: { namespaces: {}, pods },
      ingress: [ingress({ from: [{ namespaces: {}, pods }] })],
      egress: [egress({ to: [{ namespaces: {}, networks: ['10.0.0.0/8'] }, { pods, networks: ['10.0.0.0/8'] }] })],
    }))).toEqual([
      twoProperties('spec.subject'), twoProperties('spec.ingress[0].from[0]'), twoProperties('spec.egress[0].to[0]'), twoProperties('spec.egress[0].to[1]'),
    ]);
    expect(errors(policy(kind, {
      subject: { pods },
      ingress: [ingress({ from: [{ pods }, { namespaces: {} }] })],
      egress: [egress({ to: [{ pods }, { namespaces: {} }, { networks: ['10.0.0.0/8'] }] })],
    }))).toEqual([]);
  });

  test('the required fields of the rules and of label selectors', () => {
    expect(errors(policy(kind, { ingress: [{}], egress: [{}] }))).toEqual([
      required('spec.ingress[0].action'), required('spec.ingress[0].from'), required('spec.egress[0].action'), required('spec.egress[0].to'),
    ]);
    expect(errors(policy(kind, { subject: { namespaces: { matchExpressions: [{}, { key: 'a' }, { operator: 'Exists' }] } } }))).toEqual([
      required('spec.subject.namespaces.matchExpressions[0].key'),
      required('spec.subject.namespaces.matchExpressions[0].operator'),
      required('spec.subject.namespaces.matchExpressions[1].operator'),
      required('spec.subject.namespaces.matchExpressions[2].key'),
    ]);
  });

  test('label selectors: string labels (null dropped), string values, and nothing else', () => {
    const selector = { matchLabels: { a: 'b', gone: null }, matchExpressions: [{ key: 'k', operator: 'In', values: ['v', 'w'] }] };
    expect(errors(policy(kind, { subject: { pods: { namespaceSelector: selector, podSelector: selector } } }))).toEqual([]);
    const path = 'spec.subject.namespaces';
    expect(errors(policy(kind, { subject: { namespaces: { matchExpressions: [{ key: 1, operator: 'In', values: ['v', 2] }], matchLabels: { a: 1, b: true } } } })))
      .toEqual([
        notString(`${path}.matchExpressions[0].key`),
        notString(`${path}.matchExpressions[0].values[1]`),
        notString(`${path}.matchLabels.a`),
        notString(`${path}.matchLabels.b`, 'boolean'),
      ]);
    expect(errors(policy(kind, { subject: { namespaces: { matchSelector: {} } } }))).toEqual([unknown(`${path}.matchSelector`)]);
  });

  test('metadata and spec are required, metadata is a map', () => {
    const without = (field: string) => Object.fromEntries(Object.entries(policy(kind)).filter(([k]) => k !== field));
    expect(errors(without('spec'))).toEqual([required('spec')]);
    expect(errors(without('metadata'))).toEqual([required('metadata')]);
    expect(errors({ ...policy(kind), metadata: 'p' })).toEqual(['metadata: Invalid value: "string": metadata in body must be of type object: "string"']);
  });

  test('the experimental channel adds a nodes peer (a label selector); the standard one does not know it', () => {
    const nodes = { matchLabels: { role: 'worker' } };
    const object = policy(kind, { egress: [egress({ action: actions[0], to: [{ nodes }] })] });
    expect(errors(object, 'experimental')).toEqual([]);
    expect(errors(object)).toEqual([unknown('spec.egress[0].to[0].nodes'), noProperty('spec.egress[0].to[0]')]);
    expect(errors(policy(kind, { egress: [egress({ to: [{ nodes: { matchExpressions: [{ key: 'role' }] } }] })] }), 'experimental'))
      .toEqual([required('spec.egress[0].to[0].nodes.matchExpressions[0].operator')]);
    expect(errors(policy(kind, { egress: [egress({ to: [{ nodes, namespaces: {} }] })] }), 'experimental')).toEqual([twoProperties('spec.egress[0].to[0]')]);
  });
});

describe('domainNames (experimental channel; never in a BaselineAdminNetworkPolicy)', () => {
  const names = (kind: ClusterPolicyKind, domainNames: unknown[]) =>
    policy(kind, { egress: [{ action: SHAPES[kind].actions[0], to: [{ domainNames }] }] });
  const path = 'spec.egress[0].to[0].domainNames';

  describe.each(WITH_DOMAIN_NAMES)('%s', (kind) => {
    test('1 to 25 names that match the pattern, each once', () => {
      expect(errors(names(kind, times(25, (i) => `h${i}.example.com`)), 'experimental')).toEqual([]);
      expect(errors(names(kind, times(26, (i) => `h${i}.example.com`)), 'experimental')).toEqual([tooMany(path, 26, 25)]);
      expect(errors(names(kind, []), 'experimental')).toEqual([tooFew(path)]);
      expect(errors(names(kind, ['example.com', 'example.org', 'example.com']), 'experimental')).toEqual([`${path}[2]: Duplicate value: "example.com"`]);
    });

    test('a name the pattern refuses', () => {
      const [message] = errors(names(kind, ['example.com', 'localhost']), 'experimental');
      expect(message).toMatch(/^spec\.egress\[0\]\.to\[0\]\.domainNames\[1\]: Invalid value: "localhost": spec\.egress\[0\]\.to\[0\]\.domainNames\[1\] in body should match '\^/);
      expect(errors(names(kind, [1]), 'experimental')).toEqual([notString(`${path}[0]`)]);
    });

    test('the standard channel does not know it', () => {
      expect(errors(names(kind, ['example.com']))).toEqual([unknown(path), noProperty('spec.egress[0].to[0]')]);
    });
  });

  test('a BaselineAdminNetworkPolicy has no domainNames in either channel', () => {
    for (const channel of CRD_CHANNELS) {
      expect(errors(names('BaselineAdminNetworkPolicy', ['example.com']), channel)).toEqual([unknown(path), noProperty('spec.egress[0].to[0]')]);
    }
  });
});

describe('ClusterNetworkPolicy (v1alpha2) spec', () => {
  const cnp = (spec: Record<string, unknown>) => policy('ClusterNetworkPolicy', spec);

  test('tier, priority and subject are required, in that order of the CRD', () => {
    expect(errors({ ...cnp({}), spec: {} })).toEqual([required('spec.priority'), required('spec.subject'), required('spec.tier')]);
  });

  test('tier is Admin or Baseline', () => {
    expect(errors(cnp({ tier: 'Baseline' }))).toEqual([]);
    expect(errors(cnp({ tier: 'Tenant' }))).toEqual(['spec.tier: Unsupported value: "Tenant": supported values: "Admin", "Baseline"']);
  });

  test('priority is 0 to 1000', () => {
    expect(errors(cnp({ priority: 0 }))).toEqual([]);
    expect(errors(cnp({ priority: 1000 }))).toEqual([]);
    expect(errors(cnp({ priority: -1 }))).toEqual(['spec.priority: Invalid value: -1: spec.priority in body should be greater than or equal to 0']);
    expect(errors(cnp({ priority: 1001 }))).toEqual(['spec.priority: Invalid value: 1001: spec.priority in body should be less than or equal to 1000']);
  });

  test('a pods selection needs podSelector only (namespaceSelector is optional in v1alpha2)', () => {
    expect(errors(cnp({ subject: { pods: { podSelector: {} } } }))).toEqual([]);
    expect(errors(cnp({ subject: { pods: { namespaceSelector: {} } } }))).toEqual([required('spec.subject.pods.podSelector')]);
  });

  describe('protocols', () => {
    const withPorts = (...protocols: unknown[]) =>
      cnp({ ingress: [ingress({ protocols })], egress: [egress({ to: [{ pods: { podSelector: {} } }], protocols })] });
    const both = <T>(found: (path: string) => T): T[] => [found('spec.ingress[0].protocols'), found('spec.egress[0].protocols')];

    test('tcp, udp and sctp take a port number from 1 to 65535 or an ordered range; a named port is a string', () => {
      expect(errors(withPorts(
        { tcp: { destinationPort: { number: 1 } } }, { udp: { destinationPort: { number: 65535 } } },
        { sctp: { destinationPort: { range: { start: 1, end: 65535 } } } }, { destinationNamedPort: 'http' },
      ))).toEqual([]);
      expect(errors(withPorts({ destinationNamedPort: 80 }))).toEqual(both((p) => notString(`${p}[0].destinationNamedPort`)));
    });

    test.each([
      ['number 0', { tcp: { destinationPort: { number: 0 } } }, 'tcp.destinationPort.number', 'greater than or equal to 1', 0],
      ['number 65536', { udp: { destinationPort: { number: 65536 } } }, 'udp.destinationPort.number', 'less than or equal to 65535', 65536],
      ['a range from 0', { sctp: { destinationPort: { range: { start: 0, end: 80 } } } }, 'sctp.destinationPort.range.start', 'greater than or equal to 1', 0],
      ['a range to 65536', { tcp: { destinationPort: { range: { start: 80, end: 65536 } } } }, 'tcp.destinationPort.range.end', 'less than or equal to 65535', 65536],
    ])('%s', (_, entry, field, bound, value) => {
      expect(errors(withPorts(entry))).toEqual(both((p) => `${p}[0].${field}: Invalid value: ${value}: ${p}[0].${field} in body should be ${bound}`));
    });

    test('each entry has exactly one of tcp, udp, sctp and destinationNamedPort; each port exactly one of number and range', () => {
      expect(errors(withPorts({}))).toEqual(both((p) => noProperty(`${p}[0]`)));
      expect(errors(withPorts({ tcp: { destinationPort: { number: 80 } }, destinationNamedPort: 'http' }))).toEqual(both((p) => twoProperties(`${p}[0]`)));
      expect(errors(withPorts({ udp: {} }, { sctp: {} }))).toEqual([
        noProperty('spec.ingress[0].protocols[0].udp'), noProperty('spec.ingress[0].protocols[1].sctp'),
        noProperty('spec.egress[0].protocols[0].udp'), noProperty('spec.egress[0].protocols[1].sctp'),
      ]);
      expect(errors(withPorts({ tcp: { destinationPort: {} } }))).toEqual(both((p) => noProperty(`${p}[0].tcp.destinationPort`)));
      expect(errors(withPorts({ tcp: { destinationPort: { number: 80, range: { start: 80, end: 90 } } } })))
        .toEqual(both((p) => twoProperties(`${p}[0].tcp.destinationPort`)));
      expect(errors(withPorts({ tcp: { port: 80 } }))).toEqual([
        unknown('spec.ingress[0].protocols[0].tcp.port'), noProperty('spec.ingress[0].protocols[0].tcp'),
        unknown('spec.egress[0].protocols[0].tcp.port'), noProperty('spec.egress[0].protocols[0].tcp'),
      ]);
    });

    test('a range needs both ends', () => {
      expect(errors(withPorts({ tcp: { destinationPort: { range: {} } } })))
        .toEqual(both((p) => [required(`${p}[0].tcp.destinationPort.range.end`), required(`${p}[0].tcp.destinationPort.range.start`)]).flat());
    });
  });
});

describe.each(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'] as const)('%s (v1alpha1) spec', (kind) => {
  const v1alpha1 = (spec: Record<string, unknown>) => policy(kind, spec);
  const withPorts = (...ports: unknown[]) => v1alpha1({ ingress: [ingress({ ports })], egress: [egress({ ports })] });
  const both = <T>(found: (path: string) => T): T[] => [found('spec.ingress[0].ports'), found('spec.egress[0].ports')];

  test('a pods selection needs namespaceSelector and podSelector', () => {
    expect(errors(v1alpha1({ subject: { pods: {} } }))).toEqual([required('spec.subject.pods.namespaceSelector'), required('spec.subject.pods.podSelector')]);
  });

  test('portNumber and portRange take ports from 1 to 65535, and a protocol (TCP when left out)', () => {
    expect(errors(withPorts(
      { portNumber: { port: 1 } }, { portNumber: { protocol: 'UDP', port: 65535 } },
      { portRange: { start: 1, end: 65535 } }, { portRange: { protocol: 'SCTP', start: 80, end: 90 } },
    ))).toEqual([]);
    expect(errors(withPorts({ portNumber: { protocol: 'TCP', port: 0 } }, { portRange: { start: 80, end: 65536 } }, { portRange: { start: 0, end: 80 } })))
      .toEqual(both((p) => [
        `${p}[0].portNumber.port: Invalid value: 0: ${p}[0].portNumber.port in body should be greater than or equal to 1`,
        `${p}[1].portRange.end: Invalid value: 65536: ${p}[1].portRange.end in body should be less than or equal to 65535`,
        `${p}[2].portRange.start: Invalid value: 0: ${p}[2].portRange.start in body should be greater than or equal to 1`,
      ]).flat());
    expect(errors(withPorts({ portNumber: { port: 80, protocol: 6 } }))).toEqual(both((p) => notString(`${p}[0].portNumber.protocol`)));
  });

  test('the required fields of a port entry', () => {
    expect(errors(withPorts({ portNumber: { protocol: 'TCP' } }, { portRange: { protocol: 'TCP' } }))).toEqual(both((p) => [
      required(`${p}[0].portNumber.port`), required(`${p}[1].portRange.end`), required(`${p}[1].portRange.start`),
    ]).flat());
  });

  test('each entry has exactly one of portNumber and portRange', () => {
    expect(errors(withPorts({}))).toEqual(both((p) => noProperty(`${p}[0]`)));
    expect(errors(withPorts({ portNumber: { port: 80 }, portRange: { start: 80, end: 90 } }))).toEqual(both((p) => twoProperties(`${p}[0]`)));
  });

  test('namedPort is a third member in the experimental channel, and unknown in the standard one', () => {
    expect(errors(withPorts({ namedPort: 'http' }), 'experimental')).toEqual([]);
    expect(errors(withPorts({ namedPort: 80 }), 'experimental')).toEqual(both((p) => notString(`${p}[0].namedPort`)));
    expect(errors(withPorts({ namedPort: 'http', portNumber: { port: 80 } }), 'experimental')).toEqual(both((p) => twoProperties(`${p}[0]`)));
    expect(errors(withPorts({ namedPort: 'http' }))).toEqual(both((p) => [unknown(`${p}[0].namedPort`), noProperty(`${p}[0]`)]).flat());
  });

  test('v1alpha1 has no tier, and the v1alpha2 port list is unknown (findings in the order the fields are written)', () => {
    expect(errors(v1alpha1({ tier: 'Admin', ingress: [ingress({ protocols: [{ tcp: { destinationPort: { number: 80 } } }] })] }))).toEqual([
      unknown('spec.tier'), unknown('spec.ingress[0].protocols'),
    ]);
  });
});

describe('priority in v1alpha1', () => {
  test('an AdminNetworkPolicy requires a priority from 0 to 1000', () => {
    expect(errors(policy('AdminNetworkPolicy', { priority: 0 }))).toEqual([]);
    expect(errors(policy('AdminNetworkPolicy', { priority: 1000 }))).toEqual([]);
    expect(errors(policy('AdminNetworkPolicy', { priority: -1 }))).toEqual(['spec.priority: Invalid value: -1: spec.priority in body should be greater than or equal to 0']);
    expect(errors(policy('AdminNetworkPolicy', { priority: 1001 }))).toEqual(['spec.priority: Invalid value: 1001: spec.priority in body should be less than or equal to 1000']);
    expect(errors({ ...policy('AdminNetworkPolicy'), spec: {} })).toEqual([required('spec.priority'), required('spec.subject')]);
  });

  test('a BaselineAdminNetworkPolicy has none: subject is all it requires', () => {
    expect(errors({ ...policy('BaselineAdminNetworkPolicy'), spec: {} })).toEqual([required('spec.subject')]);
    expect(errors(policy('BaselineAdminNetworkPolicy', { priority: 1 }))).toEqual([unknown('spec.priority')]);
  });

  test('only a BaselineAdminNetworkPolicy must be named default, in both channels', () => {
    const named = (kind: ClusterPolicyKind, name: string) => ({ ...policy(kind), metadata: { name } });
    for (const channel of CRD_CHANNELS) {
      expect(errors(named('BaselineAdminNetworkPolicy', 'baseline'), channel))
        .toEqual(['<nil>: Invalid value: "object": Only one baseline admin network policy with metadata.name="default" can be created in the cluster']);
      expect(errors(named('AdminNetworkPolicy', 'baseline'), channel)).toEqual([]);
      expect(errors(named('ClusterNetworkPolicy', 'baseline'), channel)).toEqual([]);
    }
  });
});

describe('status: dropped on create, but checked against the CRD', () => {
  const condition = { lastTransitionTime: '2024-01-01T00:00:00Z', message: 'ok', observedGeneration: 0, reason: 'Ready', status: 'True', type: 'Ready' };
  const withConditions = (...conditions: unknown[]) => policy('ClusterNetworkPolicy', {}, { status: { conditions } });
  const at = (field: string) => `status.conditions[0].${field}`;

  test('conditions are required, and each condition\'s five fields', () => {
    expect(errors(policy('ClusterNetworkPolicy', {}, { status: {} }))).toEqual([required('status.conditions')]);
    expect(errors(withConditions({}))).toEqual(['lastTransitionTime', 'message', 'reason', 'status', 'type'].map((f) => required(at(f))));
    expect(errors(withConditions({ ...condition, lastTransitionTime: 1 }))).toEqual([notString(at('lastTransitionTime'))]);
  });

  test('message: at most 32768 bytes', () => {
    expect(errors(withConditions({ ...condition, message: 'm'.repeat(32768) }))).toEqual([]);
    expect(errors(withConditions({ ...condition, message: 'm'.repeat(32769) }))).toEqual([`${at('message')}: Too long: may not be more than 32768 bytes`]);
  });

  test('observedGeneration: a whole number of at least 0, with no upper bound', () => {
    expect(errors(withConditions({ ...condition, observedGeneration: 2 ** 40 }))).toEqual([]);
    expect(errors(withConditions({ ...condition, observedGeneration: -1 })))
      .toEqual([`${at('observedGeneration')}: Invalid value: -1: ${at('observedGeneration')} in body should be greater than or equal to 0`]);
  });

  test('reason: 1 to 1024 characters of the CamelCase pattern', () => {
    const pattern = '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$';
    for (const reason of ['R', 'Ready_', 'a:b,c9', 'R'.repeat(1024)]) expect(errors(withConditions({ ...condition, reason }))).toEqual([]);
    expect(errors(withConditions({ ...condition, reason: '' }))).toEqual([
      `${at('reason')}: Invalid value: "": ${at('reason')} in body should be at least 1 chars long`,
      `${at('reason')}: Invalid value: "": ${at('reason')} in body should match '${pattern}'`,
    ]);
    expect(errors(withConditions({ ...condition, reason: 'R'.repeat(1025) }))).toEqual([`${at('reason')}: Too long: may not be more than 1024 bytes`]);
    for (const reason of ['1Ready', 'Ready,', 'Not ready']) {
      expect(errors(withConditions({ ...condition, reason }))).toEqual([`${at('reason')}: Invalid value: ${JSON.stringify(reason)}: ${at('reason')} in body should match '${pattern}'`]);
    }
  });

  test('status: True, False or Unknown', () => {
    for (const status of ['True', 'False', 'Unknown']) expect(errors(withConditions({ ...condition, status }))).toEqual([]);
    expect(errors(withConditions({ ...condition, status: 'true' })))
      .toEqual([`${at('status')}: Unsupported value: "true": supported values: "True", "False", "Unknown"`]);
  });

  test('type: at most 316 bytes, an optional DNS prefix and a name', () => {
    const pattern = '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$';
    for (const type of ['Ready', 'example.com/Ready', 'a'.repeat(316)]) expect(errors(withConditions({ ...condition, type }))).toEqual([]);
    expect(errors(withConditions({ ...condition, type: 'a'.repeat(317) }))).toEqual([`${at('type')}: Too long: may not be more than 316 bytes`]);
    for (const type of ['-Ready', 'Example.com/Ready', 'Ready.']) {
      expect(errors(withConditions({ ...condition, type }))).toEqual([`${at('type')}: Invalid value: ${JSON.stringify(type)}: ${at('type')} in body should match '${pattern}'`]);
    }
  });
});
