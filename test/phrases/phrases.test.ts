import { describeNormalizedPeer, describePeer } from '../../src/phrases/peer';
import { describePort, describePorts } from '../../src/phrases/port';
import {
  describeNamespaceSelector,
  describePodSelector,
  describeRequirement,
  joinWithOr,
  namespaceNamesOf,
} from '../../src/phrases/selector';

describe('selector phrases', () => {
  test('an empty or missing selector is every pod', () => {
    expect(describePodSelector({})).toBe('every pod');
    expect(describePodSelector(undefined)).toBe('every pod');
    expect(describePodSelector({ matchLabels: {}, matchExpressions: [] })).toBe('every pod');
  });

  test('matchLabels and expressions are joined with and', () => {
    expect(describePodSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
    })).toBe('pods where app=web and tier in (a, b)');
  });

  test('NotIn says that a missing label matches too', () => {
    expect(describeRequirement({ key: 'env', operator: 'NotIn', values: ['prod'] })).toBe('(env!=prod or label env is absent)');
    expect(describeRequirement({ key: 'env', operator: 'NotIn', values: ['prod', 'staging'] }))
      .toBe('(env not in (prod, staging) or label env is absent)');
  });

  test('Exists and DoesNotExist speak of presence', () => {
    expect(describeRequirement({ key: 'canary', operator: 'Exists' })).toBe('label canary is present');
    expect(describeRequirement({ key: 'canary', operator: 'DoesNotExist' })).toBe('label canary is absent');
  });

  test('a single In value reads as an equality, an empty value is quoted', () => {
    expect(describeRequirement({ key: 'app', operator: 'In', values: ['web'] })).toBe('app=web');
    expect(describePodSelector({ matchLabels: { flag: '' } })).toBe('pods where flag=""');
  });

  test('a namespace selector on the name label reads as namespace names', () => {
    expect(describeNamespaceSelector({ matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } })).toBe('namespace "kube-system"');
    expect(describeNamespaceSelector({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b', 'c'] }] }))
      .toBe('namespaces "a", "b" or "c"');
    expect(describeNamespaceSelector({ matchLabels: { team: 'ops' } })).toBe('namespaces where team=ops');
    expect(describeNamespaceSelector({})).toBe('every namespace');
  });

  test('the name label together with another requirement is not read as names', () => {
    expect(namespaceNamesOf({ matchLabels: { 'kubernetes.io/metadata.name': 'a', 'team': 'ops' } })).toBeUndefined();
  });

  test('joinWithOr puts or before the last item', () => {
    expect(joinWithOr(['a'])).toBe('a');
    expect(joinWithOr(['a', 'b'])).toBe('a or b');
    expect(joinWithOr(['a', 'b', 'c'])).toBe('a, b or c');
  });
});

describe('peer phrases', () => {
  test('a podSelector-only peer stays in the policy\'s own namespace', () => {
    expect(describePeer({ podSelector: { matchLabels: { app: 'web' } } }, 'shop'))
      .toBe('pods where app=web, in namespace "shop" (the policy\'s own)');
    expect(describePeer({ podSelector: {} }, 'shop')).toBe('every pod in namespace "shop" (the policy\'s own)');
    expect(describePeer({ podSelector: {} })).toBe('every pod in the policy\'s own namespace');
  });

  test('podSelector and namespaceSelector in one peer read as one AND', () => {
    expect(describePeer({ podSelector: { matchLabels: { app: 'prometheus' } }, namespaceSelector: { matchLabels: { team: 'ops' } } }, 'shop'))
      .toBe('pods where app=prometheus, in namespaces where team=ops');
  });

  test('namespaceSelector {} alone is every pod in every namespace (but no outside addresses)', () => {
    expect(describePeer({ namespaceSelector: {} }, 'shop')).toBe('every pod in every namespace');
  });

  test('an ipBlock lists its excepts', () => {
    expect(describePeer({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16'] } }))
      .toBe('IP addresses in 10.0.0.0/8 except 10.1.0.0/16, 10.2.0.0/16');
  });

  test('a peer with no selector says it matches nothing', () => {
    expect(describePeer({}, 'shop')).toBe('nothing (the peer sets no selector)');
  });
});

describe('port phrases', () => {
  test('applies the TCP default and reads ranges and names', () => {
    expect(describePort({ port: 80 })).toBe('TCP port 80');
    expect(describePort({ port: 53, protocol: 'UDP' })).toBe('UDP port 53');
    expect(describePort({ port: 30000, endPort: 32767, protocol: 'UDP' })).toBe('UDP ports 30000-32767');
    expect(describePort({ port: 'metrics' })).toBe('the TCP port named "metrics"');
  });

  test('an entry without port is every port of its protocol', () => {
    expect(describePort({})).toBe('any TCP port');
    expect(describePort({ protocol: 'SCTP' })).toBe('any SCTP port');
  });

  test('missing and empty port lists mean every port of every protocol', () => {
    expect(describePorts(undefined)).toBe('on any port and protocol');
    expect(describePorts([])).toBe('on any port and protocol');
    expect(describePorts([{}])).toBe('on any TCP port');
    expect(describePorts([{ port: 80 }, { port: 443 }])).toBe('on TCP port 80 or TCP port 443');
  });
});

describe('normalized peer phrases', () => {
  test('read like the manifest phrases', () => {
    expect(describeNormalizedPeer({ kind: 'ipBlock', index: 0, cidr: '10.0.0.0/8', exceptCidrs: ['10.1.0.0/16'] }))
      .toBe('IP addresses in 10.0.0.0/8 except 10.1.0.0/16');
    expect(describeNormalizedPeer({ kind: 'pods', index: 0, namespaceSelector: {} }, 'shop')).toBe('every pod in every namespace');
    expect(describeNormalizedPeer({ kind: 'pods', index: 0, podSelector: { matchLabels: { app: 'web' } } }, 'shop'))
      .toBe('pods where app=web, in namespace "shop" (the policy\'s own)');
  });

  test('say that an invalid peer matches nothing', () => {
    expect(describeNormalizedPeer({ kind: 'invalid', index: 0, reason: 'must specify a peer' }))
      .toBe('nothing (an invalid peer: it must specify a peer)');
  });
});
