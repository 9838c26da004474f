import { errorsOf, lines, policy, withIngressPeers, withIngressPorts } from './helpers';
import { validateNetworkPolicy } from '../../src/validation/network-policy';
import { Rules } from '../../src/validation/rules';

const RULE_IDS: string[] = Object.values(Rules);

describe('validateNetworkPolicy', () => {
  describe('accepts what the API server accepts', () => {
    test.each([
      ['an empty spec', {}],
      ['a null spec', null],
      ['default deny ingress', { podSelector: {} }],
      ['a null podSelector (absent: selects every pod)', { podSelector: null }],
      ['allow all ingress and egress', { podSelector: {}, ingress: [{}], egress: [{}], policyTypes: ['Ingress', 'Egress'] }],
      ['empty from and ports lists', { podSelector: {}, ingress: [{ from: [], ports: [] }] }],
      ['null rule lists', { podSelector: {}, ingress: null, egress: null, policyTypes: null }],
      ['a ports entry with nothing in it', { ingress: [{ ports: [{}] }] }],
      ['a null peer selector beside a real one', { ingress: [{ from: [{ podSelector: null, namespaceSelector: {} }] }] }],
      ['podSelector AND namespaceSelector in one peer', {
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { team: 'a' } } }] }],
      }],
      ['every protocol, numbers, names and ranges', {
        egress: [{
          ports: [
            { protocol: 'TCP', port: 443 }, { protocol: 'UDP', port: 53 }, { protocol: 'SCTP', port: 7777 },
            { port: 'metrics' }, { port: 8000, endPort: 8000 }, { port: 1, endPort: 65535 }, { protocol: 'UDP' },
          ],
        }],
        policyTypes: ['Egress'],
      }],
      ['duplicate policyTypes', { policyTypes: ['Ingress', 'Ingress'] }],
      ['selector expressions of every operator', {
        podSelector: {
          matchLabels: { 'app.kubernetes.io/name': 'web', 'empty': '' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['a', 'b'] },
            { key: 'tier', operator: 'NotIn', values: ['c'] },
            { key: 'env', operator: 'Exists' },
            { key: 'legacy', operator: 'DoesNotExist', values: [] },
          ],
        },
      }],
      ['an ipBlock with except entries', {
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/32'] } }] }],
      }],
      ['an IPv6 ipBlock', { egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }] }] }],
    ])('%s', (_name, spec) => {
      expect(validateNetworkPolicy(policy(spec))).toEqual([]);
    });

    test('a missing namespace is not an error: the client fills it in', () => {
      expect(validateNetworkPolicy(policy({}, { namespace: undefined }))).toEqual([]);
    });

    test('generateName stands in for name', () => {
      expect(validateNetworkPolicy(policy({}, { name: undefined, generateName: 'allow-' }))).toEqual([]);
    });

    test('valid labels and annotations', () => {
      const manifest = policy({}, {
        labels: { 'app.kubernetes.io/part-of': 'shop', 'tier': '' },
        annotations: { 'Example.com/Owner': 'anything at all: spaces, / and :' },
      });
      expect(validateNetworkPolicy(manifest)).toEqual([]);
    });
  });

  describe('metadata (A.1)', () => {
    test('name is required unless generateName is set', () => {
      const errors = errorsOf(policy({}, { name: undefined }));
      expect(lines(errors)).toEqual(['metadata.name: Required value: name or generateName is required']);
      expect(errors[0].rule).toBe(Rules.METADATA_NAME_REQUIRED);
    });

    test('an empty name counts as missing', () => {
      expect(lines(errorsOf(policy({}, { name: '' })))).toEqual(['metadata.name: Required value: name or generateName is required']);
    });

    test('name must be a DNS-1123 subdomain', () => {
      const errors = errorsOf(policy({}, { name: 'Allow_Web' }));
      expect(errors).toHaveLength(1);
      expect(errors[0].fieldPath).toBe('metadata.name');
      expect(errors[0].message).toMatch(/^Invalid value: "Allow_Web": a lowercase RFC 1123 subdomain must consist of/);
      expect(errors[0].rule).toBe(Rules.METADATA_NAME);
    });

    test('name may be at most 253 characters', () => {
      const errors = errorsOf(policy({}, { name: 'a'.repeat(254) }));
      expect(errors.map((e) => e.message)).toEqual([`Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]);
    });

    test('generateName follows the same rule, except for one trailing dash', () => {
      expect(errorsOf(policy({}, { name: undefined, generateName: 'web-' }))).toEqual([]);
      const errors = errorsOf(policy({}, { name: undefined, generateName: 'Web-' }));
      expect(errors.map((e) => e.fieldPath)).toEqual(['metadata.generateName']);
      expect(errors[0].rule).toBe(Rules.METADATA_GENERATE_NAME);
    });

    test('namespace must be a DNS-1123 label', () => {
      const errors = errorsOf(policy({}, { namespace: 'Team_A' }));
      expect(errors).toHaveLength(1);
      expect(errors[0].fieldPath).toBe('metadata.namespace');
      expect(errors[0].message).toContain("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'");
      expect(errors[0].rule).toBe(Rules.METADATA_NAMESPACE);
    });

    test('a namespace with dots says so', () => {
      expect(lines(errorsOf(policy({}, { namespace: 'team.a' })))).toEqual([
        'metadata.namespace: Invalid value: "team.a": must not contain dots',
      ]);
    });

    test('a namespace of 64 characters is too long', () => {
      const ns = 'n'.repeat(64);
      expect(lines(errorsOf(policy({}, { namespace: ns })))).toEqual([
        `metadata.namespace: Invalid value: "${ns}": must be no more than 63 characters`,
      ]);
    });

    test('label keys and values are checked, with the path metadata.labels and no key', () => {
      const errors = errorsOf(policy({}, { labels: { 'bad key!': 'ok', 'good': 'bad value' } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
        ['metadata.labels', Rules.METADATA_LABEL_KEY],
        ['metadata.labels', Rules.METADATA_LABEL_VALUE],
      ]);
      expect(errors[0].message).toMatch(/^Invalid value: "bad key!": name part must consist of/);
      expect(errors[1].message).toMatch(/^Invalid value: "bad value": a valid label must be an empty string or consist of/);
    });

    test('annotation keys are lower-cased, then checked as label keys', () => {
      expect(errorsOf(policy({}, { annotations: { 'EXAMPLE.COM/Owner': 'x' } }))).toEqual([]);
      const errors = errorsOf(policy({}, { annotations: { 'a/b/c': 'x' } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['metadata.annotations', Rules.METADATA_ANNOTATION_KEY]]);
      expect(errors[0].message).toMatch(/^Invalid value: "a\/b\/c": a valid label key must consist of/);
    });

    test('finalizers are qualified names, and orphan and foregroundDeletion exclude each other', () => {
      expect(errorsOf(policy({}, { finalizers: ['example.com/cleanup', 'orphan'] }))).toEqual([]);
      const errors = errorsOf(policy({}, { finalizers: ['bad finalizer!', 'a/b/c'] }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
        ['metadata.finalizers', Rules.METADATA_FINALIZER],
        ['metadata.finalizers', Rules.METADATA_FINALIZER],
      ]);
      expect(errors[0].message).toMatch(/^Invalid value: "bad finalizer!": name part must consist of/);
      const both = errorsOf(policy({}, { finalizers: ['orphan', 'foregroundDeletion'] }));
      expect(both.map((e) => e.message)).toEqual([expect.stringMatching(/: finalizer orphan and foregroundDeletion cannot be both set$/)]);
      expect(errorsOf(policy({}, { finalizers: 'orphan' })).map((e) => e.fieldPath)).toEqual(['metadata.finalizers']);
    });

    test('annotations may total at most 256 KiB', () => {
      expect(errorsOf(policy({}, { annotations: { a: 'b'.repeat(262144 - 1) } }))).toEqual([]);
      const errors = errorsOf(policy({}, { annotations: { a: 'b'.repeat(131072), c: 'd'.repeat(131072) } }));
      expect(lines(errors)).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
      expect(errors[0].rule).toBe(Rules.METADATA_ANNOTATIONS_SIZE);
    });
  });

  describe('label selectors (A.2, A.3)', () => {
    const SELECTOR_PATHS: Array<[string, (selector: unknown) => unknown]> = [
      ['spec.podSelector', (s) => policy({ podSelector: s })],
      ['spec.ingress[0].from[0].podSelector', (s) => withIngressPeers({ podSelector: s })],
      ['spec.ingress[0].from[0].namespaceSelector', (s) => withIngressPeers({ namespaceSelector: s })],
      ['spec.egress[1].to[2].namespaceSelector', (s) => policy({
        egress: [{}, { to: [{ podSelector: {} }, { podSelector: {} }, { namespaceSelector: s }] }],
      })],
    ];

    describe.each(SELECTOR_PATHS)('at %s', (path, build) => {
      test('an empty selector is valid', () => {
        expect(errorsOf(build({}))).toEqual([]);
      });

      test('matchLabels keys are label keys', () => {
        const errors = errorsOf(build({ matchLabels: { 'a/b/c': 'x' } }));
        expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([[`${path}.matchLabels`, Rules.SELECTOR_LABEL_KEY]]);
        expect(errors[0].message).toMatch(/^Invalid value: "a\/b\/c": a valid label key must consist of/);
      });

      test('matchLabels values are label values', () => {
        const errors = errorsOf(build({ matchLabels: { app: 'web server' } }));
        expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([[`${path}.matchLabels`, Rules.SELECTOR_LABEL_VALUE]]);
        expect(errors[0].message).toMatch(/^Invalid value: "web server": a valid label must be an empty string/);
      });

      test.each(['in', 'Gt', 'Lt', 'Equals', ''])('operator %j is not a selector operator', (operator) => {
        const errors = errorsOf(build({ matchExpressions: [{ key: 'a', operator, values: ['1'] }] }));
        expect(lines(errors)).toEqual([
          `${path}.matchExpressions[0].operator: Invalid value: ${JSON.stringify(operator)}: not a valid selector operator`,
        ]);
        expect(errors[0].rule).toBe(Rules.SELECTOR_OPERATOR);
      });

      test.each(['In', 'NotIn'])('%s needs values', (operator) => {
        for (const values of [undefined, [], null]) {
          const errors = errorsOf(build({ matchExpressions: [{ key: 'a', operator, values }] }));
          expect(lines(errors)).toEqual([
            `${path}.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
          ]);
          expect(errors[0].rule).toBe(Rules.SELECTOR_VALUES_REQUIRED);
        }
      });

      test.each(['Exists', 'DoesNotExist'])('%s takes no values', (operator) => {
        const errors = errorsOf(build({ matchExpressions: [{ key: 'a', operator, values: ['x'] }] }));
        expect(lines(errors)).toEqual([
          `${path}.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
        ]);
        expect(errors[0].rule).toBe(Rules.SELECTOR_VALUES_FORBIDDEN);
      });

      test('the expression key is a label key', () => {
        const errors = errorsOf(build({ matchExpressions: [{ key: '-bad', operator: 'Exists' }] }));
        expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([[`${path}.matchExpressions[0].key`, Rules.SELECTOR_EXPRESSION_KEY]]);
        expect(errors[0].message).toMatch(/^Invalid value: "-bad": name part must consist of/);
      });

      test('a missing expression key is an empty key', () => {
        const errors = errorsOf(build({ matchExpressions: [{ operator: 'Exists' }] }));
        expect(errors.map((e) => e.message)).toEqual([
          'Invalid value: "": name part must be non-empty',
          expect.stringMatching(/^Invalid value: "": name part must consist of/),
        ]);
      });

      test('each expression value is a label value, with its index in the path', () => {
        const errors = errorsOf(build({ matchExpressions: [{ key: 'a', operator: 'In', values: ['ok', 'bad space', 'infra*'] }] }));
        expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
          [`${path}.matchExpressions[0].values[1]`, Rules.SELECTOR_EXPRESSION_VALUE],
          [`${path}.matchExpressions[0].values[2]`, Rules.SELECTOR_EXPRESSION_VALUE],
        ]);
        expect(errors[0].message).toMatch(/^Invalid value: "bad space": a valid label must be/);
      });
    });

    test('contradictory or duplicate requirements are not validated', () => {
      const selector = {
        matchLabels: { a: 'x' },
        matchExpressions: [
          { key: 'a', operator: 'In', values: ['x', 'x'] },
          { key: 'a', operator: 'NotIn', values: ['x'] },
          { key: 'b', operator: 'Exists' },
          { key: 'b', operator: 'DoesNotExist' },
        ],
      };
      expect(errorsOf(policy({ podSelector: selector }))).toEqual([]);
    });

    test('the operator fix names the right spelling or explains Gt/Lt', () => {
      const [lower] = errorsOf(policy({ podSelector: { matchExpressions: [{ key: 'a', operator: 'notin', values: ['b'] }] } }));
      expect(lower.fix).toContain('"NotIn"');
      const [gt] = errorsOf(policy({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } }));
      expect(gt.fix).toMatch(/node affinity/);
    });
  });

  describe('ports (A.4)', () => {
    test.each([
      ['tcp', 'write the protocol in upper case: "TCP"'],
      ['Udp', 'write the protocol in upper case: "UDP"'],
      ['ICMP', 'ICMP cannot be allowed or denied by a NetworkPolicy'],
      ['ALL', 'to allow every protocol and port, omit ports from the rule'],
      ['', 'use TCP, UDP or SCTP'],
    ])('protocol %j is unsupported', (protocol, fix) => {
      const errors = errorsOf(withIngressPorts({ protocol, port: 80 }));
      expect(lines(errors)).toEqual([
        `spec.ingress[0].ports[0].protocol: Unsupported value: ${JSON.stringify(protocol)}: supported values: "TCP", "UDP", "SCTP"`,
      ]);
      expect(errors[0].rule).toBe(Rules.PORT_PROTOCOL);
      expect(errors[0].fix).toContain(fix);
    });

    test('a null protocol is defaulted, not rejected', () => {
      expect(errorsOf(withIngressPorts({ protocol: null, port: 80 }))).toEqual([]);
    });

    test.each([0, -1, 65536, 100000])('port %i is out of range', (port) => {
      const errors = errorsOf(withIngressPorts({ port }));
      expect(lines(errors)).toEqual([`spec.ingress[0].ports[0].port: Invalid value: ${port}: must be between 1 and 65535, inclusive`]);
      expect(errors[0].rule).toBe(Rules.PORT_RANGE);
    });

    test('port 0 explains how to write a whole protocol', () => {
      const [error] = errorsOf(withIngressPorts({ protocol: 'UDP', port: 0 }));
      expect(error.fix).toBe('a whole protocol is written as {protocol: TCP} with no port');
    });

    test('a quoted number is a named port without letters', () => {
      const errors = errorsOf(withIngressPorts({ port: '80' }));
      expect(lines(errors)).toEqual(['spec.ingress[0].ports[0].port: Invalid value: "80": must contain at least one letter (a-z)']);
      expect(errors[0].rule).toBe(Rules.PORT_NAME);
      expect(errors[0].fix).toContain('port: 80');
    });

    test('every failing port-name sub-rule is its own error', () => {
      const errors = errorsOf(withIngressPorts({ port: '32768:61000' }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].port: Invalid value: "32768:61000": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ingress[0].ports[0].port: Invalid value: "32768:61000": must contain at least one letter (a-z)',
      ]);
      expect(errors[0].fix).toContain('port: 32768 with endPort: 61000');
    });

    test('a named port with capitals explains the naming rule', () => {
      const [error] = errorsOf(withIngressPorts({ port: 'HTTP' }));
      expect(error.fix).toContain('lower-case IANA service name');
    });

    test('endPort without port', () => {
      const errors = errorsOf(withIngressPorts({ endPort: 8080 }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].endPort: Invalid value: 8080: may not be specified when `port` is not specified',
      ]);
      expect(errors[0].rule).toBe(Rules.END_PORT_WITHOUT_PORT);
    });

    test('endPort with a named port', () => {
      const errors = errorsOf(withIngressPorts({ port: 'http', endPort: 8080 }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].endPort: Invalid value: 8080: may not be specified when `port` is non-numeric',
      ]);
      expect(errors[0].rule).toBe(Rules.END_PORT_NAMED_PORT);
    });

    test('endPort below port reports the endPort value', () => {
      const errors = errorsOf(withIngressPorts({ port: 9000, endPort: 8000 }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].endPort: Invalid value: 8000: must be greater than or equal to `port`',
      ]);
      expect(errors[0].rule).toBe(Rules.END_PORT_BELOW_PORT);
      expect(errors[0].fix).toContain('port: 8000 and endPort: 9000');
    });

    test('endPort out of range', () => {
      const errors = errorsOf(withIngressPorts({ port: 80, endPort: 70000 }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ]);
      expect(errors[0].rule).toBe(Rules.END_PORT_RANGE);
    });

    test('a bad port and a bad endPort are both reported', () => {
      expect(lines(errorsOf(withIngressPorts({ port: 0, endPort: -1 })))).toEqual([
        'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ingress[0].ports[0].endPort: Invalid value: -1: must be greater than or equal to `port`',
        'spec.ingress[0].ports[0].endPort: Invalid value: -1: must be between 1 and 65535, inclusive',
      ]);
    });

    test('egress ports have egress paths', () => {
      const errors = errorsOf(policy({ egress: [{}, { ports: [{}, { protocol: 'icmp' }] }] }));
      expect(errors.map((e) => e.fieldPath)).toEqual(['spec.egress[1].ports[1].protocol']);
    });
  });

  describe('peers (A.5)', () => {
    test.each([
      ['an empty peer', {}],
      ['a peer with only nulls', { podSelector: null, namespaceSelector: null, ipBlock: null }],
    ])('%s must specify a peer', (_name, peer) => {
      const errors = errorsOf(withIngressPeers(peer));
      expect(lines(errors)).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
      expect(errors[0].rule).toBe(Rules.PEER_REQUIRED);
      expect(errors[0].fix).toContain('omit "from"');
    });

    test('an empty egress peer points at "to"', () => {
      const errors = errorsOf(policy({ egress: [{ to: [{ podSelector: {} }, {}] }] }));
      expect(lines(errors)).toEqual(['spec.egress[0].to[1]: Required value: must specify a peer']);
      expect(errors[0].fix).toContain('omit "to"');
    });

    test.each([
      ['podSelector', { podSelector: {} }],
      ['namespaceSelector', { namespaceSelector: {} }],
      ['both selectors', { podSelector: {}, namespaceSelector: {} }],
    ])('an ipBlock with %s is forbidden', (_name, selectors) => {
      const errors = errorsOf(withIngressPeers({ ipBlock: { cidr: '10.0.0.0/8' }, ...selectors }));
      expect(lines(errors)).toEqual(['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer']);
      expect(errors[0].rule).toBe(Rules.PEER_IPBLOCK_EXCLUSIVE);
    });

    test('the errors inside a mixed peer are reported too', () => {
      const errors = errorsOf(withIngressPeers({ ipBlock: {}, podSelector: { matchLabels: { a: '!' } } }));
      expect(errors.map((e) => e.fieldPath)).toEqual([
        'spec.ingress[0].from[0].podSelector.matchLabels',
        'spec.ingress[0].from[0].ipBlock.cidr',
        'spec.ingress[0].from[0]',
      ]);
    });
  });

  describe('policyTypes (A.7)', () => {
    test.each([
      [['ingress'], 'spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"'],
      [['Ingress', 'EGRESS'], 'spec.policyTypes[1]: Unsupported value: "EGRESS": supported values: "Ingress", "Egress"'],
      [[''], 'spec.policyTypes[0]: Unsupported value: "": supported values: "Ingress", "Egress"'],
    ])('%j is rejected', (types, expected) => {
      const errors = errorsOf(policy({ policyTypes: types }));
      expect(lines(errors)).toEqual([expected]);
      expect(errors[0].rule).toBe(Rules.POLICY_TYPES_VALUE);
    });

    test('the case fix names the right spelling', () => {
      const [error] = errorsOf(policy({ policyTypes: ['egress'] }));
      expect(error.fix).toBe('policy types are case-sensitive: write "Egress"');
    });

    test('more than two entries is checked first, and then the entries are not examined', () => {
      const errors = errorsOf(policy({ policyTypes: ['Ingress', 'Egress', 'bogus'] }));
      expect(lines(errors)).toEqual([
        'spec.policyTypes: Invalid value: ["Ingress","Egress","bogus"]: may not specify more than two policyTypes',
      ]);
      expect(errors[0].rule).toBe(Rules.POLICY_TYPES_COUNT);
    });

    test('duplicates are allowed', () => {
      expect(errorsOf(policy({ policyTypes: ['Egress', 'Egress'] }))).toEqual([]);
    });
  });

  describe('apiVersion and kind', () => {
    test('another kind is not validated further', () => {
      const errors = errorsOf({ apiVersion: 'v1', kind: 'Service', metadata: {}, spec: { bogus: 1 } });
      expect(lines(errors)).toEqual(['kind: Invalid value: "Service": kind must be "NetworkPolicy"']);
      expect(errors[0].rule).toBe(Rules.KIND);
    });

    test('the kind is case-sensitive', () => {
      const [error] = errorsOf({ ...policy({}), kind: 'Networkpolicy' });
      expect(error.fix).toBe('kinds are case-sensitive: write kind: NetworkPolicy');
    });

    test('a missing kind is required', () => {
      const manifest: Record<string, unknown> = policy({});
      delete manifest.kind;
      expect(lines(errorsOf(manifest))).toEqual(['kind: Required value: kind must be "NetworkPolicy"']);
    });

    test('an old apiVersion is reported and the rest is still validated', () => {
      const errors = errorsOf({ ...policy({ policyTypes: ['ingress'] }), apiVersion: 'extensions/v1beta1' });
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
        ['apiVersion', Rules.API_VERSION],
        ['spec.policyTypes[0]', Rules.POLICY_TYPES_VALUE],
      ]);
      expect(errors[0].message).toBe('Invalid value: "extensions/v1beta1": apiVersion must be "networking.k8s.io/v1"');
      expect(errors[0].fix).toContain('removed in Kubernetes 1.16');
    });

    test('input that is not an object is one clear error', () => {
      for (const input of [null, 'kind: NetworkPolicy', 42, [policy({})]]) {
        const errors = errorsOf(input);
        expect(errors).toHaveLength(1);
        expect(errors[0].rule).toBe(Rules.DECODE_TYPE);
        expect(errors[0].message).toMatch(/^a NetworkPolicy must be a map of fields, got (null|string|number|array)$/);
      }
    });
  });

  describe('a policy with many problems', () => {
    const manifest = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'Bad_Name', namespace: 'shop' },
      spec: {
        podSelector: { matchExpressions: [{ key: 'tier', operator: 'In' }] },
        ingress: [{
          from: [{}, { ipBlock: { cidr: '10.0.0.1/8', except: ['10.0.0.0/8', 'bogus'] }, podSelector: {} }],
          ports: [{ protocol: 'tcp', port: 0 }, { port: 'http', endPort: 90 }],
        }],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { team: 'a b' } } }], ports: [{ port: 9000, endPort: 80 }] }],
        policyTypes: ['Ingress', 'egress'],
      },
    };

    test('yields every error, in field order, with server paths', () => {
      expect(lines(errorsOf(manifest))).toEqual([
        expect.stringMatching(/^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/),
        "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
        'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
        'spec.ingress[0].from[0]: Required value: must specify a peer',
        'spec.ingress[0].from[1].ipBlock.cidr: Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length',
        'spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`',
        'spec.ingress[0].from[1].ipBlock.except[1]: Invalid value: "bogus": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        'spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer',
        'spec.egress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`',
        expect.stringMatching(/^spec\.egress\[0\]\.to\[0\]\.namespaceSelector\.matchLabels: Invalid value: "a b": a valid label must be/),
        'spec.policyTypes[1]: Unsupported value: "egress": supported values: "Ingress", "Egress"',
      ]);
    });

    test('every finding has a known rule id and a fix', () => {
      const findings = validateNetworkPolicy(manifest);
      expect(findings.length).toBeGreaterThan(10);
      for (const d of findings) {
        expect(RULE_IDS).toContain(d.rule);
        expect(d.fix).toEqual(expect.any(String));
        expect(d.fix!.length).toBeGreaterThan(10);
      }
    });
  });
});
