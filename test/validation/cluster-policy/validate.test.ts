import { DOMAIN_NAME_PATTERN } from '../../../src/validation/cluster-policy/crd-schemas';
import { claimsClusterPolicyKind, validateClusterPolicy } from '../../../src/validation/cluster-policy/validate';
import { ClusterPolicyValidator, CrdChannel } from '../../../src/validation/cluster-policy/validator';

/** The API server's wording for each kind of schema finding, the fixes, and what is accepted with a warning. */

const cnp = (spec: any, metadata: any = { name: 'p' }) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata, spec });
const anp = (spec: any) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'p' }, spec });
const admin = { tier: 'Admin', priority: 1, subject: { namespaces: {} } };

function lines(object: unknown, channel: 'standard' | 'experimental' = 'standard'): string[] {
  return validateClusterPolicy(object, { channel }).map((d) => `${d.severity} ${d.fieldPath || '<nil>'}: ${d.message}`);
}

function only(object: unknown, channel: 'standard' | 'experimental' = 'standard') {
  const found = validateClusterPolicy(object, { channel }).filter((d) => d.rule !== 'cel-not-checked');
  expect(found).toHaveLength(1);
  return found[0];
}

describe('schema findings in the API server\'s words', () => {
  test.each([
    ['a missing tier', { priority: 1, subject: { namespaces: {} } }, 'spec.tier', 'Required value', 'tier: Admin'],
    ['a lower-case tier', { ...admin, tier: 'admin' }, 'spec.tier', 'Unsupported value: "admin": supported values: "Admin", "Baseline"', 'write tier: Admin'],
    ['a quoted priority', { ...admin, priority: '10' }, 'spec.priority', 'Invalid value: "string": spec.priority in body must be of type integer: "string"', 'priority: 10'],
    ['a priority above 1000', { ...admin, priority: 1001 }, 'spec.priority', 'Invalid value: 1001: spec.priority in body should be less than or equal to 1000', '0 to 1000'],
    ['two subjects', { ...admin, subject: { namespaces: {}, pods: { podSelector: {} } } }, 'spec.subject', 'Too many: 2: must have at most 1 items', 'exactly one'],
    ['an empty subject', { ...admin, subject: {} }, 'spec.subject', 'Invalid value: 0: spec.subject in body should have at least 1 properties', 'exactly one'],
    ['a null member (dropped, then the one-of is empty)', { ...admin, subject: { namespaces: null } }, 'spec.subject',
      'Invalid value: 0: spec.subject in body should have at least 1 properties', 'exactly one'],
    ['an empty from', { ...admin, ingress: [{ action: 'Deny', from: [] }] }, 'spec.ingress[0].from',
      'Invalid value: 0: spec.ingress[0].from in body should have at least 1 items', 'namespaces: {}'],
    ['26 ingress rules', { ...admin, ingress: Array.from({ length: 26 }, () => ({ action: 'Deny', from: [{ namespaces: {} }] })) }, 'spec.ingress',
      'Too many: 26: must have at most 25 items', 'at most 25'],
    ['a rule name of 101 bytes', { ...admin, ingress: [{ name: 'x'.repeat(101), action: 'Deny', from: [{ namespaces: {} }] }] }, 'spec.ingress[0].name',
      'Too long: may not be more than 100 bytes', 'at most 100'],
    ['a tcp entry without a port', { ...admin, ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ tcp: {} }] }] },
      'spec.ingress[0].protocols[0].tcp', 'Invalid value: 0: spec.ingress[0].protocols[0].tcp in body should have at least 1 properties', 'no protocol-only form'],
    ['port 0', { ...admin, ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ udp: { destinationPort: { number: 0 } } }] }] },
      'spec.ingress[0].protocols[0].udp.destinationPort.number',
      'Invalid value: 0: spec.ingress[0].protocols[0].udp.destinationPort.number in body should be greater than or equal to 1', '1 to 65535'],
    ['a repeated network', { ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }] }] },
      'spec.egress[0].to[0].networks[1]', 'Duplicate value: "10.0.0.0/8"', 'remove'],
    ['v1alpha1 ports in a v1alpha2 rule', { ...admin, ingress: [{ action: 'Deny', from: [{ namespaces: {} }], ports: [{ portNumber: { port: 80 } }] }] },
      'spec.ingress[0].ports', 'strict decoding error: unknown field "spec.ingress[0].ports"', 'protocols'],
    ['an ipBlock peer', { ...admin, egress: [{ action: 'Deny', to: [{ ipBlock: { cidr: '10.0.0.0/8' }, networks: ['10.0.0.0/8'] }] }] },
      'spec.egress[0].to[0].ipBlock', 'strict decoding error: unknown field "spec.egress[0].to[0].ipBlock"', 'networks'],
    ['a lists given as a map', { ...admin, ingress: { action: 'Deny' } }, 'spec.ingress',
      'Invalid value: "object": spec.ingress in body must be of type array: "object"', 'as a list'],
  ])('%s', (_, spec, path, message, fix) => {
    const d = only(cnp(spec));
    expect([d.fieldPath, d.message]).toEqual([path, message]);
    expect(d.fix).toContain(fix);
  });

  test('the pre-v0.1.3 NamespacedPeer shape: unknown, and then an empty one-of (pruned, it would select every namespace)', () => {
    const object = anp({ priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: { namespaceSelector: { matchLabels: { a: 'b' } } } }] }] });
    const found = validateClusterPolicy(object);
    expect(found.map((d) => d.fieldPath)).toEqual(['spec.ingress[0].from[0].namespaces.namespaceSelector']);
    expect(found[0].fix).toContain('every namespace');
  });

  test('a peer with two members, and one whose only field is unknown (pruned: then it is empty)', () => {
    const two = only(cnp({ ...admin, ingress: [{ action: 'Deny', from: [{ namespaces: {}, pods: { podSelector: {} } }] }] }));
    expect([two.fieldPath, two.message]).toEqual(['spec.ingress[0].from[0]', 'Too many: 2: must have at most 1 items']);
    expect(two.fix).toContain('split it into several entries of from');
    const unknownOnly = validateClusterPolicy(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }));
    expect(unknownOnly.map((d) => [d.fieldPath, d.message])).toEqual([
      ['spec.egress[0].to[0].ipBlock', 'strict decoding error: unknown field "spec.egress[0].to[0].ipBlock"'],
      ['spec.egress[0].to[0]', 'Invalid value: 0: spec.egress[0].to[0] in body should have at least 1 properties'],
    ]);
    expect(unknownOnly[1].fix).toContain('exactly one of namespaces, pods or networks');
  });

  test('experimental peers are unknown fields in the standard channel, with the way out in the fix', () => {
    const object = cnp({ ...admin, egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }] });
    const found = validateClusterPolicy(object).filter((d) => d.rule === 'unknown-field');
    expect(found.map((d) => d.fieldPath)).toEqual(['spec.egress[0].to[0].domainNames']);
    expect(found[0].fix).toContain('experimental channel');
    expect(lines(object, 'experimental')).toEqual([]);
  });

  test('v1alpha1 defaulting: a portNumber without protocol is TCP, not a missing field', () => {
    expect(lines(anp({ priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ports: [{ portNumber: { port: 80 } }] }] }))).toEqual([]);
  });

  test('v1alpha1 requires namespaceSelector in a pods subject; v1alpha2 does not', () => {
    expect(lines(anp({ priority: 0, subject: { pods: { podSelector: {} } } }))).toEqual([
      'error spec.subject.pods.namespaceSelector: Required value',
      'info <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
    expect(lines(cnp({ ...admin, subject: { pods: { podSelector: {} } } }))).toEqual([
      'info spec.subject.pods: pods without namespaceSelector are the matching pods of every namespace (a cluster policy has no namespace of its own)',
    ]);
    expect(lines(cnp({ ...admin, subject: { pods: { namespaceSelector: {}, podSelector: {} } } }))).toEqual([]);
  });

  test('actions are spelled per version, and the fix says so', () => {
    expect(only(cnp({ ...admin, ingress: [{ action: 'Allow', from: [{ namespaces: {} }] }] })).fix).toBe('ClusterNetworkPolicy spells it Accept: write action: Accept');
    expect(only(anp({ priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Accept', from: [{ namespaces: {} }] }] })).fix).toBe('v1alpha1 spells it Allow: write action: Allow');
  });
});

describe('kind, apiVersion and metadata', () => {
  test('an AdminNetworkPolicy under v1alpha2 points to ClusterNetworkPolicy', () => {
    const d = only({ ...anp({}), apiVersion: 'policy.networking.k8s.io/v1alpha2' });
    expect([d.fieldPath, d.message]).toEqual(['apiVersion', 'Invalid value: "policy.networking.k8s.io/v1alpha2": no kind "AdminNetworkPolicy" is registered for version "policy.networking.k8s.io/v1alpha2"']);
    expect(d.fix).toContain('ClusterNetworkPolicy with tier: Admin');
  });

  test('a kind in the wrong case', () => {
    expect(only({ ...cnp(admin), kind: 'clusterNetworkPolicy' }).fix).toBe('kinds are case-sensitive: write kind: ClusterNetworkPolicy');
  });

  test('the object name is a DNS subdomain', () => {
    const d = only(cnp(admin, { name: 'Guard_rail' }));
    expect(d.fieldPath).toBe('metadata.name');
    expect(d.message).toMatch(/^Invalid value: "Guard_rail": a lowercase RFC 1123 subdomain/);
  });

  test('a namespace is cleared by the server: a warning, not an error', () => {
    expect(lines(cnp(admin, { name: 'p', namespace: 'shop' }))).toEqual([
      'warning metadata.namespace: ClusterNetworkPolicy is cluster-scoped: the API server clears metadata.namespace ("shop")',
    ]);
  });

  test('not an object at all', () => {
    expect(lines('text')).toEqual(['error <nil>: a cluster network policy must be a map of fields, got string']);
  });
});

describe('accepted, but probably a mistake (warnings, spec A.9)', () => {
  test.each([
    ['an operator selectors do not know', cnp({ ...admin, subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } } }),
      'spec.subject.namespaces.matchExpressions[0].operator', 'selector-operator'],
    ['In without values', cnp({ ...admin, ingress: [{ action: 'Deny', from: [{ pods: { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } } }] }] }),
      'spec.ingress[0].from[0].pods.podSelector.matchExpressions[0].values', 'selector-values-required'],
    ['a CIDR with host bits', cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.1/8'] }] }] }), 'spec.egress[0].to[0].networks[0]', 'networks-host-bits'],
    ['domain names in a Deny rule', cnp({ ...admin, egress: [{ action: 'Deny', to: [{ domainNames: ['example.com'] }] }] }), 'spec.egress[0].to[0].domainNames', 'domain-names-action'],
    ['a v1alpha1 protocol in lower case', anp({ priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ports: [{ portNumber: { protocol: 'tcp', port: 80 } }] }] }),
      'spec.ingress[0].ports[0].portNumber.protocol', 'port-protocol'],
    ['a v1alpha2 pods peer without namespaceSelector (a note: every namespace)', cnp({ ...admin, egress: [{ action: 'Deny', to: [{ pods: { podSelector: {} } }] }] }),
      'spec.egress[0].to[0].pods', 'pods-in-all-namespaces'],
    ['an inverted v1alpha1 range', anp({ priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ports: [{ portRange: { start: 90, end: 80 } }] }] }),
      'spec.ingress[0].ports[0].portRange', 'port-range-order'],
  ])('%s', (_, object, path, rule) => {
    const found = validateClusterPolicy(object, { channel: 'experimental' });
    // Every item is a warning, but for the note on pods in every namespace, which is often meant.
    const severity = rule === 'pods-in-all-namespaces' ? 'info' : 'warning';
    expect(found.map((d) => [d.severity, d.fieldPath, d.rule])).toEqual([[severity, path, rule]]);
  });
});

describe('the DomainName pattern, typo included (A.8)', () => {
  const pattern = new RegExp(DOMAIN_NAME_PATTERN);
  test.each([
    ['kubernetes.io', true], ['example.com.', true], ['Example.COM', true], ['*.kubernetes.io', true], ['_sip.example.com', true],
    ['^.com', true], ['1.2.3.4', true], ['x.y_z', true],
    ['localhost', false], ['io', false], ['*.io', false], ['*example.com', false], ['ex*.com', false], ['*.*.example.com', false], ['a_.com', false], ['-a.com', false],
  ])('%j → %s', (name, accepted) => {
    expect(pattern.test(name)).toBe(accepted);
  });
});

describe('ClusterPolicyValidator (public API)', () => {
  const object = cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0'] }] }] });

  test('validate and isValid', () => {
    const problems = ClusterPolicyValidator.validate(object);
    expect(problems.map((p) => p.fieldPath)).toEqual(['spec.egress[0].to[0].networks[0]']);
    expect(ClusterPolicyValidator.isValid(object)).toBe(false);
    expect(ClusterPolicyValidator.isValid(cnp(admin))).toBe(true);
  });

  test('the channel option', () => {
    const withNodes = cnp({ ...admin, egress: [{ action: 'Accept', to: [{ nodes: {} }] }] });
    expect(ClusterPolicyValidator.isValid(withNodes)).toBe(false);
    expect(ClusterPolicyValidator.isValid(withNodes, { channel: CrdChannel.EXPERIMENTAL })).toBe(true);
  });

  test('formatProblem prints the field path, the message and the fix; <nil> for the object itself', () => {
    const [problem] = ClusterPolicyValidator.validate(object);
    expect(ClusterPolicyValidator.formatProblem(problem)).toBe(
      'spec.egress[0].to[0].networks[0]: Invalid value: "string": Invalid CIDR format provided Fix: add the prefix length, e.g. "10.0.0.0/32"');
    const [singleton] = ClusterPolicyValidator.validate({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'x' }, spec: { subject: { namespaces: {} } } });
    expect(ClusterPolicyValidator.formatProblem(singleton)).toMatch(/^<nil>: Invalid value: "object": Only one baseline admin network policy/);
  });
});

describe('whole findings, field by field', () => {
  const all = (object: unknown, channel: 'standard' | 'experimental' = 'standard') => validateClusterPolicy(object, { channel });

  test('a namespace on a cluster-scoped object is cleared by the server: a warning, and none for an empty or null one', () => {
    expect(all(cnp(admin, { name: 'p', namespace: 'x' }))).toEqual([{
      severity: 'warning',
      rule: 'cluster-scoped-namespace',
      fieldPath: 'metadata.namespace',
      message: 'ClusterNetworkPolicy is cluster-scoped: the API server clears metadata.namespace ("x")',
      fix: 'remove metadata.namespace',
    }]);
    expect(all(cnp(admin, { name: 'p', namespace: '' }))).toEqual([]);
    expect(all(cnp(admin, { name: 'p', namespace: null }))).toEqual([]);
  });

  test('a kind the group does not have, and one in the wrong case', () => {
    const ofKind = (kind: string) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind, metadata: { name: 'p' } });
    expect(all(ofKind('Foo'))).toEqual([{
      severity: 'error',
      rule: 'kind',
      fieldPath: 'kind',
      message: 'Invalid value: "Foo": no kind "Foo" is registered for policy.networking.k8s.io/v1alpha2',
      fix: 'use kind: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2), or AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1)',
    }]);
    expect(all(ofKind('clusternetworkpolicy'))[0]).toMatchObject({
      message: 'Invalid value: "clusternetworkpolicy": no kind "clusternetworkpolicy" is registered for policy.networking.k8s.io/v1alpha2',
      fix: 'kinds are case-sensitive: write kind: ClusterNetworkPolicy',
    });
  });

  test('Exists and DoesNotExist with values are accepted with a warning each; In with values is fine', () => {
    const expressions = [{ key: 'a', operator: 'Exists', values: ['x'] }, { key: 'b', operator: 'DoesNotExist', values: ['y'] }, { key: 'c', operator: 'In', values: ['z'] }];
    expect(all(cnp({ ...admin, subject: { namespaces: { matchExpressions: expressions } } }))).toEqual([
      { severity: 'warning', rule: 'selector-values-forbidden', fieldPath: 'spec.subject.namespaces.matchExpressions[0].values', message: 'Exists takes no values', fix: 'remove values' },
      { severity: 'warning', rule: 'selector-values-forbidden', fieldPath: 'spec.subject.namespaces.matchExpressions[1].values', message: 'DoesNotExist takes no values', fix: 'remove values' },
    ]);
    expect(all(cnp({ ...admin, subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Exists', values: [] }, { key: 'c', operator: 'NotIn', values: ['z'] }] } } }))).toEqual([]);
  });

  test('what is accepted but suspicious is not reported beside an error: the object is refused anyway', () => {
    const suspicious = { namespaces: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] } };
    expect(all(cnp({ ...admin, priority: 5000, subject: suspicious })).map((d) => d.rule)).toEqual(['schema-maximum']);
    expect(all(cnp({ ...admin, subject: suspicious })).map((d) => d.rule)).toEqual(['selector-values-forbidden']);
  });

  test('the CEL rules\' messages and fixes', () => {
    expect(all({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'other' }, spec: { subject: { namespaces: {} } } }))
      .toEqual([{
        severity: 'error',
        rule: 'cel-baseline-singleton',
        fieldPath: '',
        message: 'Invalid value: "object": Only one baseline admin network policy with metadata.name="default" can be created in the cluster',
        fix: 'name it default (metadata.name: default): a cluster has at most one BaselineAdminNetworkPolicy',
      }]);
    expect(all(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['::ffff:1.2.3.0/120'] }] }] }))).toEqual([{
      severity: 'error',
      rule: 'cel-cidr',
      fieldPath: 'spec.egress[0].to[0].networks[0]',
      message: 'Invalid value: "string": Invalid CIDR format provided',
      fix: 'write the IPv4 network itself, e.g. "1.2.3.0/24", not an IPv4-mapped IPv6 prefix',
    }]);
    expect(all(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'http' }] }] }), 'experimental'))
      .toEqual([{
        severity: 'error',
        rule: 'cel-named-port-peers',
        fieldPath: 'spec.egress[0]',
        message: 'Invalid value: "object": networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames',
        fix: 'named ports exist only on pods: move the networks/nodes/domainNames peers into a rule of their own with port numbers',
      }]);
    expect(all(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }] }), 'experimental')).toEqual([]);
    expect(all(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ namespaces: {} }], protocols: [{ destinationNamedPort: 'http' }] }] }), 'experimental')).toEqual([]);
  });
});

describe('type meta: each refusal in full', () => {
  const typeMeta = (apiVersion: unknown, kind: unknown) => validateClusterPolicy({ apiVersion, kind, metadata: { name: 'p' }, spec: admin });

  test('no kind, or a null one', () => {
    const missing = {
      severity: 'error',
      rule: 'kind',
      fieldPath: 'kind',
      message: 'Required value: kind must be ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy',
      fix: 'use kind: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2), or AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1)',
    };
    expect(typeMeta('policy.networking.k8s.io/v1alpha2', undefined)).toEqual([missing]);
    expect(typeMeta('policy.networking.k8s.io/v1alpha2', null)).toEqual([missing]);
  });

  test('a kind that is no string is named as JSON, with no case hint', () => {
    expect(typeMeta(undefined, 7)).toEqual([expect.objectContaining({
      message: 'Invalid value: 7: no kind 7 is registered for undefined',
      fix: 'use kind: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2), or AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1)',
    })]);
    expect(typeMeta('policy.networking.k8s.io/v1alpha1', 'adminnetworkpolicy')[0].fix).toBe('kinds are case-sensitive: write kind: AdminNetworkPolicy');
    expect(typeMeta('policy.networking.k8s.io/v1alpha1', 'BASELINEADMINNETWORKPOLICY')[0].fix).toBe('kinds are case-sensitive: write kind: BaselineAdminNetworkPolicy');
  });

  test.each([
    ['ClusterNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', '"policy.networking.k8s.io/v1alpha1"',
      'set apiVersion: policy.networking.k8s.io/v1alpha2 (ClusterNetworkPolicy exists only in v1alpha2)'],
    ['AdminNetworkPolicy', 'policy.networking.k8s.io/v1beta1', '"policy.networking.k8s.io/v1beta1"',
      'set apiVersion: policy.networking.k8s.io/v1alpha1; in v1alpha2 the same policy is a ClusterNetworkPolicy with tier: Admin '
      + '(actions Allow become Accept, ports become protocols)'],
    ['BaselineAdminNetworkPolicy', undefined, 'null',
      'set apiVersion: policy.networking.k8s.io/v1alpha1; in v1alpha2 the same policy is a ClusterNetworkPolicy with tier: Baseline '
      + '(actions Allow become Accept, ports become protocols)'],
  ])('a %s of apiVersion %s', (kind, apiVersion, shown, fix) => {
    expect(typeMeta(apiVersion, kind)).toEqual([{
      severity: 'error',
      rule: 'api-version',
      fieldPath: 'apiVersion',
      message: `Invalid value: ${shown}: no kind "${kind}" is registered for version ${shown}`,
      fix,
    }]);
  });

  test('which objects claim to be a cluster policy: any version of the group, or one of its kinds', () => {
    expect(claimsClusterPolicyKind({ apiVersion: 'policy.networking.k8s.io/v9', kind: 'Anything' })).toBe(true);
    expect(claimsClusterPolicyKind({ apiVersion: 'v1', kind: 'AdminNetworkPolicy' })).toBe(true);
    expect(claimsClusterPolicyKind({ kind: 'BaselineAdminNetworkPolicy' })).toBe(true);
    expect(claimsClusterPolicyKind({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' })).toBe(false);
    expect(claimsClusterPolicyKind({ apiVersion: 'policy.networking.k8s.io', kind: 'NetworkPolicy' })).toBe(false);
    expect(claimsClusterPolicyKind({ apiVersion: 7, kind: 'NetworkPolicy' })).toBe(false);
    expect(claimsClusterPolicyKind(['policy.networking.k8s.io/v1alpha2'])).toBe(false);
    expect(claimsClusterPolicyKind(null)).toBe(false);
  });

  test('something other than a map, in full', () => {
    expect(validateClusterPolicy([])).toEqual([{
      severity: 'error',
      rule: 'decode-type',
      fieldPath: '',
      message: 'a cluster network policy must be a map of fields, got array',
      fix: 'give an object with apiVersion, kind, metadata and spec',
    }]);
  });
});

describe('when the CEL rules are not run', () => {
  const banp = (metadata: unknown) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata, spec: { subject: { namespaces: {} } } });
  const notChecked = {
    severity: 'info',
    rule: 'cel-not-checked',
    fieldPath: '',
    message: 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    fix: 'correct the errors above; the CEL rules of the CRD run only then',
  };

  test('a missing name keeps the singleton rule from running, and the server says so', () => {
    const found = validateClusterPolicy(banp({}));
    expect(found.map((d) => d.rule)).toEqual(['metadata-name-required', 'cel-not-checked']);
    expect(found[1]).toEqual(notChecked);
  });

  test('an invalid name does not: both are reported', () => {
    expect(validateClusterPolicy(banp({ name: 'Base_line' })).map((d) => d.rule)).toEqual(['metadata-name', 'cel-baseline-singleton']);
  });

  test('a metadata that is no map is a schema type error, which blocks them', () => {
    expect(validateClusterPolicy(banp('default'))).toEqual([
      expect.objectContaining({ rule: 'schema-type', fieldPath: 'metadata' }),
      notChecked,
    ]);
  });
});

describe('what is accepted with a warning, in full', () => {
  const all = (object: unknown) => validateClusterPolicy(object, { channel: 'experimental' });
  const warn = (fieldPath: string, rule: string, message: string, fix: string) => ({ severity: 'warning', rule, fieldPath, message, fix });
  const anpOf = (rule: Record<string, unknown>) => anp({ priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ...rule }] });

  test('warnings still come beside another warning (only an error hides them)', () => {
    const spec = { ...admin, subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] } } };
    expect(all(cnp(spec, { name: 'p', namespace: 'shop' })).map((d) => d.rule)).toEqual(['cluster-scoped-namespace', 'selector-values-forbidden']);
  });

  test('selector operators and values, in every selector a policy has', () => {
    const odd = { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }, { key: 'b', operator: 'In' }, { key: 'c', operator: 'NotIn', values: [] }] };
    const path = (selector: string) => [
      warn(`${selector}.matchExpressions[0].operator`, 'selector-operator',
        '"Equals" is not a label selector operator; the CRD accepts it, but what it selects is up to the implementation', 'use In, NotIn, Exists or DoesNotExist'),
      warn(`${selector}.matchExpressions[1].values`, 'selector-values-required', 'In needs at least one value', 'list the values, or use Exists / DoesNotExist'),
      warn(`${selector}.matchExpressions[2].values`, 'selector-values-required', 'NotIn needs at least one value', 'list the values, or use Exists / DoesNotExist'),
    ];
    const object = cnp({
      ...admin,
      subject: { pods: { namespaceSelector: odd, podSelector: odd } },
      ingress: [{ action: 'Deny', from: [{ namespaces: odd }] }],
      egress: [{ action: 'Deny', to: [{ nodes: odd }, { pods: { namespaceSelector: {}, podSelector: odd } }] }],
    });
    expect(all(object)).toEqual([
      ...path('spec.subject.pods.namespaceSelector'), ...path('spec.subject.pods.podSelector'),
      ...path('spec.ingress[0].from[0].namespaces'),
      ...path('spec.egress[0].to[0].nodes'), ...path('spec.egress[0].to[1].pods.podSelector'),
    ]);
  });

  test('networks with host bits: the network to write instead, IPv4 and IPv6', () => {
    expect(all(cnp({ ...admin, egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8', '10.1.2.3/8', '2001:db8::1/32'] }] }] }))).toEqual([
      warn('spec.egress[0].to[0].networks[1]', 'networks-host-bits', '"10.1.2.3/8" has bits set beyond the prefix length; implementations mask them', 'write "10.0.0.0/8"'),
      warn('spec.egress[0].to[0].networks[2]', 'networks-host-bits', '"2001:db8::1/32" has bits set beyond the prefix length; implementations mask them', 'write "2001:db8::/32"'),
    ]);
  });

  test('domainNames in a rule that does not allow, in each version\'s words', () => {
    const fix = 'match the addresses with networks instead, or make the rule an allow rule';
    const rules = (allow: string) => ['Deny', 'Pass', allow].map((action) => ({ action, to: [{ domainNames: ['example.com'] }] }));
    expect(all(cnp({ ...admin, egress: rules('Accept') }))).toEqual([
      warn('spec.egress[0].to[0].domainNames', 'domain-names-action', 'domainNames are meant for Accept rules only; what a Deny rule does with them is up to the implementation', fix),
      warn('spec.egress[1].to[0].domainNames', 'domain-names-action', 'domainNames are meant for Accept rules only; what a Pass rule does with them is up to the implementation', fix),
    ]);
    expect(all(anp({ priority: 0, subject: { namespaces: {} }, egress: rules('Allow') }))).toEqual([
      warn('spec.egress[0].to[0].domainNames', 'domain-names-action', 'domainNames are meant for Allow rules only; what a Deny rule does with them is up to the implementation', fix),
      warn('spec.egress[1].to[0].domainNames', 'domain-names-action', 'domainNames are meant for Allow rules only; what a Pass rule does with them is up to the implementation', fix),
    ]);
  });

  test('v1alpha1 port protocols other than TCP, UDP and SCTP, in portNumber and portRange', () => {
    const ok = ['TCP', 'UDP', 'SCTP'].map((protocol) => ({ portNumber: { protocol, port: 80 } }));
    expect(all(anpOf({ ports: [...ok, { portNumber: { protocol: 'tcp', port: 80 } }, { portRange: { protocol: 'ICMP', start: 1, end: 2 } }, { namedPort: 'http' }] }))).toEqual([
      warn('spec.ingress[0].ports[3].portNumber.protocol', 'port-protocol',
        '"tcp" is not TCP, UDP or SCTP; the CRD accepts it, but what it matches is up to the implementation', 'use TCP, UDP or SCTP (upper case)'),
      warn('spec.ingress[0].ports[4].portRange.protocol', 'port-protocol',
        '"ICMP" is not TCP, UDP or SCTP; the CRD accepts it, but what it matches is up to the implementation', 'use TCP, UDP or SCTP (upper case)'),
    ]);
  });

  test('v1alpha1 ranges of one port or inverted, on either side', () => {
    expect(all(anpOf({ ports: [{ portRange: { start: 80, end: 81 } }, { portRange: { start: 80, end: 80 } }] }))).toEqual([
      warn('spec.ingress[0].ports[1].portRange', 'port-range-order', 'the range 80-80 is a single port; how it matches is up to the implementation (v1alpha2 rejects it)',
        'use portNumber: {port: 80}'),
    ]);
    const egress = [{ action: 'Deny', to: [{ namespaces: {} }], ports: [{ portRange: { start: 90, end: 80 } }] }];
    expect(all(anp({ priority: 0, subject: { namespaces: {} }, egress }))).toEqual([
      warn('spec.egress[0].ports[0].portRange', 'port-range-order', 'the range 90-80 is inverted; how it matches is up to the implementation (v1alpha2 rejects it)', 'swap start and end'),
    ]);
  });

  test('a v1alpha2 pods selection without namespaceSelector: a note, wherever it is', () => {
    const note = (fieldPath: string) => ({
      severity: 'info',
      rule: 'pods-in-all-namespaces',
      fieldPath,
      message: 'pods without namespaceSelector are the matching pods of every namespace (a cluster policy has no namespace of its own)',
      fix: 'add namespaceSelector to narrow it, or namespaceSelector: {} to say every namespace explicitly',
    });
    const pods = { pods: { podSelector: {} } };
    const scoped = { pods: { namespaceSelector: {}, podSelector: {} } };
    expect(all(cnp({ ...admin, subject: pods, ingress: [{ action: 'Deny', from: [scoped, pods] }], egress: [{ action: 'Deny', to: [pods] }] }))).toEqual([
      note('spec.subject.pods'), note('spec.ingress[0].from[1].pods'), note('spec.egress[0].to[0].pods'),
    ]);
  });
});
