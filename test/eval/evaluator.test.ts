import { allows, e2eCluster, evaluate, podIp, policy, truthTable } from './e2e-model';
import { Evaluator } from '../../src/eval/evaluator';
import { Cluster } from '../../src/model/cluster';

const x = (name: string, spec: any) => policy('x', name, spec);
const podIs = (pod: string) => ({ matchLabels: { pod } });
const nsIs = (ns: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } });

describe('Evaluator', () => {
  describe('isolation and policyTypes (B.1, B.2)', () => {
    test('with no policies every pod reaches every pod on every port and protocol', () => {
      const e = evaluate(undefined);
      expect(e.workloadConnections(w(e, 'x/a'), w(e, 'y/b')).isAll()).toBe(true);
      const v = e.verdict({ source: { workload: 'x/a' }, destination: { workload: 'y/b' }, protocol: 'UDP', port: 53 });
      expect(v.allowed).toBe(true);
      expect(v.ingress.isolated).toBe(false);
      expect(v.egress.isolated).toBe(false);
    });

    test('a bare podSelector {} policy is default-deny ingress and leaves egress open', () => {
      const e = evaluate(undefined, x('deny', { podSelector: {} }));
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(false);
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(false);
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(true);
      expect(allows(e, 'y/a', 'y/b', 80)).toBe(true);
    });

    test('a policy only isolates pods of its own namespace', () => {
      const e = evaluate(undefined, policy('y', 'deny', { podSelector: {} }));
      expect(allows(e, 'x/a', 'x/b', 80)).toBe(true);
      expect(allows(e, 'x/a', 'y/b', 80)).toBe(false);
    });

    test('egress: [] without policyTypes does not add Egress (A.0)', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, egress: [] }));
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(true);
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(false);
    });

    test('egress rules without policyTypes isolate ingress too (accidental lockdown)', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, egress: [{}] }));
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(true);
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(false);
      const v = e.verdict({ source: { workload: 'y/a' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(v.ingress.isolatingPolicies.map((p) => p.name)).toEqual(['p']);
    });

    test('policyTypes [Egress] ignores listed ingress rules and isolates only egress', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: podIs('b') }] }] }));
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(false);
      expect(allows(e, 'x/a', 'x/b', 80)).toBe(false);
    });

    test('policyTypes [Ingress] drops egress rules: egress stays open', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, policyTypes: ['Ingress'], egress: [{ to: [{ podSelector: podIs('b') }] }] }));
      expect(allows(e, 'x/a', 'y/c', 81)).toBe(true);
    });

    test('a missing or null podSelector selects every pod in the namespace', () => {
      for (const spec of [{}, { podSelector: null }]) {
        const e = evaluate(undefined, x('p', spec));
        expect(allows(e, 'y/a', 'x/c', 80)).toBe(false);
      }
    });

    test('pod-to-pod needs egress at the source and ingress at the destination', () => {
      const e = evaluate(undefined,
        x('deny-egress', { podSelector: podIs('a'), policyTypes: ['Egress'] }),
        policy('y', 'allow-all-in', { podSelector: {}, ingress: [{}] }));
      expect(allows(e, 'x/a', 'y/b', 80)).toBe(false);
      const v = e.verdict({ source: { workload: 'x/a' }, destination: { workload: 'y/b' }, protocol: 'TCP', port: 80 });
      expect(v.egress.allowed).toBe(false);
      expect(v.ingress.allowed).toBe(true);
      expect(v.ingress.allowedBy).toEqual([expect.objectContaining({ ruleIndex: 0, fieldPath: 'spec.ingress[0]' })]);
    });
  });

  describe('boolean structure (B.3)', () => {
    test('ports AND peers within a rule', () => {
      const e = evaluate(undefined, x('p', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }], ports: [{ port: 80 }] }] }));
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/b', 'x/a', 81)).toBe(false);
      expect(allows(e, 'x/c', 'x/a', 80)).toBe(false);
    });

    test('OR across peers, rules and policies', () => {
      const e = evaluate(undefined,
        x('p1', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }, { podSelector: podIs('c') }], ports: [{ port: 80 }] }, { ports: [{ port: 82 }] }] }),
        x('p2', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81 }] }] }));
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/c', 'x/a', 80)).toBe(true);
      expect(allows(e, 'z/c', 'x/a', 82)).toBe(true);
      expect(allows(e, 'y/c', 'x/a', 81)).toBe(true);
      expect(allows(e, 'y/c', 'x/a', 80)).toBe(false);
      expect(e.workloadConnections(w(e, 'x/b'), w(e, 'x/a')).toString()).toBe('TCP 80,82');
      expect(e.workloadConnections(w(e, 'y/b'), w(e, 'x/a')).toString()).toBe('TCP 81-82');
    });
  });

  describe('empty versus missing (B.4)', () => {
    test('ingress: [{}] allows everything, including external addresses', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{}] }));
      expect(e.workloadConnections(w(e, 'y/a'), w(e, 'x/a')).isAll()).toBe(true);
      expect(e.verdict({ source: { ip: '203.0.113.9' }, destination: { workload: 'x/a' }, protocol: 'SCTP', port: 9 }).allowed).toBe(true);
    });

    test('ports: [] or missing means all ports of all protocols', () => {
      for (const ports of [undefined, []]) {
        const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }], ports }] }));
        expect(e.workloadConnections(w(e, 'x/b'), w(e, 'x/a')).isAll()).toBe(true);
      }
    });

    test('ports: [{}] means all TCP ports only', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{}] }] }));
      expect(e.workloadConnections(w(e, 'x/b'), w(e, 'x/a')).toString()).toBe('TCP 1-65535');
    });

    test('ports: [{protocol: UDP}] means all UDP ports', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{ protocol: 'UDP' }] }] }));
      expect(e.workloadConnections(w(e, 'x/b'), w(e, 'x/a')).toString()).toBe('UDP 1-65535');
    });

    test('from: [] or missing means every source, including external addresses', () => {
      for (const from of [undefined, []]) {
        const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from, ports: [{ port: 80 }] }] }));
        expect(allows(e, 'z/c', 'x/a', 80)).toBe(true);
        expect(e.verdict({ source: { internet: true }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(true);
      }
    });

    test('peer podSelector: {} alone means every pod of the policy namespace only', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }));
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(true);
      expect(allows(e, 'y/b', 'x/a', 80)).toBe(false);
      expect(e.verdict({ source: { ip: podIp('y', 'b') }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(false);
    });

    test('peer namespaceSelector: {} alone means every pod of every namespace, but no external address', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] }));
      expect(allows(e, 'y/b', 'x/a', 80)).toBe(true);
      expect(allows(e, 'z/c', 'x/a', 80)).toBe(true);
      expect(e.verdict({ source: { ip: '203.0.113.9' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(false);
    });

    test('peer namespaceSelector: {} with podSelector: {} means every pod of every namespace', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {}, podSelector: {} }] }] }));
      expect(allows(e, 'z/c', 'x/a', 80)).toBe(true);
    });

    test('peer namespaceSelector X alone means every pod of the matching namespaces', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: nsIs('y') }] }] }));
      expect(allows(e, 'y/c', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/c', 'x/a', 80)).toBe(false);
      expect(allows(e, 'z/c', 'x/a', 80)).toBe(false);
    });

    test('peer namespaceSelector X with podSelector Y is an AND', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: nsIs('y'), podSelector: podIs('b') }] }] }));
      expect(allows(e, 'y/b', 'x/a', 80)).toBe(true);
      expect(allows(e, 'y/c', 'x/a', 80)).toBe(false);
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(false);
    });

    test('policies with shapes the API server cannot decode are evaluated without throwing', () => {
      const odd = x('odd', {
        podSelector: { matchLabels: ['pod=a'] },
        ingress: [{ from: { podSelector: {} }, ports: 'all' }, { from: [{ podSelector: { matchExpressions: 5 } }], ports: [null, { protocol: 'ICMP' }] }],
        egress: 'none',
      } as any);
      const e = evaluate(undefined, odd);
      expect(() => e.connectivity()).not.toThrow();
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(true); // the undecodable podSelector selects no pod
    });

    test('an invalid peer {} matches nothing instead of everything', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{}] }] }));
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(false);
    });
  });

  describe('label selectors (B.5, B.6)', () => {
    test('NotIn and DoesNotExist match pods without the key', () => {
      const cluster = e2eCluster(x('p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] } }] }] }));
      cluster.addWorkload({ namespace: 'x', name: 'web', labels: { tier: 'web' } });
      cluster.addWorkload({ namespace: 'x', name: 'db', labels: { tier: 'db' } });
      const e = new Evaluator(cluster);
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/db', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/web', 'x/a', 80)).toBe(false);
    });

    test('In needs the key; DoesNotExist needs its absence; values are case-sensitive', () => {
      const e = evaluate(undefined,
        x('p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['B', 'c'] }] } }] }] }),
        x('q', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] } }], ports: [{ port: 9 }] }] }));
      expect(allows(e, 'x/c', 'x/a', 80)).toBe(true);
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(false);
      expect(allows(e, 'x/b', 'x/a', 9)).toBe(true);
    });

    test('namespaces are selected by their own labels, including kubernetes.io/metadata.name', () => {
      const cluster = e2eCluster(x('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'blue' } } }] }] }));
      cluster.addNamespace('z', { team: 'blue' });
      const e = new Evaluator(cluster);
      expect(allows(e, 'z/a', 'x/a', 80)).toBe(true);
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(false);
      expect(cluster.namespace('z')!.labels).toEqual({ 'team': 'blue', 'kubernetes.io/metadata.name': 'z' });
    });

    test('a podSelector on a namespace label selects no pod', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ podSelector: nsIs('x') }] }] }));
      expect(allows(e, 'x/b', 'x/a', 80)).toBe(false);
    });
  });

  describe('ports and protocols (B.7)', () => {
    test('a port entry without protocol means TCP', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{ port: 53 }] }] }));
      expect(allows(e, 'y/a', 'x/a', 53, 'TCP')).toBe(true);
      expect(allows(e, 'y/a', 'x/a', 53, 'UDP')).toBe(false);
    });

    test('a UDP-only or SCTP-only allow keeps TCP blocked', () => {
      for (const protocol of ['UDP', 'SCTP'] as const) {
        const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{ protocol, port: 80 }] }] }));
        expect(allows(e, 'y/a', 'x/a', 80, protocol)).toBe(true);
        expect(allows(e, 'y/a', 'x/a', 80, 'TCP')).toBe(false);
      }
    });

    test('port with endPort is an inclusive range', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 8080 }] }] }));
      expect(e.workloadConnections(w(e, 'y/a'), w(e, 'x/a')).toString()).toBe('TCP 8000-8080');
    });

    test('egress ports are destination ports on the peer', () => {
      const e = evaluate(undefined, x('p', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ ports: [{ port: 81 }] }] }));
      expect(allows(e, 'x/a', 'y/b', 81)).toBe(true);
      expect(allows(e, 'x/a', 'y/b', 80)).toBe(false);
    });
  });

  describe('named ports (B.8)', () => {
    test('an ingress named port resolves on the selected pod', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] }));
      expect(allows(e, 'y/a', 'x/a', 81)).toBe(true);
      expect(allows(e, 'y/a', 'x/a', 80)).toBe(false);
    });

    test('an egress named port resolves on each destination pod', () => {
      const cluster = e2eCluster(x('p', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] }));
      cluster.addWorkload({ namespace: 'y', name: 'web1', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] });
      cluster.addWorkload({ namespace: 'y', name: 'web2', ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] });
      const e = new Evaluator(cluster);
      expect(e.workloadConnections(w(e, 'x/a'), w(e, 'y/web1')).toString()).toBe('TCP 8080');
      expect(e.workloadConnections(w(e, 'x/a'), w(e, 'y/web2')).toString()).toBe('TCP 9090');
      expect(e.workloadConnections(w(e, 'x/a'), w(e, 'y/b')).isEmpty()).toBe(true);
    });

    test('the rule protocol must equal the container port protocol', () => {
      const cluster = e2eCluster(x('p', { podSelector: {}, ingress: [{ ports: [{ port: 'dns' }] }, { ports: [{ port: 'dns', protocol: 'UDP' }] }] }));
      cluster.addWorkload({ namespace: 'x', name: 'dns', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] });
      const e = new Evaluator(cluster);
      expect(e.workloadConnections(w(e, 'y/a'), w(e, 'x/dns')).toString()).toBe('UDP 53');
    });

    test('a name declared by two containers resolves to both ports', () => {
      const cluster = e2eCluster(x('p', { podSelector: {}, ingress: [{ ports: [{ port: 'metrics' }] }] }));
      cluster.addWorkload({ namespace: 'x', name: 'two', ports: [{ name: 'metrics', port: 9100, protocol: 'TCP' }, { name: 'metrics', port: 9200, protocol: 'TCP' }] });
      const e = new Evaluator(cluster);
      expect(e.workloadConnections(w(e, 'y/a'), w(e, 'x/two')).toString()).toBe('TCP 9100,9200');
    });

    test('a named port never matches an external destination', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-tcp' }] }] }));
      expect(e.verdict({ source: { workload: 'x/a' }, destination: { ip: '203.0.113.1' }, protocol: 'TCP', port: 80 }).allowed).toBe(false);
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(true);
    });
  });

  describe('ipBlock (B.9)', () => {
    test('cidr minus except, for external sources', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } }] }] }));
      const from = (ip: string) => e.verdict({ source: { ip }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed;
      expect(from('192.168.0.7')).toBe(true);
      expect(from('192.168.1.7')).toBe(false);
      expect(from('192.169.0.1')).toBe(false);
    });

    test('an address excluded by one ipBlock is still allowed by another peer (union)', () => {
      const e = evaluate(undefined, x('p', {
        podSelector: {},
        ingress: [{
          from: [
            { ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } },
            { ipBlock: { cidr: '192.168.1.7/32' } },
          ],
        }],
      }));
      expect(e.verdict({ source: { ip: '192.168.1.7' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(true);
    });

    test('IPv4 and IPv6 blocks only match their own family', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '::/0' } }] }] }));
      expect(e.verdict({ source: { ip: '2001:db8::1' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(true);
      expect(e.verdict({ source: { ip: '8.8.8.8' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(false);
    });

    test('host bits of a legacy cidr are masked', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '192.168.7.9/16' } }] }] }));
      expect(e.verdict({ source: { ip: '192.168.200.1' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).allowed).toBe(true);
    });

    test('an egress ipBlock of a pod IP /32 allows exactly that pod (upstream e2e)', () => {
      const e = evaluate(undefined, x('p', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${podIp('y', 'b')}/32` } }] }] }));
      expect(allows(e, 'x/a', 'y/b', 80)).toBe(true);
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(false);
    });

    test('a large cidr with except <podIP>/32 blocks just that pod (upstream e2e)', () => {
      const e = evaluate(undefined, x('p', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: [`${podIp('y', 'b')}/32`] } }] }] }));
      expect(allows(e, 'x/a', 'y/b', 80)).toBe(false);
      expect(allows(e, 'x/a', 'y/c', 80)).toBe(true);
    });

    test('with ipBlockMatchesPodIps false, ipBlocks never select pods', () => {
      const e = evaluate({ ipBlockMatchesPodIps: false }, x('p', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] }));
      expect(allows(e, 'x/a', 'y/b', 80)).toBe(false);
      expect(e.verdict({ source: { workload: 'x/a' }, destination: { ip: podIp('y', 'b') }, protocol: 'TCP', port: 80 }).allowed).toBe(true);
    });

    test('a pod without a known IP is never selected by an ipBlock', () => {
      const cluster = e2eCluster(x('p', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] }));
      cluster.addWorkload({ namespace: 'y', name: 'no-ip' });
      const e = new Evaluator(cluster);
      expect(allows(e, 'x/a', 'y/no-ip', 80)).toBe(false);
    });
  });

  describe('special traffic (B.10)', () => {
    test('ingress from the pod\'s own node is always allowed', () => {
      const e = evaluate(undefined, x('deny', { podSelector: {} }));
      const v = e.verdict({ source: { node: true }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 10250 });
      expect(v.allowed).toBe(true);
      expect(v.ingress.isolated).toBe(true);
      expect(v.ingress.reason).toMatch(/own node is always allowed/);
    });

    test('egress to the own node follows the rules unless nodeEgressAlwaysAllowed', () => {
      const deny = x('deny', { podSelector: {}, policyTypes: ['Egress'] });
      const query = { source: { workload: 'x/a' }, destination: { node: true as const }, protocol: 'TCP' as const, port: 10250 };
      expect(evaluate(undefined, deny).verdict(query).allowed).toBe(false);
      expect(evaluate({ nodeEgressAlwaysAllowed: true }, deny).verdict(query).allowed).toBe(true);
    });

    test('a pod can always reach itself unless selfTraffic is evaluated', () => {
      const deny = x('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      const allowed = evaluate(undefined, deny);
      expect(allows(allowed, 'x/a', 'x/a', 80)).toBe(true);
      expect(allowed.workloadConnections(w(allowed, 'x/a'), w(allowed, 'x/a')).isAll()).toBe(true);
      const evaluated = evaluate({ selfTraffic: 'evaluated' }, deny);
      expect(allows(evaluated, 'x/a', 'x/a', 80)).toBe(false);
    });

    test('hostNetwork pods are ordinary pods by default and invisible to selectors as-node', () => {
      const build = () => {
        const cluster = e2eCluster(
          x('allow-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }] }] }),
          x('deny-host', { podSelector: podIs('b'), policyTypes: ['Ingress', 'Egress'] }),
        );
        cluster.addWorkload({ namespace: 'x', name: 'agent', labels: { pod: 'b' }, hostNetwork: true, podIps: ['172.16.0.5'] });
        return cluster;
      };
      const asPod = new Evaluator(build());
      expect(allows(asPod, 'x/agent', 'x/a', 80)).toBe(false); // isolated egress like any pod b
      expect(allows(asPod, 'y/a', 'x/agent', 80)).toBe(false);
      const asNode = new Evaluator(build(), { hostNetwork: 'as-node' });
      expect(allows(asNode, 'x/agent', 'x/a', 80)).toBe(false); // not selected by the pod=b peer
      expect(allows(asNode, 'y/a', 'x/agent', 80)).toBe(true); // not isolated by deny-host
      const v = asNode.verdict({ source: { workload: 'x/agent' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(v.egress.applies).toBe(false);
    });

    test('a query needs a workload at one end at least', () => {
      const e = evaluate(undefined);
      expect(() => e.verdict({ source: { ip: '1.2.3.4' }, destination: { internet: true }, protocol: 'TCP', port: 80 }))
        .toThrow(/has no workload end.*Name a workload/);
    });

    test('unknown workloads and bad addresses give clear errors', () => {
      const e = evaluate(undefined);
      expect(() => e.verdict({ source: { workload: 'x/nope' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }))
        .toThrow('Unknown source workload "x/nope"');
      expect(() => e.verdict({ source: { ip: '10.0.0.300' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }))
        .toThrow('Invalid source IP address "10.0.0.300"');
      expect(() => e.verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 0 }))
        .toThrow('Invalid port 0: use a whole number from 1 to 65535.');
      expect(() => e.verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'tcp' as any, port: 80 }))
        .toThrow('Unsupported protocol "tcp": NetworkPolicies only cover "TCP", "UDP" and "SCTP" (upper case).');
    });
  });

  describe('upstream e2e expectations (B.12)', () => {
    test('podSelector {} without rules in x: x unreachable from anywhere, y to y fine', () => {
      const e = evaluate(undefined, x('deny-all', { podSelector: {} }));
      expect(truthTable(e, 80)).toEqual([
        'x/a -XX......',
        'x/b X-X......',
        'x/c XX-......',
        'y/a XXX-.....',
        'y/b XXX.-....',
        'y/c XXX..-...',
        'z/a XXX...-..',
        'z/b XXX....-.',
        'z/c XXX.....-',
      ]);
    });

    test('ingress peer pod=b on x/a: only x/b reaches it', () => {
      const e = evaluate(undefined, x('allow-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }] }] }));
      const column = truthTable(e, 80).map((row) => row.split(' ')[1][0]);
      expect(column).toEqual(['-', '.', 'X', 'X', 'X', 'X', 'X', 'X', 'X']);
    });

    test('namespaceSelector NotIn [x] OR podSelector pod=b', () => {
      const e = evaluate(undefined, x('p', {
        podSelector: podIs('a'),
        ingress: [{
          from: [
            { namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] } },
            { podSelector: podIs('b') },
          ],
        }],
      }));
      const column = truthTable(e, 80).map((row) => row.split(' ')[1][0]);
      expect(column).toEqual(['-', '.', 'X', '.', '.', '.', '.', '.', '.']);
    });

    test('namespaceSelector NotIn [x] AND podSelector pod=b: only y/b and z/b', () => {
      const e = evaluate(undefined, x('p', {
        podSelector: podIs('a'),
        ingress: [{
          from: [
            { namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] }, podSelector: podIs('b') },
          ],
        }],
      }));
      const column = truthTable(e, 80).map((row) => row.split(' ')[1][0]);
      expect(column).toEqual(['-', 'X', 'X', 'X', '.', 'X', 'X', '.', 'X']);
    });

    test('two stacked policies for ports 81 and 80 open each port', () => {
      const e = evaluate(undefined,
        x('p81', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 81 }] }] }),
        x('p80', { podSelector: podIs('a'), ingress: [{ from: [{ namespaceSelector: nsIs('y') }], ports: [{ port: 80 }] }] }));
      expect(e.workloadConnections(w(e, 'y/b'), w(e, 'x/a')).toString()).toBe('TCP 80-81');
    });

    test('allow-all next to a port-80-only policy opens port 81', () => {
      const e = evaluate(undefined,
        x('p80', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 80 }] }] }),
        x('allow-all', { podSelector: {}, ingress: [{}] }));
      expect(allows(e, 'y/b', 'x/a', 81)).toBe(true);
    });

    test('egress port 80 with an ingress rule from pod=b: on port 81 x/a neither sends nor receives, except from x/b', () => {
      const e = evaluate(undefined, x('p', {
        podSelector: podIs('a'),
        policyTypes: ['Egress', 'Ingress'],
        egress: [{ ports: [{ port: 80 }] }],
        ingress: [{ from: [{ podSelector: podIs('b') }] }],
      }));
      expect(allows(e, 'x/a', 'y/a', 81)).toBe(false);
      expect(allows(e, 'x/a', 'y/a', 80)).toBe(true);
      expect(allows(e, 'x/c', 'x/a', 81)).toBe(false);
      expect(allows(e, 'x/b', 'x/a', 81)).toBe(true);
    });

    test('protocol-only ingress {protocol: TCP}: TCP/80 open, UDP/80 closed', () => {
      const e = evaluate(undefined, x('p', { podSelector: {}, ingress: [{ ports: [{ protocol: 'TCP' }] }] }));
      expect(allows(e, 'y/a', 'x/a', 80, 'TCP')).toBe(true);
      expect(allows(e, 'y/a', 'x/a', 80, 'UDP')).toBe(false);
    });

    test('label updates take effect and deleted policies stop applying (a new evaluator per state)', () => {
      const before = e2eCluster(x('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }] }] }));
      expect(allows(new Evaluator(before), 'y/a', 'x/a', 80)).toBe(false);
      before.addNamespace('y', { ns: 'y' });
      expect(allows(new Evaluator(before), 'y/a', 'x/a', 80)).toBe(true);
      const withoutPolicy = e2eCluster();
      expect(allows(new Evaluator(withoutPolicy), 'z/a', 'x/a', 80)).toBe(true);
    });
  });

  describe('connectivity()', () => {
    test('lists every allowed ordered pair of distinct workloads, replicas of a class included', () => {
      const cluster = new Cluster();
      cluster.addWorkload({ namespace: 'x', name: 'a1', labels: { app: 'a' } });
      cluster.addWorkload({ namespace: 'x', name: 'a2', labels: { app: 'a' } });
      cluster.addWorkload({ namespace: 'x', name: 'b', labels: { app: 'b' } });
      cluster.addPolicy(x('p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 80 }] }] }));
      const pairs = new Evaluator(cluster).connectivity().pairs.map((p) => `${p.source.name}->${p.destination.name}: ${p.connections}`).sort();
      expect(pairs).toEqual([
        'a1->a2: TCP 80',
        'a1->b: All Connections',
        'a2->a1: TCP 80',
        'a2->b: All Connections',
      ]);
    });

    test('cuts external space at every ipBlock boundary and merges equal neighbours', () => {
      const e = evaluate(undefined, x('p', { podSelector: podIs('a'), ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } }], ports: [{ port: 443 }] }] }));
      const entry = e.connectivity().external.find((x2) => x2.workload.namespace === 'x' && x2.workload.name === 'a')!;
      expect(entry.ingress.map((r) => `${r.first}-${r.last} ${r.connections}`)).toEqual([
        '0.0.0.0-192.167.255.255 No Connections',
        '192.168.0.0-192.168.0.255 TCP 443',
        '192.168.1.0-192.168.1.255 No Connections',
        '192.168.2.0-192.168.255.255 TCP 443',
        '192.169.0.0-255.255.255.255 No Connections',
        '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff No Connections',
      ]);
      expect(entry.egress.map((r) => `${r.first}-${r.last} ${r.connections}`)).toEqual([
        '0.0.0.0-255.255.255.255 All Connections',
        '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff All Connections',
      ]);
    });

    test('ingress named ports from external addresses resolve on the destination pod', () => {
      const e = evaluate(undefined, x('p', { podSelector: podIs('a'), ingress: [{ ports: [{ port: 'serve-81-udp', protocol: 'UDP' }] }] }));
      const entry = e.connectivity().external.find((x2) => x2.workload.namespace === 'x' && x2.workload.name === 'a')!;
      expect(entry.ingress.map((r) => r.connections.toString())).toEqual(['UDP 81', 'UDP 81']);
    });
  });

  describe('explanations', () => {
    test('name the isolating policies, the allowing rule and its source', () => {
      const cluster = e2eCluster();
      cluster.addPolicy(x('allow-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('c') }, { podSelector: podIs('b') }], ports: [{ port: 81 }, { port: 80 }] }] }), { file: 'policies.yaml', line: 12 });
      const v = new Evaluator(cluster).verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(v.allowed).toBe(true);
      expect(v.ingress.allowedBy).toEqual([{
        policy: { namespace: 'x', name: 'allow-b', source: { file: 'policies.yaml', line: 12 } },
        direction: 'ingress',
        ruleIndex: 0,
        peerIndex: 1,
        portIndex: 1,
        fieldPath: 'spec.ingress[0].from[1] + spec.ingress[0].ports[1]',
      }]);
      expect(v.text).toContain('TCP/80 from x/b[Pod] to x/a[Pod]: ALLOWED');
      expect(v.text).toContain('ingress at x/a[Pod]: allowed (isolated by x/allow-b (policies.yaml:12))');
      expect(v.text).toContain('allowed by x/allow-b (policies.yaml:12) spec.ingress[0].from[1] + spec.ingress[0].ports[1]');
    });

    test('list the closest rules first: a matching peer or port before neither, rule-less policies last', () => {
      const cluster = e2eCluster(
        x('deny', { podSelector: {} }),
        x('far', { podSelector: {}, ingress: [{ from: [{ podSelector: podIs('c') }], ports: [{ port: 9 }] }] }),
        x('near', { podSelector: {}, ingress: [{ from: [{ podSelector: podIs('b') }], ports: [{ port: 80 }] }] }),
      );
      const v = new Evaluator(cluster).verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 81 });
      const lines = v.ingress.reason.split('\n');
      expect(lines[0]).toBe('no rule matched; the rules require:');
      expect(lines.slice(1).map((l) => l.replace(/^ {2}- (x\/[a-z]+).*/, '$1'))).toEqual(['x/near', 'x/far', 'x/deny']);
    });

    test('say what the closest rules required when nothing matched', () => {
      const cluster = e2eCluster();
      cluster.addPolicy(x('allow-b', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }], ports: [{ port: 80 }] }] }), { constructPath: 'app/shop/allow-b' });
      cluster.addPolicy(x('deny', { podSelector: {} }));
      const v = new Evaluator(cluster).verdict({ source: { workload: 'y/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 81 });
      expect(v.allowed).toBe(false);
      expect(v.ingress.isolatingPolicies.map((p) => p.name)).toEqual(['allow-b', 'deny']);
      expect(v.text).toContain('ingress at x/a[Pod]: DENIED (isolated by x/allow-b (app/shop/allow-b), x/deny)');
      expect(v.text).toContain('x/allow-b (app/shop/allow-b) spec.ingress[0] allows from pods where pod=b, in namespace "x" (the policy\'s own) on TCP port 80, but y/b[Pod] is not a listed peer and TCP/81 is not a listed port');
      expect(v.text).toContain('x/deny has no ingress rules: it only isolates');
      expect(v.egress.reason).toBe('not isolated for egress: no NetworkPolicy in namespace y selects it with policyType Egress');
    });
  });
});

function w(e: Evaluator, ref: string) {
  const found = e.cluster.findWorkload(ref);
  if (!found) throw new Error(`no workload ${ref}`);
  return found;
}
