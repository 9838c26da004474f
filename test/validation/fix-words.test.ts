import { policy, withIngressPorts } from './helpers';
import { labelValueFix, objectNameFix } from '../../src/validation/fixes';
import { validateNetworkPolicy } from '../../src/validation/network-policy';

/** The fixes written beside NetworkPolicy findings, in full, for the mistakes they are written for. */

const findings = (manifest: unknown) => validateNetworkPolicy(manifest).map((d) => `${d.fieldPath}: ${d.message} | ${d.fix}`);

describe('apiVersion', () => {
  test.each(['networking.k8s.io/v1beta1', 'extensions/v1beta1'])('%s: removed in Kubernetes 1.16, and said so', (apiVersion) => {
    expect(findings({ ...policy({ podSelector: {} }), apiVersion })).toEqual([
      `apiVersion: Invalid value: "${apiVersion}": apiVersion must be "networking.k8s.io/v1" | set apiVersion: networking.k8s.io/v1 (${apiVersion} NetworkPolicy was removed in Kubernetes 1.16)`,
    ]);
  });

  test('another version: only what to set', () => {
    expect(findings({ ...policy({ podSelector: {} }), apiVersion: 'v1' })).toEqual([
      'apiVersion: Invalid value: "v1": apiVersion must be "networking.k8s.io/v1" | set apiVersion: networking.k8s.io/v1',
    ]);
  });
});

describe('protocols', () => {
  test.each([
    ['icmp', 'NetworkPolicy filters only TCP, UDP and SCTP; ICMP cannot be allowed or denied by a NetworkPolicy'],
    ['ICMPv6', 'NetworkPolicy filters only TCP, UDP and SCTP; ICMP cannot be allowed or denied by a NetworkPolicy'],
    ['all', 'to allow every protocol and port, omit ports from the rule'],
    ['Any', 'to allow every protocol and port, omit ports from the rule'],
    ['*', 'to allow every protocol and port, omit ports from the rule'],
    ['gre', 'use TCP, UDP or SCTP (or omit protocol for TCP)'],
    ['tcp', 'write the protocol in upper case: "TCP"'],
    ['sctp', 'write the protocol in upper case: "SCTP"'],
  ])('%s', (protocol, fix) => {
    expect(findings(withIngressPorts({ protocol }))).toEqual([
      `spec.ingress[0].ports[0].protocol: Unsupported value: ${JSON.stringify(protocol)}: supported values: "TCP", "UDP", "SCTP" | ${fix}`,
    ]);
  });
});

describe('fields at the wrong level', () => {
  test('in an ingress rule: peers belong in "from", ports in "ports", and "to" is egress\'s word', () => {
    expect(findings(policy({ podSelector: {}, ingress: [{ podSelector: {}, namespaceSelector: {}, ipBlock: {}, to: [], port: 80, protocol: 'TCP' }] }))).toEqual([
      'spec.ingress[0].podSelector: strict decoding error: unknown field "spec.ingress[0].podSelector" | podSelector belongs inside a "from" list item: from: [{podSelector: ...}] (check the indentation)',
      'spec.ingress[0].namespaceSelector: strict decoding error: unknown field "spec.ingress[0].namespaceSelector" | namespaceSelector belongs inside a "from" list item: from: [{namespaceSelector: ...}] (check the indentation)',
      'spec.ingress[0].ipBlock: strict decoding error: unknown field "spec.ingress[0].ipBlock" | ipBlock belongs inside a "from" list item: from: [{ipBlock: ...}] (check the indentation)',
      'spec.ingress[0].to: strict decoding error: unknown field "spec.ingress[0].to" | ingress rules list their peers under "from"',
      'spec.ingress[0].port: strict decoding error: unknown field "spec.ingress[0].port" | port belongs inside a "ports" list item: ports: [{port: 80}]',
      'spec.ingress[0].protocol: strict decoding error: unknown field "spec.ingress[0].protocol" | protocol belongs inside a "ports" list item: ports: [{protocol: UDP, port: 53}]',
    ]);
  });

  test('in an egress rule: "from" is ingress\'s word, peers belong in "to"', () => {
    expect(findings(policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ from: [], podSelector: {} }] }))).toEqual([
      'spec.egress[0].from: strict decoding error: unknown field "spec.egress[0].from" | egress rules list their peers under "to"',
      'spec.egress[0].podSelector: strict decoding error: unknown field "spec.egress[0].podSelector" | podSelector belongs inside a "to" list item: to: [{podSelector: ...}] (check the indentation)',
    ]);
  });

  test('in a port: the closest field, or the same letters in the right case', () => {
    expect(findings(withIngressPorts({ prot: 'TCP', Port: 80 }))).toEqual([
      'spec.ingress[0].ports[0].prot: strict decoding error: unknown field "spec.ingress[0].ports[0].prot" | did you mean "port"?',
      'spec.ingress[0].ports[0].Port: strict decoding error: unknown field "spec.ingress[0].ports[0].Port" | field names are case-sensitive: write "port"',
    ]);
    expect(findings(withIngressPorts({ EndPort: 90, port: 80 }))).toEqual([
      'spec.ingress[0].ports[0].EndPort: strict decoding error: unknown field "spec.ingress[0].ports[0].EndPort" | field names are case-sensitive: write "endPort"',
    ]);
    expect(findings(withIngressPorts({ Protocol: 'UDP' }))).toEqual([
      'spec.ingress[0].ports[0].Protocol: strict decoding error: unknown field "spec.ingress[0].ports[0].Protocol" | field names are case-sensitive: write "protocol"',
    ]);
  });

  test('ports written as a map is a decoding error in Go\'s words', () => {
    expect(findings(policy({ podSelector: {}, ingress: [{ ports: {} }] }))).toEqual([
      'spec.ingress[0].ports: json: cannot unmarshal object into Go struct field NetworkPolicyIngressRule.spec.ingress.ports of type []v1.NetworkPolicyPort | write ports as a list: start each item with "- "',
    ]);
  });
});

describe('values', () => {
  test('a null except entry decodes to "" and is an invalid CIDR; a number is a decoding error', () => {
    expect(findings(policy({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: [5, null] } }] }] }))).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: json: cannot unmarshal number 5 into Go struct field IPBlock.spec.ingress.from.ipBlock.except of type string'
        + ' | quote the value: except: "5" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)',
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'
        + ' | write an address and prefix length: four decimal octets for IPv4 (e.g. 10.0.0.0/8; no short, octal or hex forms) or IPv6 (e.g. 2001:db8::/64)',
    ]);
  });

  test('a suggested name is offered only when cleaning the name gives a different, valid one', () => {
    const general = 'use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters';
    expect(objectNameFix('Web_API')).toBe(`${general}, e.g. "web-api"`);
    expect(objectNameFix('web..api')).toBe(`${general}, e.g. "web.api"`);
    expect(objectNameFix('___')).toBe(`${general}, e.g. "allow-web"`);
    expect(labelValueFix('!!!')).toBe('a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e.g. "web"');
    expect(labelValueFix('-web-')).toBe('a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e.g. "web"');
    expect(labelValueFix('my app')).toBe('a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e.g. "my-app"');
  });
});

describe('the object itself', () => {
  test.each([
    [null, 'null'],
    ['kind: NetworkPolicy', 'string'],
    [42, 'number'],
    [true, 'bool'],
    [[{}], 'array'],
  ])('%j is not a map of fields', (input, kind) => {
    expect(findings(input)).toEqual([
      `: a NetworkPolicy must be a map of fields, got ${kind} | give an object with apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata and spec`,
    ]);
  });

  test('a missing, null or other kind: what to set; nothing else is checked', () => {
    for (const kind of [undefined, null]) {
      expect(findings({ ...policy({ podSelector: 'x' }), kind })).toEqual(['kind: Required value: kind must be "NetworkPolicy" | set kind: NetworkPolicy']);
    }
    expect(findings({ ...policy({}), kind: 'Service', apiVersion: 'v1' })).toEqual(['kind: Invalid value: "Service": kind must be "NetworkPolicy" | set kind: NetworkPolicy']);
    expect(findings({ ...policy({}), kind: 7 })).toEqual(['kind: Invalid value: 7: kind must be "NetworkPolicy" | set kind: NetworkPolicy']);
    expect(findings({ ...policy({}), kind: 'NETWORKPOLICY' })).toEqual([
      'kind: Invalid value: "NETWORKPOLICY": kind must be "NetworkPolicy" | kinds are case-sensitive: write kind: NetworkPolicy',
    ]);
  });

  test('a missing or null apiVersion is required; the rest is still checked', () => {
    for (const apiVersion of [undefined, null]) {
      expect(findings({ ...policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }), apiVersion })).toEqual([
        'apiVersion: Required value: apiVersion must be "networking.k8s.io/v1" | set apiVersion: networking.k8s.io/v1',
      ]);
    }
  });

  test.each(['networking.k8s.io/v1beta2', 'extensions/v1', 'v1beta1', 'networking.k8s.io/V1beta1'])(
    '%s is not one of the removed versions: only what to set',
    (apiVersion) => {
      expect(findings({ ...policy({ podSelector: {} }), apiVersion })).toEqual([
        `apiVersion: Invalid value: "${apiVersion}": apiVersion must be "networking.k8s.io/v1" | set apiVersion: networking.k8s.io/v1`,
      ]);
    },
  );
});

describe('fields at the wrong level of the object', () => {
  const unknown = (path: string, fix: string) => `${path}: strict decoding error: unknown field "${path}" | ${fix}`;

  test('beside apiVersion and kind: spec fields, metadata fields and status, each with where it belongs', () => {
    const manifest = { ...policy({ podSelector: {} }), status: {}, podSelector: {}, ingress: [], egress: [], policyTypes: [], name: 'x', namespace: 'y' };
    expect(findings(manifest)).toEqual([
      unknown('status', 'remove status: NetworkPolicy has had no status field since Kubernetes 1.28'),
      unknown('podSelector', 'podSelector belongs under spec (check the indentation)'),
      unknown('ingress', 'ingress belongs under spec (check the indentation)'),
      unknown('egress', 'egress belongs under spec (check the indentation)'),
      unknown('policyTypes', 'policyTypes belongs under spec (check the indentation)'),
      unknown('name', 'name belongs under metadata (check the indentation)'),
      unknown('namespace', 'namespace belongs under metadata (check the indentation)'),
    ]);
  });

  test('a field like none of those allowed: the allowed ones are listed', () => {
    expect(findings({ ...policy({ podSelector: {} }), rules: [] })).toEqual([
      unknown('rules', 'remove it or move it to the right level; the fields allowed here are apiVersion, kind, metadata, spec'),
    ]);
    expect(findings(policy({ podSelector: {}, rules: [] }))).toEqual([
      unknown('spec.rules', 'remove it or move it to the right level; the fields allowed here are podSelector, ingress, egress, policyTypes'),
    ]);
  });

  test('of two close field names, the closer one is suggested', () => {
    // "gress" is two edits from "ingress" (listed first) and one from "egress".
    expect(findings(policy({ podSelector: {}, gress: [] }))).toEqual([unknown('spec.gress', 'did you mean "egress"?')]);
  });

  test('in spec: selector fields belong under podSelector, peers and ports inside a rule', () => {
    expect(findings(policy({ podSelector: {}, matchLabels: {}, matchExpressions: [], from: [], to: [], ports: [] }))).toEqual([
      unknown('spec.matchLabels', 'matchLabels belongs under podSelector (check the indentation)'),
      unknown('spec.matchExpressions', 'matchExpressions belongs under podSelector (check the indentation)'),
      unknown('spec.from', 'from belongs inside an ingress rule: ingress: [{from: [...]}]'),
      unknown('spec.to', 'to belongs inside an egress rule: egress: [{to: [...]}]'),
      unknown('spec.ports', 'ports belongs inside an ingress or egress rule'),
    ]);
  });

  test('in an ingress peer: selector and ipBlock fields belong one level down, and "to" is egress\'s word', () => {
    const peer = { podSelector: {}, matchLabels: {}, matchExpressions: [], cidr: '10.0.0.0/8', except: [], to: [] };
    expect(findings(policy({ podSelector: {}, ingress: [{ from: [peer] }] }))).toEqual([
      unknown('spec.ingress[0].from[0].matchLabels', 'matchLabels belongs under podSelector or namespaceSelector (check the indentation)'),
      unknown('spec.ingress[0].from[0].matchExpressions', 'matchExpressions belongs under podSelector or namespaceSelector (check the indentation)'),
      unknown('spec.ingress[0].from[0].cidr', 'cidr belongs under ipBlock (check the indentation)'),
      unknown('spec.ingress[0].from[0].except', 'except belongs under ipBlock (check the indentation)'),
      unknown('spec.ingress[0].from[0].to', '"to" belongs to egress rules; ingress peers are listed under "from"'),
    ]);
  });

  test('in an egress peer: the same hints, and "from" is ingress\'s word', () => {
    const peer = { namespaceSelector: {}, from: [], cidr: '10.0.0.0/8', matchLabels: {} };
    expect(findings(policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [peer] }] }))).toEqual([
      unknown('spec.egress[0].to[0].from', '"from" belongs to ingress rules; egress peers are listed under "to"'),
      unknown('spec.egress[0].to[0].cidr', 'cidr belongs under ipBlock (check the indentation)'),
      unknown('spec.egress[0].to[0].matchLabels', 'matchLabels belongs under podSelector or namespaceSelector (check the indentation)'),
    ]);
  });

  test('in an egress rule: every peer field belongs inside a "to" item, ports fields inside a "ports" item', () => {
    expect(findings(policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ namespaceSelector: {}, ipBlock: {}, port: 53, protocol: 'UDP' }] }))).toEqual([
      unknown('spec.egress[0].namespaceSelector', 'namespaceSelector belongs inside a "to" list item: to: [{namespaceSelector: ...}] (check the indentation)'),
      unknown('spec.egress[0].ipBlock', 'ipBlock belongs inside a "to" list item: to: [{ipBlock: ...}] (check the indentation)'),
      unknown('spec.egress[0].port', 'port belongs inside a "ports" list item: ports: [{port: 80}]'),
      unknown('spec.egress[0].protocol', 'protocol belongs inside a "ports" list item: ports: [{protocol: UDP, port: 53}]'),
    ]);
  });
});

describe('peers', () => {
  test('an empty peer: what to give, and how to allow every source or destination', () => {
    expect(findings(policy({ podSelector: {}, ingress: [{ from: [{}] }], egress: [{ to: [null] }] }))).toEqual([
      'spec.ingress[0].from[0]: Required value: must specify a peer'
        + ' | give the peer a podSelector, namespaceSelector or ipBlock; to allow every source, omit "from" (an empty {} peer is not allowed)',
      'spec.egress[0].to[0]: Required value: must specify a peer'
        + ' | give the peer a podSelector, namespaceSelector or ipBlock; to allow every destination, omit "to" (an empty {} peer is not allowed)',
    ]);
  });

  test('an ipBlock beside a selector: split the peer', () => {
    expect(findings(policy({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {} }] }] }))).toEqual([
      'spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer'
        + ' | split it into two list items, one with the ipBlock and one with the selectors (list items are ORed)',
    ]);
  });

  test('a peer that is not a map is a decoding error only, named by its list', () => {
    const owner = 'Go struct field NetworkPolicyIngressRule.spec.ingress.from of type v1.NetworkPolicyPeer';
    expect(findings(policy({ podSelector: {}, ingress: [{ from: ['web', [{ podSelector: {} }], 5] }] }))).toEqual([
      `spec.ingress[0].from[0]: json: cannot unmarshal string into ${owner} | write from as a map of fields`,
      `spec.ingress[0].from[1]: json: cannot unmarshal array into ${owner} | write from as a map of fields, not a list (remove the leading "- ")`,
      `spec.ingress[0].from[2]: json: cannot unmarshal number 5 into ${owner} | write from as a map of fields`,
    ]);
  });

  test('egress peers and ports are lists of the egress rule\'s Go type', () => {
    expect(findings(policy({ podSelector: {}, egress: [{ to: {}, ports: 'dns' }] }))).toEqual([
      'spec.egress[0].ports: json: cannot unmarshal string into Go struct field NetworkPolicyEgressRule.spec.egress.ports of type []v1.NetworkPolicyPort'
        + ' | write ports as a list, e.g. ports: ["dns"]',
      'spec.egress[0].to: json: cannot unmarshal object into Go struct field NetworkPolicyEgressRule.spec.egress.to of type []v1.NetworkPolicyPeer'
        + ' | write to as a list: start each item with "- "',
    ]);
    expect(findings(policy({ podSelector: {}, egress: {} }))).toEqual([
      'spec.egress: json: cannot unmarshal object into Go struct field NetworkPolicySpec.spec.egress of type []v1.NetworkPolicyEgressRule'
        + ' | write egress as a list: start each item with "- "',
    ]);
    expect(findings(policy({ podSelector: {}, ingress: [7] }))).toEqual([
      'spec.ingress[0]: json: cannot unmarshal number 7 into Go struct field NetworkPolicySpec.spec.ingress of type v1.NetworkPolicyIngressRule'
        + ' | write ingress as a map of fields',
    ]);
  });
});

describe('ports', () => {
  const port = (path: string, rest: string) => `spec.ingress[0].ports[0].${path}: ${rest}`;
  const NAME_RULE = 'a named port is a lower-case IANA service name: up to 15 of a-z, 0-9 and "-", with at least one letter, no "--" and no "-" at either end (e.g. "http", "metrics")';

  test.each([
    [0, 'a whole protocol is written as {protocol: TCP} with no port'],
    [-1, 'use a port between 1 and 65535'],
    [65536, 'use a port between 1 and 65535'],
  ])('port %i is out of range', (value, fix) => {
    expect(findings(withIngressPorts({ port: value }))).toEqual([port('port', `Invalid value: ${value}: must be between 1 and 65535, inclusive | ${fix}`)]);
  });

  test.each([
    ['8080', 'must contain at least one letter (a-z)', 'write the number without quotes (port: 8080); a quoted value is read as a port name'],
    ['Http', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', NAME_RULE],
    ['-http', 'must not begin or end with a hyphen', NAME_RULE],
    // Only a name that is nothing but two numbers reads as a range.
    ['Web8000-9000', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', NAME_RULE],
  ])('port name %j', (value, message, fix) => {
    expect(findings(withIngressPorts({ port: value }))).toEqual([port('port', `Invalid value: ${JSON.stringify(value)}: ${message} | ${fix}`)]);
  });

  test.each(['8000-9000', '8000:9000'])('a range written as the name %j: port and endPort', (value) => {
    const fix = 'write a range as port: 8000 with endPort: 9000';
    expect(findings(withIngressPorts({ port: value }))).toEqual([
      port('port', `Invalid value: "${value}": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-) | ${fix}`),
      port('port', `Invalid value: "${value}": must contain at least one letter (a-z) | ${fix}`),
    ].slice(value.includes(':') ? 0 : 1));
  });

  test('a port of the wrong JSON type: a list, a fraction, another type', () => {
    const decode = (what: string) => `json: cannot unmarshal ${what} into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type intstr.IntOrString`;
    expect(findings(withIngressPorts({ port: [80, 443] }))).toEqual([
      port('port', `${decode('array')} | list several ports as separate items: "- port: 80" and "- port: 443"`),
    ]);
    expect(findings(withIngressPorts({ port: 80.5 }))).toEqual([port('port', `${decode('number 80.5')} | use a whole port number between 1 and 65535`)]);
    for (const [value, what] of [[true, 'bool'], [{ number: 80 }, 'object']]) {
      expect(findings(withIngressPorts({ port: value }))).toEqual([
        port('port', `${decode(String(what))} | use a port number (e.g. port: 443) or a port name (e.g. port: https)`),
      ]);
    }
  });

  test('a port decodes as an int32: its bounds are a range error, one past them a decoding error', () => {
    const decode = (n: number) => `json: cannot unmarshal number ${n} into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type intstr.IntOrString | use a whole port number between 1 and 65535`;
    for (const n of [2147483647, -2147483648]) {
      expect(findings(withIngressPorts({ port: n }))).toEqual([port('port', `Invalid value: ${n}: must be between 1 and 65535, inclusive | use a port between 1 and 65535`)]);
    }
    for (const n of [2147483648, -2147483649]) {
      expect(findings(withIngressPorts({ port: n }))).toEqual([port('port', decode(n))]);
    }
  });

  test('endPort: below port, out of range, beside a named port, without a port', () => {
    expect(findings(withIngressPorts({ port: 9000, endPort: 8000 }))).toEqual([
      port('endPort', 'Invalid value: 8000: must be greater than or equal to `port` | endPort is the last port of the range: use port: 8000 and endPort: 9000'),
    ]);
    expect(findings(withIngressPorts({ port: 80, endPort: 65536 }))).toEqual([
      port('endPort', 'Invalid value: 65536: must be between 1 and 65535, inclusive | use an endPort between 1 and 65535'),
    ]);
    expect(findings(withIngressPorts({ port: 'http', endPort: 8080 }))).toEqual([
      port('endPort', 'Invalid value: 8080: may not be specified when `port` is non-numeric | a range needs numeric ports: give port as a number, or remove endPort'),
    ]);
    for (const value of [undefined, null]) {
      expect(findings(withIngressPorts({ port: value, endPort: 8080 }))).toEqual([
        port('endPort', 'Invalid value: 8080: may not be specified when `port` is not specified | add port with the first port of the range next to endPort: 8080, or remove endPort'),
      ]);
    }
  });

  test('an endPort equal to port is a range of one port', () => {
    expect(findings(withIngressPorts({ port: 8080, endPort: 8080 }))).toEqual([]);
  });

  test('a protocol of the wrong JSON type is a decoding error only', () => {
    expect(findings(withIngressPorts({ protocol: 6, port: 80 }))).toEqual([
      port('protocol', 'json: cannot unmarshal number 6 into Go struct field NetworkPolicyPort.spec.ingress.ports.protocol of type string'
        + ' | quote the value: protocol: "6" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)'),
    ]);
  });
});

describe('ipBlock', () => {
  const CIDR = 'spec.ingress[0].from[0].ipBlock.cidr';
  const EXCEPT = 'spec.ingress[0].from[0].ipBlock.except';
  const INVALID = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
  const block = (ipBlock: unknown) => policy({ podSelector: {}, ingress: [{ from: [{ ipBlock }] }] });

  test('a missing cidr', () => {
    expect(findings(block({ except: ['10.0.0.0/16'] }))).toEqual([`${CIDR}: Required value | set cidr, e.g. cidr: 10.0.0.0/8 (0.0.0.0/0 for every IPv4 address)`]);
  });

  test.each([
    [' 10.0.0.0/8 ', 'remove the surrounding whitespace: "10.0.0.0/8"'],
    ['fe80::1%eth0/64', 'remove the zone (the "%..." part): ipBlock takes a network, not an interface address'],
    ['10.0.0.1', 'add the prefix length, e.g. "10.0.0.1/32" for this single address'],
    ['2001:db8::1', 'add the prefix length, e.g. "2001:db8::1/128" for this single address'],
    ['10.0.0.0/33', 'the prefix length after "/" must be a number from 0 to 32 for IPv4'],
    ['10.0.0.0/', 'the prefix length after "/" must be a number from 0 to 32 for IPv4'],
    ['2001:db8::/129', 'the prefix length after "/" must be a number from 0 to 128 for IPv6'],
    ['10.0/8', 'write an address and prefix length: four decimal octets for IPv4 (e.g. 10.0.0.0/8; no short, octal or hex forms) or IPv6 (e.g. 2001:db8::/64)'],
    ['10.0.0', 'write an address and prefix length: four decimal octets for IPv4 (e.g. 10.0.0.0/8; no short, octal or hex forms) or IPv6 (e.g. 2001:db8::/64)'],
  ])('cidr %j', (cidr, fix) => {
    expect(findings(block({ cidr }))).toEqual([`${CIDR}: Invalid value: ${JSON.stringify(cidr)}: ${INVALID} | ${fix}`]);
  });

  test('a non-canonical cidr: the network, and the single address only when host bits are set', () => {
    expect(findings(block({ cidr: '010.0.0.0/8' }))).toEqual([
      `${CIDR}: Invalid value: "010.0.0.0/8": must not have leading 0s in IP or prefix length | use "10.0.0.0/8"`,
    ]);
    expect(findings(block({ cidr: '010.0.0.1/8' }))).toEqual([
      `${CIDR}: Invalid value: "010.0.0.1/8": must not have leading 0s in IP or prefix length | use "10.0.0.0/8" (or "10.0.0.1/32" for the single address)`,
    ]);
    expect(findings(block({ cidr: '::ffff:10.0.0.1/104' }))).toEqual([
      `${CIDR}: Invalid value: "::ffff:10.0.0.1/104": must not have an IPv4-mapped IPv6 address | use "10.0.0.0/8" (or "10.0.0.1/32" for the single address)`,
    ]);
  });

  test('an except that is not a strict subset: another family, not smaller, or outside', () => {
    expect(findings(block({ cidr: '10.0.0.0/8', except: ['2001:db8::/64', '10.0.0.0/8', '10.0.0.0/7', '11.0.0.0/16', '10.1.0.0/16'] }))).toEqual([
      `${EXCEPT}[0]: Invalid value: "2001:db8::/64": must be a strict subset of \`cidr\` | this except is IPv6 but cidr "10.0.0.0/8" is IPv4: put it in an ipBlock of its own family, or remove it`,
      `${EXCEPT}[1]: Invalid value: "10.0.0.0/8": must be a strict subset of \`cidr\` | an except must be smaller than cidr "10.0.0.0/8" (a prefix longer than /8); to exclude the whole block, remove the peer instead`,
      `${EXCEPT}[2]: Invalid value: "10.0.0.0/7": must be a strict subset of \`cidr\` | an except must be smaller than cidr "10.0.0.0/8" (a prefix longer than /8); to exclude the whole block, remove the peer instead`,
      `${EXCEPT}[3]: Invalid value: "11.0.0.0/16": must be a strict subset of \`cidr\` | an except must lie inside cidr "10.0.0.0/8"; remove it, or widen cidr to cover it`,
    ]);
    expect(findings(block({ cidr: '2001:db8::/32', except: ['10.0.0.0/16'] }))).toEqual([
      `${EXCEPT}[0]: Invalid value: "10.0.0.0/16": must be a strict subset of \`cidr\` | this except is IPv4 but cidr "2001:db8::/32" is IPv6: put it in an ipBlock of its own family, or remove it`,
    ]);
  });

  test('an ipBlock, cidr or except list of the wrong JSON type is a decoding error only', () => {
    expect(findings(block('10.0.0.0/8'))).toEqual([
      'spec.ingress[0].from[0].ipBlock: json: cannot unmarshal string into Go struct field NetworkPolicyPeer.spec.ingress.from.ipBlock of type v1.IPBlock | write ipBlock as a map of fields',
    ]);
    expect(findings(block({ cidr: ['10.0.0.0/8'], except: '10.1.0.0/16' }))).toEqual([
      `${CIDR}: json: cannot unmarshal array into Go struct field IPBlock.spec.ingress.from.ipBlock.cidr of type string | write cidr as a single string`,
      `${EXCEPT}: json: cannot unmarshal string into Go struct field IPBlock.spec.ingress.from.ipBlock.except of type []string | write except as a list, e.g. except: ["10.1.0.0/16"]`,
    ]);
  });
});

describe('label selectors', () => {
  const SELECTOR = 'spec.podSelector';
  const selected = (podSelector: unknown) => findings(policy({ podSelector }));
  const expression = (requirement: Record<string, unknown>) => selected({ matchExpressions: [requirement] });
  const REQ = `${SELECTOR}.matchExpressions[0]`;

  test('matchLabels written as a list: use matchExpressions for several values; as another type: a map', () => {
    expect(selected({ matchLabels: ['app=web'] })).toEqual([
      `${SELECTOR}.matchLabels: json: cannot unmarshal array into Go struct field LabelSelector.spec.podSelector.matchLabels of type map[string]string`
        + ' | matchLabels is a map (key: value), not a list; to match any of several values use matchExpressions: [{key: app, operator: In, values: [a, b]}]',
    ]);
    expect(selected({ matchLabels: 'app=web' })).toEqual([
      `${SELECTOR}.matchLabels: json: cannot unmarshal string into Go struct field LabelSelector.spec.podSelector.matchLabels of type map[string]string`
        + ' | write matchLabels as a map of fields',
    ]);
  });

  test('a selector written as a list or a string: a map, with an example', () => {
    expect(selected([{ matchLabels: { app: 'web' } }])).toEqual([
      `${SELECTOR}: json: cannot unmarshal array into Go struct field NetworkPolicySpec.spec.podSelector of type v1.LabelSelector`
        + ' | write podSelector as a map of fields, not a list (remove the leading "- ") (e.g. podSelector: {matchLabels: {app: web}})',
    ]);
    expect(selected('app=web')).toEqual([
      `${SELECTOR}: json: cannot unmarshal string into Go struct field NetworkPolicySpec.spec.podSelector of type v1.LabelSelector`
        + ' | write podSelector as a map of fields (e.g. podSelector: {matchLabels: {app: web}})',
    ]);
  });

  test('matchLabels keys and values: the rule, and a cleaned-up example', () => {
    expect(selected({ matchLabels: { 'my app': 'web server' } })).toEqual([
      expect.stringMatching(/^spec\.podSelector\.matchLabels: Invalid value: "my app": name part must consist of .* \| a label key is an optional lower-case DNS prefix and "\/", then a name of up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e\.g\. "my-app"$/),
      expect.stringMatching(/^spec\.podSelector\.matchLabels: Invalid value: "web server": a valid label must be .* \| a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e\.g\. "web-server"$/),
    ]);
  });

  test.each([
    ['notin', 'operators are case-sensitive: write "NotIn"'],
    ['exists', 'operators are case-sensitive: write "Exists"'],
    ['Gt', 'Gt and Lt exist only for node affinity; label selectors allow In, NotIn, Exists and DoesNotExist'],
    ['Lt', 'Gt and Lt exist only for node affinity; label selectors allow In, NotIn, Exists and DoesNotExist'],
    ['Equals', 'use one of In, NotIn, Exists, DoesNotExist'],
  ])('operator %j', (operator, fix) => {
    const values = operator.toLowerCase() === 'exists' ? undefined : ['1'];
    expect(expression({ key: 'a', operator, values })).toEqual([`${REQ}.operator: Invalid value: "${operator}": not a valid selector operator | ${fix}`]);
  });

  test('a null operator is the empty operator', () => {
    expect(expression({ key: 'a', operator: null })).toEqual([`${REQ}.operator: Invalid value: "": not a valid selector operator | use one of In, NotIn, Exists, DoesNotExist`]);
  });

  test('values required by In and NotIn, forbidden by Exists and DoesNotExist', () => {
    expect(expression({ key: 'a', operator: 'NotIn' })).toEqual([
      `${REQ}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn' | add at least one value, or use operator Exists to match any value`,
    ]);
    expect(expression({ key: 'a', operator: 'DoesNotExist', values: ['x'] })).toEqual([
      `${REQ}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist' | remove values, or use operator In / NotIn to compare against them`,
    ]);
  });

  test('an operator, key or values of the wrong JSON type is a decoding error, and the checks that need it are skipped', () => {
    const decode = (field: string, what: string, type: string) => `${REQ}.${field}: json: cannot unmarshal ${what} into Go struct field LabelSelectorRequirement.${SELECTOR}.matchExpressions.${field} of type ${type}`;
    expect(expression({ key: 'a', operator: 1, values: ['x'] })).toEqual([
      `${decode('operator', 'number 1', 'string')} | quote the value: operator: "1" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)`,
    ]);
    expect(expression({ key: 'a', operator: 'In', values: 'x' })).toEqual([`${decode('values', 'string', '[]string')} | write values as a list, e.g. values: ["x"]`]);
    expect(expression({ key: 'a', operator: 'Exists', values: {} })).toEqual([`${decode('values', 'object', '[]string')} | write values as a list: start each item with "- "`]);
    expect(expression({ key: ['a'], operator: 'Exists' })).toEqual([`${decode('key', 'array', 'string')} | write key as a single string`]);
  });

  test('null values decode to the empty value, which is valid', () => {
    expect(expression({ key: 'a', operator: 'In', values: [null, 'b'] })).toEqual([]);
  });

  test('an expression value of the wrong JSON type is a decoding error; a bad one gets a cleaned-up example', () => {
    expect(expression({ key: 'a', operator: 'In', values: [true, 'web*'] })).toEqual([
      `${REQ}.values[0]: json: cannot unmarshal bool into Go struct field LabelSelectorRequirement.${SELECTOR}.matchExpressions.values of type string`
        + ' | quote the value: values: "true" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)',
      expect.stringMatching(/^spec\.podSelector\.matchExpressions\[0\]\.values\[1\]: Invalid value: "web\*": a valid label must be .* \| a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e\.g\. "web"$/),
    ]);
  });
});

describe('metadata', () => {
  const meta = (metadata: Record<string, unknown>) => findings(policy({ podSelector: {} }, metadata));
  const KEY_RULE = 'a label key is an optional lower-case DNS prefix and "/", then a name of up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit';
  const NAME_RULE = 'use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters';

  test('a missing name: what to set', () => {
    expect(meta({ name: undefined })).toEqual(['metadata.name: Required value: name or generateName is required | set metadata.name, e.g. name: allow-web']);
  });

  test('a name that is not a string is a decoding error, not a missing name', () => {
    expect(meta({ name: true })).toEqual([
      'metadata.name: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string'
        + ' | quote the value: name: "true" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)',
    ]);
  });

  test('names, generated names and namespaces: the rule, and a cleaned-up example', () => {
    expect(meta({ name: 'Web_API' })).toEqual([expect.stringMatching(new RegExp(`^metadata\\.name: Invalid value: "Web_API": .* \\| ${NAME_RULE}, e\\.g\\. "web-api"$`))]);
    expect(meta({ name: undefined, generateName: 'Web-' })).toEqual([
      expect.stringMatching(new RegExp(`^metadata\\.generateName: Invalid value: "Web-": .* \\| ${NAME_RULE}, e\\.g\\. "web"$`)),
    ]);
    expect(meta({ namespace: 'Team_A' })).toEqual([
      expect.stringMatching(/^metadata\.namespace: Invalid value: "Team_A": .* \| use lower-case letters, digits and "-" \(no dots\), starting and ending with a letter or digit, at most 63 characters, e\.g\. "team-a"$/),
    ]);
  });

  test('label keys, label values and annotation keys: the rule, and a cleaned-up example', () => {
    expect(meta({ labels: { 'Team/app': 'a b' }, annotations: { 'x/y/z': 'anything' } })).toEqual([
      expect.stringMatching(new RegExp(`^metadata\\.labels: Invalid value: "Team/app": prefix part .* \\| ${KEY_RULE}, e\\.g\\. "team/app"$`)),
      expect.stringMatching(/^metadata\.labels: Invalid value: "a b": .* \| a label value is empty or up to 63 letters, digits, "-", "_" or "." that starts and ends with a letter or digit, e\.g\. "a-b"$/),
      expect.stringMatching(new RegExp(`^metadata\\.annotations: Invalid value: "x/y/z": .* \\| ${KEY_RULE}, e\\.g\\. "x/y-z"$`)),
    ]);
  });

  test('annotations over 256 KiB: the total in bytes', () => {
    expect(meta({ annotations: { a: 'b'.repeat(131072), c: 'é'.repeat(65536) } })).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes | shorten or remove annotations: they total 262146 bytes',
    ]);
  });

  test('finalizers: each a qualified name, not both orphan and foregroundDeletion', () => {
    expect(meta({ finalizers: ['bad finalizer!'] })).toEqual([
      expect.stringMatching(new RegExp(`^metadata\\.finalizers: Invalid value: "bad finalizer!": name part .* \\| ${KEY_RULE}, e\\.g\\. "bad-finalizer"$`)),
    ]);
    expect(meta({ finalizers: ['orphan', 'example.com/x', 'foregroundDeletion'] })).toEqual([
      'metadata.finalizers: Invalid value: ["orphan","example.com/x","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set'
        + ' | keep one of orphan (leave dependents) and foregroundDeletion (delete them first)',
    ]);
  });

  test('a finalizer that is not a string is a decoding error at its index; null decodes to "", an empty name', () => {
    expect(meta({ finalizers: ['example.com/x', 7] })).toEqual([
      'metadata.finalizers[1]: json: cannot unmarshal number 7 into Go struct field ObjectMeta.metadata.finalizers of type string'
        + ' | quote the value: finalizers: "7" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)',
    ]);
    expect(meta({ finalizers: [null] })).toEqual([
      `metadata.finalizers: Invalid value: "": name part must be non-empty | ${KEY_RULE}, e.g. "app" or "example.com/tier"`,
      expect.stringMatching(new RegExp(`^metadata\\.finalizers: Invalid value: "": name part must consist of .* \\| ${KEY_RULE}, e\\.g\\. "app" or "example\\.com/tier"$`)),
    ]);
  });
});

describe('policyTypes', () => {
  const types = (policyTypes: unknown[]) => findings(policy({ podSelector: {}, policyTypes }));

  test('more than two: list each type at most once', () => {
    expect(types(['Ingress', 'Egress', 'Ingress'])).toEqual([
      'spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes | list "Ingress" and/or "Egress", each at most once',
    ]);
  });

  test('policyTypes that is not a list: a list, with the string as its item when it is one', () => {
    const decode = (what: string) => `spec.policyTypes: json: cannot unmarshal ${what} into Go struct field NetworkPolicySpec.spec.policyTypes of type []v1.PolicyType`;
    expect(findings(policy({ podSelector: {}, policyTypes: true }))).toEqual([`${decode('bool')} | write policyTypes as a list`]);
    expect(findings(policy({ podSelector: {}, policyTypes: 'Egress' }))).toEqual([`${decode('string')} | write policyTypes as a list, e.g. policyTypes: ["Egress"]`]);
    expect(findings(policy({ podSelector: {}, policyTypes: { Ingress: true } }))).toEqual([`${decode('object')} | write policyTypes as a list: start each item with "- "`]);
  });

  test('an unknown type, and a null one (the empty type)', () => {
    expect(types(['Both', null])).toEqual([
      'spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress" | use "Ingress" or "Egress"',
      'spec.policyTypes[1]: Unsupported value: "": supported values: "Ingress", "Egress" | use "Ingress" or "Egress"',
    ]);
  });

  test('an entry of the wrong JSON type is a decoding error, and then neither the count nor the values are checked', () => {
    const decode = 'json: cannot unmarshal number 3 into Go struct field NetworkPolicySpec.spec.policyTypes of type string'
      + ' | quote the value: policyTypes: "3" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)';
    expect(types(['ingress', 3])).toEqual([`spec.policyTypes[1]: ${decode}`]);
    expect(types(['Ingress', 'Egress', 3])).toEqual([`spec.policyTypes[2]: ${decode}`]);
  });
});

describe('values as written in the file', () => {
  const written = (texts: Record<string, string>) => ({ writtenAs: (path: string) => texts[path] });
  const fixesOf = (manifest: unknown, texts: Record<string, string>) => validateNetworkPolicy(manifest, written(texts)).map((d) => `${d.fieldPath} | ${d.fix}`);

  test('a string field: the text as written is quoted, and what YAML made of it is said', () => {
    const manifest = policy({ podSelector: { matchLabels: { tier: true, version: 1.1, replicas: 3 } } });
    expect(fixesOf(manifest, {
      'spec.podSelector.matchLabels.tier': 'on',
      'spec.podSelector.matchLabels.version': '1.10',
      'spec.podSelector.matchLabels.replicas': '3',
    })).toEqual([
      'spec.podSelector.matchLabels.tier | quote the value: tier: "on" (unquoted, on is read as the boolean true)',
      'spec.podSelector.matchLabels.version | quote the value: version: "1.10" (unquoted, 1.10 is read as the number 1.1)',
      'spec.podSelector.matchLabels.replicas | quote the value: replicas: "3" (YAML reads unquoted true, false, yes, no, on, off and numbers as non-strings)',
    ]);
  });

  test('an int32 field: a number written another way, a quoted number, and text', () => {
    expect(fixesOf(withIngressPorts({ port: 80, endPort: 1e10 }, { port: 80, endPort: ' 90 ' }, { port: 80, endPort: '9o' }, { port: 80, endPort: false }), {
      'spec.ingress[0].ports[0].endPort': '1e10',
    })).toEqual([
      'spec.ingress[0].ports[0].endPort | endPort: 1e10 is read as the number 10000000000; use a whole number from 1 to 65535, e.g. endPort: 8080',
      'spec.ingress[0].ports[1].endPort | remove the quotes: endPort: 90',
      'spec.ingress[0].ports[2].endPort | write endPort as a plain number, e.g. endPort: 8080',
      'spec.ingress[0].ports[3].endPort | write endPort as a plain number, e.g. endPort: 8080',
    ]);
  });
});
