/**
 * Audit of validation against docs/semantics.md#validation (A.1 to A.7) with tricky inputs, through
 * NetworkPolicyValidator.validate and `cdk8s-netpol validate`.
 */
import * as path from 'path';
import { Severity } from '../../src/validation/severity';
import { NetworkPolicyValidator, ValidationProblem } from '../../src/validation/validator';
import { runCli } from '../cli/run-cli';

function np(spec: any): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'x' }, spec };
}
const ingressFrom = (peer: any): any => np({ podSelector: {}, ingress: [{ from: [peer] }] });
const ingressPorts = (...ports: any[]): any => np({ podSelector: {}, ingress: [{ ports }] });
const ipBlock = (cidr: string, except?: string[]): any => ingressFrom({ ipBlock: except ? { cidr, except } : { cidr } });

function errors(manifest: any, strictCidr?: boolean): string[] {
  return NetworkPolicyValidator.validate(manifest, strictCidr === undefined ? undefined : { strictCidr })
    .filter((p) => p.severity === Severity.ERROR)
    .map(line);
}
function warnings(manifest: any, strictCidr?: boolean): string[] {
  return NetworkPolicyValidator.validate(manifest, strictCidr === undefined ? undefined : { strictCidr })
    .filter((p) => p.severity === Severity.WARNING)
    .map(line);
}
function line(p: ValidationProblem): string {
  return `${p.fieldPath}: ${p.message}`;
}

const EXCEPT0 = 'spec.ingress[0].from[0].ipBlock.except[0]';
const CIDR = 'spec.ingress[0].from[0].ipBlock.cidr';
const PORT0 = 'spec.ingress[0].ports[0]';

describe('A.6 ipBlock', () => {
  test('an except equal to the cidr is not a strict subset', () => {
    expect(errors(ipBlock('10.0.0.0/8', ['10.0.0.0/8']))).toEqual([`${EXCEPT0}: Invalid value: "10.0.0.0/8": must be a strict subset of \`cidr\``]);
  });

  test('an except of the other family, a supernet or a disjoint block is not a strict subset', () => {
    for (const e of ['fd00::/64', '10.0.0.0/7', '11.0.0.0/16']) {
      expect(errors(ipBlock('10.0.0.0/8', [e]))).toEqual([`${EXCEPT0}: Invalid value: "${e}": must be a strict subset of \`cidr\``]);
    }
  });

  test('a strict sub-block is valid, in both families', () => {
    expect(errors(ipBlock('10.0.0.0/8', ['10.1.0.0/16', '10.255.255.255/32']))).toEqual([]);
    expect(errors(ipBlock('2001:db8::/32', ['2001:db8:1::/48']))).toEqual([]);
  });

  test('the subset test uses the masked cidr when host bits are tolerated', () => {
    expect(errors(ipBlock('10.0.0.1/8', ['10.1.0.0/16']), false)).toEqual([]);
    expect(errors(ipBlock('10.0.0.1/8', ['10.1.0.0/16']), true)).toEqual([`${CIDR}: Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length`]);
  });

  test('a leading zero in the prefix length is an error when strict and a warning otherwise', () => {
    expect(errors(ipBlock('10.0.0.0/08'), true)).toEqual([`${CIDR}: Invalid value: "10.0.0.0/08": must not have leading 0s in IP or prefix length`]);
    expect(errors(ipBlock('10.0.0.0/08'), false)).toEqual([]);
    expect(warnings(ipBlock('10.0.0.0/08'), false).join('\n')).toContain('10.0.0.0/08');
  });

  test('a leading zero in an octet is an error when strict', () => {
    expect(errors(ipBlock('010.0.0.0/8'), true)).toEqual([`${CIDR}: Invalid value: "010.0.0.0/8": must not have leading 0s in IP or prefix length`]);
  });

  test('an IPv4-mapped IPv6 cidr is an error when strict and a warning otherwise', () => {
    expect(errors(ipBlock('::ffff:1.2.3.0/120'), true)).toEqual([`${CIDR}: Invalid value: "::ffff:1.2.3.0/120": must not have an IPv4-mapped IPv6 address`]);
    expect(errors(ipBlock('::ffff:1.2.3.0/120'), false)).toEqual([]);
    expect(warnings(ipBlock('::ffff:1.2.3.0/120'), false)).toHaveLength(1);
  });

  test('strict validation is the default', () => {
    expect(errors(ipBlock('192.168.1.5/24'))).toEqual([`${CIDR}: Invalid value: "192.168.1.5/24": must not have bits set beyond the prefix length`]);
  });

  test('non-canonical IPv6 is only a warning, even when strict', () => {
    expect(errors(ipBlock('FD00::/8'), true)).toEqual([]);
    expect(warnings(ipBlock('FD00::/8'), true).join('\n')).toContain('fd00::/8');
  });

  test('an unparseable cidr is reported and its excepts are not checked', () => {
    expect(errors(ipBlock('10.0.0.0', ['banana']))).toEqual([
      `${CIDR}: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
    ]);
  });

  test('a missing cidr is required', () => {
    expect(errors(ingressFrom({ ipBlock: {} }))).toEqual([`${CIDR}: Required value`]);
  });
});

describe('A.5 peers', () => {
  test('from: [{}] must specify a peer', () => {
    expect(errors(ingressFrom({}))).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
  });

  test('a peer whose fields are all null must specify a peer', () => {
    expect(errors(ingressFrom({ podSelector: null, namespaceSelector: null, ipBlock: null }))).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
  });

  test('ipBlock together with podSelector is forbidden', () => {
    expect(errors(ingressFrom({ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } })))
      .toEqual(['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer']);
  });

  test('from: [], ingress: [{}], egress: [{}] and a missing podSelector are valid', () => {
    expect(errors(np({ podSelector: {}, ingress: [{ from: [] }] }))).toEqual([]);
    expect(errors(np({ ingress: [{}], egress: [{}] }))).toEqual([]);
  });

  test('the same rules hold for egress to[]', () => {
    expect(errors(np({ podSelector: {}, egress: [{ to: [{}] }] }))).toEqual(['spec.egress[0].to[0]: Required value: must specify a peer']);
  });
});

describe('A.4 ports', () => {
  test('a quoted number is a named port without a letter', () => {
    expect(errors(ingressPorts({ port: '80' }))).toEqual([`${PORT0}.port: Invalid value: "80": must contain at least one letter (a-z)`]);
  });

  test('endPort with a named port is rejected', () => {
    expect(errors(ingressPorts({ port: 'http', endPort: 90 }))).toEqual([`${PORT0}.endPort: Invalid value: 90: may not be specified when \`port\` is non-numeric`]);
  });

  test('endPort without port is rejected', () => {
    expect(errors(ingressPorts({ endPort: 90 }))).toEqual([`${PORT0}.endPort: Invalid value: 90: may not be specified when \`port\` is not specified`]);
  });

  test('endPort below port is rejected with the endPort value; equal is fine', () => {
    expect(errors(ingressPorts({ port: 90, endPort: 80 }))).toEqual([`${PORT0}.endPort: Invalid value: 80: must be greater than or equal to \`port\``]);
    expect(errors(ingressPorts({ port: 80, endPort: 80 }))).toEqual([]);
  });

  test('port 0 and 65536 are out of range; 1 and 65535 are fine', () => {
    expect(errors(ingressPorts({ port: 0 }))).toEqual([`${PORT0}.port: Invalid value: 0: must be between 1 and 65535, inclusive`]);
    expect(errors(ingressPorts({ port: 65536 }))).toEqual([`${PORT0}.port: Invalid value: 65536: must be between 1 and 65535, inclusive`]);
    expect(errors(ingressPorts({ port: 1, endPort: 65535 }))).toEqual([]);
  });

  test('a lowercase protocol is unsupported', () => {
    expect(errors(ingressPorts({ protocol: 'tcp', port: 80 }))).toEqual([`${PORT0}.protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"`]);
  });

  test('every failing port-name rule gives its own error', () => {
    const found = errors(ingressPorts({ port: '-a--b_' }));
    expect(found).toEqual(expect.arrayContaining([
      `${PORT0}.port: Invalid value: "-a--b_": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
      `${PORT0}.port: Invalid value: "-a--b_": must not contain consecutive hyphens`,
      `${PORT0}.port: Invalid value: "-a--b_": must not begin or end with a hyphen`,
    ]));
    expect(found).toHaveLength(3);
    expect(errors(ingressPorts({ port: 'abcdefghijklmnop' }))).toEqual([`${PORT0}.port: Invalid value: "abcdefghijklmnop": must be no more than 15 characters`]);
  });

  test('ports: [{}] is valid', () => {
    expect(errors(ingressPorts({}))).toEqual([]);
  });
});

describe('A.7 policyTypes', () => {
  test('duplicates are valid', () => {
    expect(errors(np({ podSelector: {}, policyTypes: ['Ingress', 'Ingress'] }))).toEqual([]);
  });

  test('three entries are rejected once, and the entries are not examined', () => {
    const found = errors(np({ podSelector: {}, policyTypes: ['Ingress', 'Egress', 'bogus'] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^spec\.policyTypes: Invalid value: .*may not specify more than two policyTypes$/);
  });

  test('a lowercase type is unsupported', () => {
    expect(errors(np({ podSelector: {}, policyTypes: ['ingress'] }))).toEqual(['spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"']);
  });
});

describe('A.2 / A.3 selectors and labels', () => {
  const withPodSelector = (podSelector: any): any => np({ podSelector });

  test('In without values is required', () => {
    expect(errors(withPodSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })))
      .toEqual(['spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'']);
    expect(errors(withPodSelector({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] })))
      .toEqual(['spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'']);
  });

  test('Exists with values is forbidden', () => {
    expect(errors(withPodSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })))
      .toEqual(['spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'']);
  });

  test('Gt is not a valid selector operator', () => {
    expect(errors(withPodSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })))
      .toEqual(['spec.podSelector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator']);
  });

  test('a 64-character label value is too long; 63 is fine', () => {
    const v64 = 'a'.repeat(64);
    const found = errors(withPodSelector({ matchLabels: { app: v64 } }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^spec\\.podSelector\\.matchLabels: Invalid value: "${v64}": must be no more than 63 (bytes|characters)$`));
    expect(errors(withPodSelector({ matchLabels: { app: 'a'.repeat(63) } }))).toEqual([]);
  });

  test('a label value in matchExpressions values is checked', () => {
    const found = errors(withPodSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['bad space'] }] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^spec\.podSelector\.matchExpressions\[0\]\.values\[0\]: Invalid value: "bad space": a valid label must be an empty string/);
  });

  test('an upper-case prefix in a label key is invalid, an upper-case name is fine', () => {
    expect(errors(withPodSelector({ matchLabels: { 'Example.com/app': 'x' } }))).toHaveLength(1);
    expect(errors(withPodSelector({ matchLabels: { 'example.com/App': 'x' } }))).toEqual([]);
  });

  test('an empty value and a contradictory selector are valid', () => {
    expect(errors(withPodSelector({ matchLabels: { a: '' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }, { key: 'a', operator: 'NotIn', values: ['x'] }] }))).toEqual([]);
  });
});

describe('cdk8s-netpol validate', () => {
  test('reports each invalid policy of a file with its field path and exits 1', () => {
    const run = runCli('validate', path.join(__dirname, 'fixtures', 'invalid-policy.yaml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/invalid-policy\.yaml:\d+: x\/bad: spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive/);
    expect(run.stdout).toMatch(/x\/Upper: metadata\.name: Invalid value: "Upper": a lowercase RFC 1123 subdomain/);
  });

  test('accepts the valid fixtures', () => {
    for (const f of ['except-ingress.yaml', 'except-egress.yaml']) {
      expect(runCli('validate', path.join(__dirname, 'fixtures', f)).code).toBe(0);
    }
  });
});
