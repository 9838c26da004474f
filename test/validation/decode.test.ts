import { errorsOf, lines, policy, withIngressPeers, withIngressPorts } from './helpers';
import { jsonKind } from '../../src/validation/decode';
import { validateNetworkPolicy } from '../../src/validation/network-policy';
import { Rules } from '../../src/validation/rules';

describe('decoding untyped input (A.0 #1)', () => {
  describe('wrong JSON types are decode errors with the field path', () => {
    test('port: [80]', () => {
      const errors = errorsOf(withIngressPorts({ port: [80] }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].port: json: cannot unmarshal array into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type intstr.IntOrString',
      ]);
      expect(errors[0].rule).toBe(Rules.DECODE_TYPE);
      expect(errors[0].fix).toContain('"- port: 80"');
    });

    test('port: 80.5', () => {
      const errors = errorsOf(withIngressPorts({ port: 80.5 }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.ingress[0].ports[0].port', Rules.DECODE_TYPE]]);
      expect(errors[0].message).toContain('cannot unmarshal number 80.5');
    });

    test('endPort: "80"', () => {
      const errors = errorsOf(withIngressPorts({ port: 70, endPort: '80' }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].ports[0].endPort: json: cannot unmarshal string into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32',
      ]);
      expect(errors[0].fix).toBe('remove the quotes: endPort: 80');
    });

    test('an undecodable endPort is not also reported as "endPort without port"', () => {
      expect(errorsOf(withIngressPorts({ port: [80], endPort: 90 })).map((e) => e.rule)).toEqual([Rules.DECODE_TYPE]);
    });

    test('an int32 takes its whole range: -2147483648 decodes, one below does not', () => {
      expect(lines(errorsOf(withIngressPorts({ port: 80, endPort: -2147483648 })))).toEqual([
        'spec.ingress[0].ports[0].endPort: Invalid value: -2147483648: must be greater than or equal to `port`',
        'spec.ingress[0].ports[0].endPort: Invalid value: -2147483648: must be between 1 and 65535, inclusive',
      ]);
      expect(lines(errorsOf(withIngressPorts({ port: 80, endPort: -2147483649 })))).toEqual([
        'spec.ingress[0].ports[0].endPort: json: cannot unmarshal number -2147483649 into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32',
      ]);
    });

    test('an int32 out of range', () => {
      const errors = errorsOf(withIngressPorts({ port: 80, endPort: 3000000000 }));
      expect(errors.map((e) => e.message)).toEqual([
        'json: cannot unmarshal number 3000000000 into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32',
      ]);
      expect(errors[0].fix).toBe('use a whole number from 1 to 65535, e.g. endPort: 8080');
    });

    test('an except entry that is not a string', () => {
      const errors = errorsOf(withIngressPeers({ ipBlock: { cidr: '10.0.0.0/8', except: [{ cidr: '10.1.0.0/16' }, '10.2.0.0/16'] } }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].from[0].ipBlock.except[0]: json: cannot unmarshal object into Go struct field IPBlock.spec.ingress.from.ipBlock.except of type string',
      ]);
    });

    test('protocol: 6', () => {
      const errors = errorsOf(withIngressPorts({ protocol: 6, port: 80 }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.ingress[0].ports[0].protocol', Rules.DECODE_TYPE]]);
    });

    test('podSelector: "app=web" in a peer, without also calling the peer empty', () => {
      const errors = errorsOf(withIngressPeers({ podSelector: 'app=web' }));
      expect(lines(errors)).toEqual([
        'spec.ingress[0].from[0].podSelector: json: cannot unmarshal string into Go struct field NetworkPolicyPeer.spec.ingress.from.podSelector of type v1.LabelSelector',
      ]);
      expect(errors[0].fix).toContain('podSelector: {matchLabels: {app: web}}');
    });

    test('spec.podSelector as a string', () => {
      const errors = errorsOf(policy({ podSelector: 'app=web' }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.podSelector', Rules.DECODE_TYPE]]);
    });

    test('matchLabels written as a list', () => {
      const errors = errorsOf(policy({ podSelector: { matchLabels: ['app=web'] } }));
      expect(lines(errors)).toEqual([
        'spec.podSelector.matchLabels: json: cannot unmarshal array into Go struct field LabelSelector.spec.podSelector.matchLabels of type map[string]string',
      ]);
      expect(errors[0].fix).toContain('matchExpressions');
    });

    test.each([
      ['a boolean', true, 'tier: "true"'],
      ['a number', 3, 'tier: "3"'],
    ])('a label value that is %s', (_name, value, fix) => {
      const errors = errorsOf(policy({ podSelector: { matchLabels: { tier: value } } }));
      expect(lines(errors)).toEqual([
        `spec.podSelector.matchLabels.tier: json: cannot unmarshal ${typeof value === 'boolean' ? 'bool' : `number ${value}`} into Go struct field LabelSelector.spec.podSelector.matchLabels.tier of type string`,
      ]);
      expect(errors[0].fix).toContain(fix);
    });

    test('metadata label values are decoded the same way', () => {
      const errors = errorsOf(policy({}, { labels: { enabled: false } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['metadata.labels.enabled', Rules.DECODE_TYPE]]);
    });

    test('a null label value decodes to the empty string, which is valid', () => {
      expect(errorsOf(policy({ podSelector: { matchLabels: { tier: null } } }))).toEqual([]);
    });

    test('a list where a single item was meant', () => {
      const errors = errorsOf(policy({ ingress: { from: [{ podSelector: {} }] } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.ingress', Rules.DECODE_TYPE]]);
      expect(errors[0].fix).toBe('write ingress as a list: start each item with "- "');
    });

    test('a string where a list was meant', () => {
      const errors = errorsOf(policy({ policyTypes: 'Egress' }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.policyTypes', Rules.DECODE_TYPE]]);
      expect(errors[0].fix).toBe('write policyTypes as a list, e.g. policyTypes: ["Egress"]');
    });

    test('expression values that are not strings', () => {
      const errors = errorsOf(policy({ podSelector: { matchExpressions: [{ key: 'v', operator: 'In', values: [1, 'ok'] }] } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.podSelector.matchExpressions[0].values[0]', Rules.DECODE_TYPE]]);
    });

    test('an ipBlock cidr that is not a string is a decode error, not "Required"', () => {
      const errors = errorsOf(withIngressPeers({ ipBlock: { cidr: 10 } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([['spec.ingress[0].from[0].ipBlock.cidr', Rules.DECODE_TYPE]]);
    });

    test('metadata.name as a number', () => {
      const errors = errorsOf(policy({}, { name: 42 }));
      expect(lines(errors)).toEqual([
        'metadata.name: json: cannot unmarshal number 42 into Go struct field ObjectMeta.metadata.name of type string',
      ]);
    });
  });

  describe('unknown fields are rejected by strict decoding', () => {
    test('matchLabels mis-indented beside podSelector', () => {
      const errors = errorsOf(policy({ podSelector: null, matchLabels: { app: 'web' } }));
      expect(lines(errors)).toEqual(['spec.matchLabels: strict decoding error: unknown field "spec.matchLabels"']);
      expect(errors[0].rule).toBe(Rules.UNKNOWN_FIELD);
      expect(errors[0].fix).toBe('matchLabels belongs under podSelector (check the indentation)');
    });

    test('matchLabels mis-indented inside a peer', () => {
      const errors = errorsOf(withIngressPeers({ podSelector: null, matchLabels: { app: 'web' } }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
        ['spec.ingress[0].from[0].matchLabels', Rules.UNKNOWN_FIELD],
        ['spec.ingress[0].from[0]', Rules.PEER_REQUIRED],
      ]);
      expect(errors[0].fix).toContain('belongs under podSelector or namespaceSelector');
    });

    test('status', () => {
      const errors = errorsOf({ ...policy({}), status: {} });
      expect(lines(errors)).toEqual(['status: strict decoding error: unknown field "status"']);
      expect(errors[0].fix).toContain('since Kubernetes 1.28');
    });

    test('field names are case-sensitive', () => {
      const errors = errorsOf(policy({ PodSelector: {} }));
      expect(errors.map((e) => e.fieldPath)).toEqual(['spec.PodSelector']);
      expect(errors[0].fix).toBe('field names are case-sensitive: write "podSelector"');
    });

    test('a typo gets a suggestion', () => {
      const errors = errorsOf(policy({ policyType: ['Ingress'] }));
      expect(errors[0].fix).toBe('did you mean "policyTypes"?');
    });

    test('"from" in an egress rule', () => {
      const errors = errorsOf(policy({ egress: [{ from: [{ podSelector: {} }] }] }));
      expect(lines(errors)).toEqual(['spec.egress[0].from: strict decoding error: unknown field "spec.egress[0].from"']);
      expect(errors[0].fix).toBe('egress rules list their peers under "to"');
    });

    test('a peer field written directly in the rule', () => {
      const errors = errorsOf(policy({ ingress: [{ podSelector: { matchLabels: { app: 'web' } } }] }));
      expect(errors.map((e) => e.fieldPath)).toEqual(['spec.ingress[0].podSelector']);
      expect(errors[0].fix).toContain('from: [{podSelector: ...}]');
    });

    test('unknown fields in ports, ipBlocks and selector expressions', () => {
      const errors = errorsOf(policy({
        ingress: [{
          ports: [{ port: 80, portName: 'x' }],
          from: [{ ipBlock: { cidr: '10.0.0.0/8', exclude: [] } }, { podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', value: 'b' }] } }],
        }],
      }));
      expect(errors.map((e) => [e.fieldPath, e.rule])).toEqual([
        ['spec.ingress[0].ports[0].portName', Rules.UNKNOWN_FIELD],
        ['spec.ingress[0].from[0].ipBlock.exclude', Rules.UNKNOWN_FIELD],
        ['spec.ingress[0].from[1].podSelector.matchExpressions[0].value', Rules.UNKNOWN_FIELD],
      ]);
    });

    test('every ObjectMeta field is known', () => {
      const meta = {
        uid: 'x',
        resourceVersion: '1',
        generation: 1,
        creationTimestamp: null,
        selfLink: '',
        deletionTimestamp: null,
        deletionGracePeriodSeconds: 0,
        ownerReferences: [],
        finalizers: [],
        managedFields: [],
      };
      expect(validateNetworkPolicy(policy({}, meta))).toEqual([]);
    });

    test('an unknown field named like an Object method gets an ordinary hint', () => {
      const errors = errorsOf(policy({ toString: {}, constructor: 1 }));
      expect(errors.map((e) => e.fieldPath)).toEqual(['spec.toString', 'spec.constructor']);
      expect(errors.every((e) => typeof e.fix === 'string')).toBe(true);
    });

    test('an unknown metadata field', () => {
      expect(errorsOf(policy({}, { label: { a: 'b' } })).map((e) => [e.fieldPath, e.fix])).toEqual([
        ['metadata.label', 'did you mean "labels"?'],
      ]);
    });
  });

  describe('null means absent', () => {
    test('null lists, selectors and metadata maps', () => {
      const manifest = policy(
        { podSelector: null, ingress: [{ from: null, ports: null }], egress: null, policyTypes: null },
        { labels: null, annotations: null },
      );
      expect(validateNetworkPolicy(manifest)).toEqual([]);
    });

    test('null items decode to zero values: an empty rule is allow-all, an empty peer is an error', () => {
      expect(errorsOf(policy({ ingress: [null] }))).toEqual([]);
      expect(lines(errorsOf(withIngressPeers(null)))).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
    });

    test('a null metadata has no name', () => {
      expect(lines(errorsOf({ ...policy({}), metadata: null }))).toEqual([
        'metadata.name: Required value: name or generateName is required',
      ]);
    });
  });
});

describe('jsonKind', () => {
  test('names each value the way Go\'s decoder does', () => {
    expect([{}, [], 'x', 1, 1.5, BigInt(2) ** BigInt(70), true, null, undefined].map(jsonKind)).toEqual([
      'object', 'array', 'string', 'number', 'number', 'number', 'bool', 'null', 'null',
    ]);
  });
});
