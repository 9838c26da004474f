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
