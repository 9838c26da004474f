/**
 * Audit of the evaluator against docs/semantics.md (B.1 to B.10, and A.0 defaulting), one rule per
 * test, through the public Reachability API on plain Kubernetes objects.
 */
import { allowed, denied, endpoint, namespace, pod, policy } from './objects';
import { Reachability } from '../../src/testing/reachability';
import { HostNetworkMode } from '../../src/testing/reachability-options';
import { Port } from '../../src/values/port';
import { Protocol } from '../../src/values/protocol';

/** Namespaces x (role=frontend) and y (role=backend), pods a, b, c in each. */
function base(): any[] {
  return [
    namespace('x', { role: 'frontend' }),
    namespace('y', { role: 'backend' }),
    pod('x/a', { pod: 'a' }), pod('x/b', { pod: 'b' }), pod('x/c', { pod: 'c' }),
    pod('y/a', { pod: 'a' }), pod('y/b', { pod: 'b' }), pod('y/c', { pod: 'c' }),
  ];
}

const selectA = { matchLabels: { pod: 'a' } };
const TCP80 = Port.tcp(80);

describe('A.0 / B.2: policyTypes defaulting', () => {
  test('a policy with only podSelector isolates ingress and leaves egress open', () => {
    const objects = [...base(), policy('x/deny', { podSelector: selectA })];
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(true);
  });

  test('egress: [] without policyTypes does not add Egress: egress stays open', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, egress: [] })];
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(true);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(false);
  });

  test('egress: [{}] without policyTypes adds Egress (allow-all) and still isolates ingress', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, egress: [{}] })];
    expect(allowed(objects, 'x/a', 'y/b', Port.udp(53))).toBe(true);
    expect(allowed(objects, 'x/a', '203.0.113.9', TCP80)).toBe(true);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(false);
  });

  test('only egress rules and no policyTypes: ingress is isolated too (accidental lockdown)', () => {
    const objects = [...base(), policy('x/p', {
      podSelector: selectA,
      egress: [{ to: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
    })];
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', 'x/c', TCP80)).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, '203.0.113.9', 'x/a', TCP80)).toBe(false);
  });

  test('policyTypes: [] is defaulted like a missing list', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, policyTypes: [], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })];
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'y/b', Port.udp(53))).toBe(true);
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(false);
  });

  test('policyTypes: null is defaulted like a missing list', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, policyTypes: null })];
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(true);
  });

  test('ingress rules are ignored when policyTypes is [Egress]', () => {
    const objects = [...base(), policy('x/p', {
      podSelector: selectA,
      policyTypes: ['Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
    })];
    // Ingress is not isolated: every source, not only pod=b, gets in.
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(true);
    // Egress is isolated with no rules.
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(false);
  });

  test('egress rules are ignored when policyTypes is [Ingress]', () => {
    const objects = [...base(), policy('x/p', {
      podSelector: selectA,
      policyTypes: ['Ingress'],
      egress: [{ to: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
    })];
    expect(allowed(objects, 'x/a', 'x/c', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', '203.0.113.9', TCP80)).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
  });

  test('duplicate policyTypes ["Ingress","Ingress"] isolate ingress only', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, policyTypes: ['Ingress', 'Ingress'] })];
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(true);
  });

  test('a direction listed with no rules isolates and allows nothing (default deny egress)', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, policyTypes: ['Egress'] })];
    expect(allowed(objects, 'x/a', 'x/b', Port.udp(53))).toBe(false);
    expect(allowed(objects, 'x/a', '8.8.8.8', Port.udp(53))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
  });
});

describe('null fields read as absent', () => {
  test('podSelector: null selects every pod of the namespace', () => {
    const objects = [...base(), policy('x/p', { podSelector: null })];
    expect(allowed(objects, 'y/a', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'y/a', 'x/c', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'y/c', TCP80)).toBe(true);
  });

  test('a missing podSelector selects every pod of the namespace', () => {
    const objects = [...base(), policy('x/p', { policyTypes: ['Ingress'] })];
    expect(allowed(objects, 'y/a', 'x/b', TCP80)).toBe(false);
  });

  test('ingress: null with Ingress listed is default deny', () => {
    const objects = [...base(), policy('x/p', { podSelector: {}, policyTypes: ['Ingress'], ingress: null })];
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
  });

  test('from: null and ports: null in a rule mean every source and every port', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, ingress: [{ from: null, ports: null }] })];
    expect(allowed(objects, 'y/b', 'x/a', Port.sctp(9999))).toBe(true);
    expect(allowed(objects, '203.0.113.9', 'x/a', Port.udp(1))).toBe(true);
  });

  test('a peer with podSelector: null and a namespaceSelector reads as namespaceSelector only', () => {
    const objects = [...base(), policy('x/p', {
      podSelector: selectA,
      ingress: [{ from: [{ podSelector: null, namespaceSelector: { matchLabels: { role: 'backend' } } }] }],
    })];
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(false);
  });
});

describe('B.1: union, scope and both ends', () => {
  test('two policies on one pod are unioned rule by rule', () => {
    const objects = [...base(),
      policy('x/p1', { podSelector: selectA, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 80 }] }] }),
      policy('x/p2', { podSelector: selectA, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'c' } } }], ports: [{ port: 81 }] }] })];
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(81))).toBe(false);
    expect(allowed(objects, 'x/c', 'x/a', Port.tcp(81))).toBe(true);
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(false);
  });

  test('a deny-all policy next to an allow policy does not narrow it (no policy conflicts)', () => {
    const objects = [...base(),
      policy('x/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
      policy('x/allow', { podSelector: selectA, ingress: [{}] })];
    expect(allowed(objects, 'y/b', 'x/a', Port.sctp(7))).toBe(true);
    expect(allowed(objects, 'y/b', 'x/b', TCP80)).toBe(false);
  });

  test('a policy in another namespace never isolates, even when its podSelector matches the labels', () => {
    const objects = [...base(), policy('y/deny', { podSelector: selectA, policyTypes: ['Ingress', 'Egress'] })];
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(true);
    expect(allowed(objects, 'x/b', 'y/a', TCP80)).toBe(false);
  });

  test('an isolated source egress denies even when the destination ingress allows', () => {
    const objects = [...base(),
      policy('x/deny-egress', { podSelector: selectA, policyTypes: ['Egress'] }),
      policy('y/allow-in', { podSelector: {}, ingress: [{}] })];
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(false);
    expect(allowed(objects, 'x/b', 'y/b', TCP80)).toBe(true);
  });

  test('an allowing source egress does not help when the destination ingress denies', () => {
    const objects = [...base(),
      policy('x/allow-out', { podSelector: selectA, policyTypes: ['Egress'], egress: [{}] }),
      policy('y/deny-in', { podSelector: {} })];
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', '203.0.113.9', TCP80)).toBe(true);
  });

  test('ingress from an external address is decided at the pod alone', () => {
    const objects = [...base(),
      policy('x/p', { podSelector: selectA, ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }] })];
    expect(allowed(objects, '203.0.113.7', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '203.0.114.7', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, '2001:db8::7', 'x/a', TCP80)).toBe(false);
  });

  test('egress to an external address is decided at the pod alone, whatever other pods ingress says', () => {
    const objects = [...base(),
      policy('x/deny-in', { podSelector: {} }),
      policy('x/p', { podSelector: selectA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '8.8.8.0/24' } }], ports: [{ port: 53, protocol: 'UDP' }] }] })];
    expect(allowed(objects, 'x/a', '8.8.8.8', Port.udp(53))).toBe(true);
    expect(allowed(objects, 'x/a', '8.8.8.8', Port.tcp(53))).toBe(false);
    expect(allowed(objects, 'x/a', '9.9.9.9', Port.udp(53))).toBe(false);
  });

  test('a pod always reaches itself even when isolated both ways', () => {
    const objects = [...base(), policy('x/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })];
    expect(allowed(objects, 'x/a', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(false);
  });
});

describe('B.4: empty versus missing peers', () => {
  function ingressFrom(from: any): any[] {
    return [...base(), policy('x/p', { podSelector: selectA, ingress: [from === undefined ? {} : { from }] })];
  }

  test('from: [] admits every pod and every external address', () => {
    const objects = ingressFrom([]);
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '203.0.113.9', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'internet', 'x/a', Port.allTraffic())).toBe(true);
  });

  test('a missing from admits every pod and every external address', () => {
    const objects = ingressFrom(undefined);
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '2001:db8::1', 'x/a', TCP80)).toBe(true);
  });

  test('peer podSelector: {} alone admits the policy namespace only, no external address', () => {
    const objects = ingressFrom([{ podSelector: {} }]);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, '203.0.113.9', 'x/a', TCP80)).toBe(false);
  });

  test('selectors with empty matchLabels and matchExpressions lists are empty selectors', () => {
    const objects = ingressFrom([{ namespaceSelector: { matchLabels: {}, matchExpressions: [] } }]);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '203.0.113.9', 'x/a', TCP80)).toBe(false);
    const everyPod = [...base(), policy('x/p', { podSelector: { matchExpressions: [] } })];
    expect(allowed(everyPod, 'y/b', 'x/c', TCP80)).toBe(false);
  });

  test('peer namespaceSelector: {} alone admits every namespace but no external address', () => {
    const objects = ingressFrom([{ namespaceSelector: {} }]);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '203.0.113.9', 'x/a', TCP80)).toBe(false);
    expect(denied(objects, 'internet', 'x/a', TCP80)).toBe(true);
  });

  test('a peer {} is invalid (A.5): the API server rejects the policy, so it neither isolates nor allows, and is named in warnings', () => {
    const objects = ingressFrom([{}]);
    const reach = Reachability.fromManifests(objects);
    expect(reach.warnings.join('\n')).toMatch(/x\/p is left out: .*spec\.ingress\[0\]\.from\[0\]: Required value: must specify a peer/);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '203.0.113.9', 'x/a', TCP80)).toBe(true);
  });

  test('podSelector and namespaceSelector in one peer are ANDed', () => {
    const objects = ingressFrom([{ namespaceSelector: { matchLabels: { role: 'backend' } }, podSelector: { matchLabels: { pod: 'b' } } }]);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
  });

  test('the same selectors as two peers are ORed', () => {
    const objects = ingressFrom([{ namespaceSelector: { matchLabels: { role: 'backend' } } }, { podSelector: { matchLabels: { pod: 'b' } } }]);
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(false);
  });

  test('egress to a podSelector-only peer means the source policy namespace', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] })];
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', 'y/b', TCP80)).toBe(false);
  });
});

describe('B.5: label selectors', () => {
  const objects = (peer: any, extra: any[] = []): any[] => [
    ...base(),
    namespace('z'), // no custom labels
    pod('z/a', { pod: 'a' }),
    pod('x/e', { pod: 'e', env: '' }),
    pod('x/f', { pod: 'f', env: 'prod' }),
    pod('x/g', { pod: 'g', App: 'Web' }),
    ...extra,
    policy('x/p', { podSelector: selectA, ingress: [{ from: [peer] }] }),
  ];

  test('NotIn matches a namespace that lacks the key', () => {
    const o = objects({ namespaceSelector: { matchExpressions: [{ key: 'role', operator: 'NotIn', values: ['frontend'] }] } });
    expect(allowed(o, 'z/a', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'y/a', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'x/b', 'x/a', TCP80)).toBe(false);
  });

  test('DoesNotExist matches pods without the key, not pods with an empty value', () => {
    const o = objects({ podSelector: { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] } });
    expect(allowed(o, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'x/e', 'x/a', TCP80)).toBe(false);
    expect(allowed(o, 'x/f', 'x/a', TCP80)).toBe(false);
  });

  test('Exists matches an empty value', () => {
    const o = objects({ podSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } });
    expect(allowed(o, 'x/e', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'x/f', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'x/b', 'x/a', TCP80)).toBe(false);
  });

  test('In requires the key: a missing key never matches, even for the value ""', () => {
    const o = objects({ podSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['', 'dev'] }] } });
    expect(allowed(o, 'x/e', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'x/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(o, 'x/f', 'x/a', TCP80)).toBe(false);
  });

  test('matchLabels {env: ""} matches only the empty value', () => {
    const o = objects({ podSelector: { matchLabels: { env: '' } } });
    expect(allowed(o, 'x/e', 'x/a', TCP80)).toBe(true);
    expect(allowed(o, 'x/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(o, 'x/f', 'x/a', TCP80)).toBe(false);
  });

  test('matching is case-sensitive in keys and values', () => {
    expect(allowed(objects({ podSelector: { matchLabels: { App: 'Web' } } }), 'x/g', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects({ podSelector: { matchLabels: { App: 'web' } } }), 'x/g', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects({ podSelector: { matchLabels: { app: 'Web' } } }), 'x/g', 'x/a', TCP80)).toBe(false);
  });

  test('matchLabels and matchExpressions are ANDed', () => {
    const o = objects({ podSelector: { matchLabels: { pod: 'f' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] } });
    expect(allowed(o, 'x/f', 'x/a', TCP80)).toBe(false);
  });

  test('a contradictory selector (In and NotIn the same value) matches nothing', () => {
    const o = objects({ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }, { key: 'pod', operator: 'NotIn', values: ['b'] }] } });
    expect(allowed(o, 'x/b', 'x/a', TCP80)).toBe(false);
  });
});

describe('B.6: the namespace name label', () => {
  const byName = (name: string): any => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });

  test('is present on a declared namespace whose labels do not list it', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, ingress: [{ from: [byName('y')] }] })];
    expect(allowed(objects, 'y/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(false);
  });

  test('is present on a namespace known only from its pods', () => {
    const objects = [...base(), pod('w/a', { pod: 'a' }), policy('x/p', { podSelector: selectA, ingress: [{ from: [byName('w')] }] })];
    expect(allowed(objects, 'w/a', 'x/a', TCP80)).toBe(true);
  });

  test('always carries the real name, even when the Namespace object lists another value', () => {
    const objects = [
      namespace('x'), namespace('y', { 'kubernetes.io/metadata.name': 'other' }),
      pod('x/a', { pod: 'a' }), pod('y/b', { pod: 'b' }),
      policy('x/p', { podSelector: selectA, ingress: [{ from: [byName('y')] }] }),
    ];
    expect(allowed(objects, 'y/b', 'x/a', TCP80)).toBe(true);
    const wrong = [...objects.slice(0, 4), policy('x/p', { podSelector: selectA, ingress: [{ from: [byName('other')] }] })];
    expect(allowed(wrong, 'y/b', 'x/a', TCP80)).toBe(false);
  });

  test('a podSelector on the namespace name label selects no pods', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, ingress: [{ from: [{ podSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'x' } } }] }] })];
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
  });
});

describe('B.7: ports and protocols', () => {
  function ingressPorts(ports: any): any[] {
    return [...base(), policy('x/p', { podSelector: selectA, ingress: [ports === undefined ? {} : { ports }] })];
  }

  test('ports: [{}] means every TCP port and nothing else', () => {
    const objects = ingressPorts([{}]);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(1))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(65535))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.allTcp())).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(53))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.sctp(80))).toBe(false);
  });

  test('ports missing or [] means every port of every protocol', () => {
    for (const objects of [ingressPorts(undefined), ingressPorts([])]) {
      expect(allowed(objects, 'x/b', 'x/a', Port.allTraffic())).toBe(true);
      expect(allowed(objects, 'x/b', 'x/a', Port.sctp(1))).toBe(true);
    }
  });

  test('ports: [{protocol: UDP}] means every UDP port only', () => {
    const objects = ingressPorts([{ protocol: 'UDP' }]);
    expect(allowed(objects, 'x/b', 'x/a', Port.allUdp())).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(53))).toBe(false);
  });

  test('a port without protocol is TCP only', () => {
    const objects = ingressPorts([{ port: 53 }]);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(53))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(53))).toBe(false);
  });

  test('port + endPort is an inclusive range', () => {
    const objects = ingressPorts([{ port: 8000, endPort: 8010, protocol: 'UDP' }]);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(7999))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(8000))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(8010))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(8011))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.udpRange(8000, 8010))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(8005))).toBe(false);
  });

  test('endPort equal to port is one port', () => {
    const objects = ingressPorts([{ port: 80, endPort: 80 }]);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(80))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(81))).toBe(false);
  });

  test('an SCTP rule does not admit TCP or UDP on the same port', () => {
    const objects = ingressPorts([{ port: 80, protocol: 'SCTP' }]);
    expect(allowed(objects, 'x/b', 'x/a', Port.sctp(80))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(80))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(80))).toBe(false);
  });

  test('a query over a range is partly allowed when the rule covers part of it', () => {
    const objects = ingressPorts([{ port: 80 }]);
    const v = Reachability.fromManifests(objects).verdict(endpoint('x/b'), endpoint('x/a'), Port.tcpRange(79, 81));
    expect(v.allowed).toBe(false);
    expect(v.denied).toBe(false);
  });

  test('port entries of several rules add up to one set', () => {
    const objects = [...base(), policy('x/p', {
      podSelector: selectA,
      ingress: [
        { ports: [{ port: 80, endPort: 85 }] },
        { ports: [{ port: 86, endPort: 90 }, { protocol: 'UDP' }, { protocol: 'SCTP' }] },
      ],
    })];
    expect(allowed(objects, 'x/b', 'x/a', Port.tcpRange(80, 90))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcpRange(80, 91))).toBe(false);
    expect(denied(objects, 'x/b', 'x/a', Port.tcpRange(80, 91))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.allTraffic())).toBe(false);
    const all = [...base(), policy('x/p', { podSelector: selectA, ingress: [{ ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }, { protocol: 'SCTP' }] }] })];
    expect(allowed(all, 'x/b', 'x/a', Port.allTraffic())).toBe(true);
  });

  test('a port rule and a peer rule do not combine across rules', () => {
    const objects = [...base(), policy('x/p', {
      podSelector: selectA,
      ingress: [
        { from: [{ podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 80 }] },
        { from: [{ podSelector: { matchLabels: { pod: 'c' } } }], ports: [{ port: 81 }] },
      ],
    })];
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(81))).toBe(false);
    expect(allowed(objects, 'x/c', 'x/a', Port.tcp(80))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(80))).toBe(true);
  });

  test('egress ports are the destination port', () => {
    const objects = [...base(), policy('x/p', { podSelector: selectA, policyTypes: ['Egress'], egress: [{ ports: [{ port: 5432 }] }] })];
    expect(allowed(objects, 'x/a', 'y/b', Port.tcp(5432))).toBe(true);
    expect(allowed(objects, 'x/a', '203.0.113.9', Port.tcp(5432))).toBe(true);
    expect(allowed(objects, 'x/a', 'y/b', Port.tcp(5433))).toBe(false);
  });
});

describe('B.8: named ports', () => {
  function cluster(extraPolicy: any): any[] {
    return [
      namespace('x'), namespace('y'),
      pod('x/a', { pod: 'a' }, { containers: [[{ containerPort: 8080, name: 'http' }, { containerPort: 53, name: 'dns', protocol: 'UDP' }]] }),
      pod('x/b', { pod: 'b' }, { containers: [[{ containerPort: 9090, name: 'http' }, { containerPort: 7070, name: 'web' }]] }),
      pod('x/c', { pod: 'c' }, { containers: [[{ containerPort: 80, name: 'http' }], [{ containerPort: 8443, name: 'http' }]] }),
      pod('y/d', { pod: 'd' }, { containers: [[{ containerPort: 7070, name: 'web' }]] }),
      extraPolicy,
    ];
  }

  test('an ingress named port resolves on the selected pod, not on the source', () => {
    const objects = cluster(policy('x/p', { podSelector: selectA, ingress: [{ ports: [{ port: 'http' }] }] }));
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(8080))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(9090))).toBe(false);
    expect(allowed(objects, '203.0.113.9', 'x/a', Port.tcp(8080))).toBe(true);
  });

  test('an ingress named port resolves per selected pod', () => {
    const objects = cluster(policy('x/p', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] }));
    expect(allowed(objects, 'y/d', 'x/a', Port.tcp(8080))).toBe(true);
    expect(allowed(objects, 'y/d', 'x/b', Port.tcp(9090))).toBe(true);
    expect(allowed(objects, 'y/d', 'x/b', Port.tcp(8080))).toBe(false);
  });

  test('an egress named port resolves on each destination pod', () => {
    const objects = cluster(policy('x/p', { podSelector: selectA, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'web' }] }] }));
    expect(allowed(objects, 'x/a', 'x/b', Port.tcp(7070))).toBe(true);
    expect(allowed(objects, 'x/a', 'y/d', Port.tcp(7070))).toBe(true);
    // x/c has no port named web.
    expect(allowed(objects, 'x/a', 'x/c', Port.tcp(7070))).toBe(false);
  });

  test('an egress named port never matches an external destination', () => {
    const objects = cluster(policy('x/p', { podSelector: selectA, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'http' }] }] }));
    expect(allowed(objects, 'x/a', '203.0.113.9', Port.tcp(8080))).toBe(false);
    expect(denied(objects, 'x/a', 'internet', Port.allTraffic())).toBe(true);
  });

  test('a named port whose container port has another protocol does not match', () => {
    const objects = cluster(policy('x/p', { podSelector: selectA, ingress: [{ ports: [{ port: 'dns' }] }] }));
    expect(allowed(objects, 'x/b', 'x/a', Port.udp(53))).toBe(false);
    expect(allowed(objects, 'x/b', 'x/a', Port.tcp(53))).toBe(false);
    const udp = cluster(policy('x/p', { podSelector: selectA, ingress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] }));
    expect(allowed(udp, 'x/b', 'x/a', Port.udp(53))).toBe(true);
    expect(allowed(udp, 'x/b', 'x/a', Port.tcp(53))).toBe(false);
  });

  test('two containers declaring the same name open both numbers', () => {
    const objects = cluster(policy('x/p', { podSelector: { matchLabels: { pod: 'c' } }, ingress: [{ ports: [{ port: 'http' }] }] }));
    expect(allowed(objects, 'x/a', 'x/c', Port.tcp(80))).toBe(true);
    expect(allowed(objects, 'x/a', 'x/c', Port.tcp(8443))).toBe(true);
    expect(allowed(objects, 'x/a', 'x/c', Port.tcp(81))).toBe(false);
  });

  test('a named port does not match an undeclared number', () => {
    const objects = cluster(policy('x/p', { podSelector: selectA, ingress: [{ ports: [{ port: 'metrics' }] }] }));
    expect(denied(objects, 'x/b', 'x/a', Port.allTraffic())).toBe(true);
  });

  test('a Port.named query resolves on the destination', () => {
    const objects = cluster(policy('x/p', { podSelector: selectA, ingress: [{ ports: [{ port: 8080 }] }] }));
    expect(allowed(objects, 'x/b', 'x/a', Port.named('http'))).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', Port.named('dns', Protocol.UDP))).toBe(false);
  });
});

describe('B.9: ipBlock', () => {
  function withPodIps(peerOrRule: any, direction: 'ingress' | 'egress'): any[] {
    return [
      namespace('x'),
      pod('x/a', { pod: 'a' }, { ips: ['10.0.0.4'] }),
      pod('x/b', { pod: 'b' }, { ips: ['10.0.0.5', 'fd00::5'] }),
      pod('x/c', { pod: 'c' }, { ips: ['10.0.1.6'] }),
      direction === 'ingress'
        ? policy('x/p', { podSelector: selectA, ingress: [peerOrRule] })
        : policy('x/p', { podSelector: selectA, policyTypes: ['Egress'], egress: [peerOrRule] }),
    ];
  }

  test('except removes its addresses from the cidr', () => {
    const objects = withPodIps({ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }, 'ingress');
    expect(allowed(objects, '10.1.2.3', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, '10.1.255.255', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, '10.0.255.255', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '10.2.0.0', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '11.0.0.0', 'x/a', TCP80)).toBe(false);
  });

  test('an address excluded by one ipBlock is admitted by another peer', () => {
    const objects = withPodIps({ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { ipBlock: { cidr: '10.1.2.0/24' } }] }, 'ingress');
    expect(allowed(objects, '10.1.2.3', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '10.1.3.3', 'x/a', TCP80)).toBe(false);
  });

  test('IPv4 blocks do not match IPv6 addresses and the reverse', () => {
    const v4 = withPodIps({ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }, 'ingress');
    expect(allowed(v4, '2001:db8::1', 'x/a', TCP80)).toBe(false);
    expect(allowed(v4, '198.51.100.1', 'x/a', TCP80)).toBe(true);
    const v6 = withPodIps({ from: [{ ipBlock: { cidr: '::/0' } }] }, 'ingress');
    expect(allowed(v6, '198.51.100.1', 'x/a', TCP80)).toBe(false);
    expect(allowed(v6, '2001:db8::1', 'x/a', TCP80)).toBe(true);
  });

  test('host bits of a legacy cidr are masked', () => {
    const objects = withPodIps({ from: [{ ipBlock: { cidr: '192.168.1.5/24' } }] }, 'ingress');
    expect(allowed(objects, '192.168.1.200', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '192.168.2.5', 'x/a', TCP80)).toBe(false);
  });

  test('legacy CIDR spellings are read as servers before 1.36 stored them', () => {
    const from = (block: any): any[] => withPodIps({ from: [{ ipBlock: block }] }, 'ingress');
    // Leading zeros are decimal, not octal.
    expect(allowed(from({ cidr: '010.0.0.0/8' }), '10.1.2.3', 'x/a', TCP80)).toBe(true);
    expect(allowed(from({ cidr: '10.0.0.0/08' }), '10.1.2.3', 'x/a', TCP80)).toBe(true);
    expect(allowed(from({ cidr: '010.0.0.0/8' }), '8.1.2.3', 'x/a', TCP80)).toBe(false);
    // Upper-case IPv6 is the same block.
    expect(allowed(from({ cidr: 'FD00::/8' }), 'fd12::1', 'x/a', TCP80)).toBe(true);
    // An IPv4-mapped block contains the IPv4 addresses it maps, as Go's net.IPNet.Contains says.
    expect(allowed(from({ cidr: '::ffff:1.2.3.0/120' }), '1.2.3.4', 'x/a', TCP80)).toBe(true);
    expect(allowed(from({ cidr: '::ffff:1.2.3.0/120' }), '1.2.4.4', 'x/a', TCP80)).toBe(false);
  });

  test('an egress ipBlock on a pod /32 reaches that pod by default and not with ipBlockMatchesPodIps: false', () => {
    const objects = withPodIps({ to: [{ ipBlock: { cidr: '10.0.0.5/32' } }] }, 'egress');
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', 'x/c', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'x/b', TCP80, { ipBlockMatchesPodIps: false })).toBe(false);
  });

  test('a large egress cidr with except <podIP>/32 blocks just that pod', () => {
    const objects = withPodIps({ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.5/32'] } }] }, 'egress');
    expect(allowed(objects, 'x/a', 'x/b', TCP80)).toBe(false);
    expect(allowed(objects, 'x/a', 'x/c', TCP80)).toBe(true);
  });

  test('an ingress ipBlock matches a source pod by its IP by default', () => {
    const objects = withPodIps({ from: [{ ipBlock: { cidr: '10.0.1.0/24' } }] }, 'ingress');
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(false);
    expect(allowed(objects, 'x/c', 'x/a', TCP80, { ipBlockMatchesPodIps: false })).toBe(false);
  });

  test('an IPv6 ipBlock matches a dual-stack pod by its IPv6 address', () => {
    const objects = withPodIps({ from: [{ ipBlock: { cidr: 'fd00::/64' } }] }, 'ingress');
    expect(allowed(objects, 'x/b', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/c', 'x/a', TCP80)).toBe(false);
  });

  test('a CIDR question is allowed only when every address of it is', () => {
    const objects = withPodIps({ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }, 'ingress');
    expect(allowed(objects, '10.2.0.0/16', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, '10.0.0.0/15', 'x/a', TCP80)).toBe(false);
    expect(denied(objects, '10.0.0.0/15', 'x/a', TCP80)).toBe(false);
    expect(denied(objects, '10.1.128.0/17', 'x/a', TCP80)).toBe(true);
  });

  test('internet means every IPv4 and IPv6 address', () => {
    const both = withPodIps({ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }] }, 'ingress');
    expect(allowed(both, 'internet', 'x/a', TCP80)).toBe(true);
    const v4 = withPodIps({ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }, 'ingress');
    expect(allowed(v4, 'internet', 'x/a', TCP80)).toBe(false);
    expect(denied(v4, 'internet', 'x/a', TCP80)).toBe(false);
  });

  test('a pod without a known IP is not matched by any ipBlock', () => {
    const objects = [namespace('x'), pod('x/a', { pod: 'a' }), pod('x/n', { pod: 'n' }),
      policy('x/p', { podSelector: selectA, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })];
    expect(allowed(objects, 'x/n', 'x/a', TCP80)).toBe(false);
  });
});

describe('B.10: hostNetwork pods', () => {
  const objects = [
    namespace('x'),
    pod('x/a', { pod: 'a' }),
    pod('x/h', { pod: 'h' }, { hostNetwork: true, ips: ['192.168.0.10'] }),
    policy('x/deny', { podSelector: {} }),
    policy('x/from-h', { podSelector: selectA, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'h' } } }] }] }),
  ];

  test('as-pod (default): a hostNetwork pod is selected and matched by its labels', () => {
    expect(allowed(objects, 'x/h', 'x/a', TCP80)).toBe(true);
    expect(allowed(objects, 'x/a', 'x/h', TCP80)).toBe(false);
  });

  test('as-node: a hostNetwork pod is invisible to selectors, so it is not isolated and not a labelled peer', () => {
    const options = { hostNetwork: HostNetworkMode.AS_NODE };
    expect(allowed(objects, 'x/a', 'x/h', TCP80, options)).toBe(true);
    expect(allowed(objects, 'x/h', 'x/a', TCP80, options)).toBe(false);
  });

  test('as-node: a namespace-wide egress deny does not hold back a hostNetwork pod', () => {
    const egressDeny = [namespace('x'), pod('x/a', { pod: 'a' }), pod('x/h', { pod: 'h' }, { hostNetwork: true }),
      policy('x/deny-egress', { podSelector: {}, policyTypes: ['Egress'] })];
    expect(allowed(egressDeny, 'x/h', 'x/a', TCP80)).toBe(false);
    expect(allowed(egressDeny, 'x/h', 'x/a', TCP80, { hostNetwork: HostNetworkMode.AS_NODE })).toBe(true);
    expect(allowed(egressDeny, 'x/a', 'x/h', TCP80, { hostNetwork: HostNetworkMode.AS_NODE })).toBe(false);
  });

  test('as-node: a hostNetwork pod is still matched by an ipBlock on its IP', () => {
    const withIpBlock = [...objects, policy('x/from-node', { podSelector: selectA, ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }] }] })];
    expect(allowed(withIpBlock, 'x/h', 'x/a', TCP80, { hostNetwork: HostNetworkMode.AS_NODE })).toBe(true);
  });
});
