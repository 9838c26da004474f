/**
 * The field path of the rule that allowed a connection names the rule, the peer and the port by
 * their own indices. The fixtures make every index different, so a path built from the wrong
 * index (peer for port, rule for peer) cannot pass.
 */
import { e2eCluster, policy } from './e2e-model';
import { Evaluator } from '../../src/eval/evaluator';

const podIs = (pod: string) => ({ matchLabels: { pod } });
const nsIs = (ns: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } });
const unrelated = { from: [{ podSelector: podIs('nobody') }], ports: [{ port: 9 }] };

test('an ingress allow names rule 1, peer 2 and port 0', () => {
  const cluster = e2eCluster(policy('x', 'p', {
    podSelector: podIs('a'),
    ingress: [
      unrelated,
      {
        from: [{ podSelector: podIs('nobody') }, { namespaceSelector: nsIs('z') }, { podSelector: podIs('b') }],
        ports: [{ port: 80 }, { port: 8080 }, { port: 8443 }],
      },
    ],
  }));
  const v = new Evaluator(cluster).verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
  expect(v.ingress.allowedBy).toEqual([expect.objectContaining({
    ruleIndex: 1,
    peerIndex: 2,
    portIndex: 0,
    fieldPath: 'spec.ingress[1].from[2] + spec.ingress[1].ports[0]',
  })]);
});

test('an egress allow names rule 2, peer 0 and port 1', () => {
  const cluster = e2eCluster(policy('x', 'p', {
    podSelector: podIs('a'),
    policyTypes: ['Egress'],
    egress: [
      unrelated,
      unrelated,
      {
        to: [{ namespaceSelector: nsIs('y'), podSelector: podIs('c') }, { podSelector: podIs('nobody') }],
        ports: [{ port: 9 }, { port: 81 }],
      },
    ],
  }));
  const v = new Evaluator(cluster).verdict({ source: { workload: 'x/a' }, destination: { workload: 'y/c' }, protocol: 'TCP', port: 81 });
  expect(v.egress.allowedBy).toEqual([expect.objectContaining({
    ruleIndex: 2,
    peerIndex: 0,
    portIndex: 1,
    fieldPath: 'spec.egress[2].to[0] + spec.egress[2].ports[1]',
  })]);
});
