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

    test('a dual-stack peer allowed only through ipBlocks of one family: its other addresses are named as denied', () => {
      const cluster = e2eCluster(
        x('in', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('c') }, { ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
        x('out', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: 'fd00::/64' } }, { podSelector: podIs('c') }] }] }),
        x('one-address', { podSelector: podIs('b'), ingress: [{ from: [{ ipBlock: { cidr: 'fd00::5/128' } }] }] }),
      );
      cluster.addWorkload({ namespace: 'x', name: 'dual', labels: { pod: 'dual' }, podIps: ['10.0.0.5', 'fd00::5', 'fd00::6'] });
      const e = new Evaluator(cluster);
      const inbound = e.verdict({ source: { workload: 'x/dual' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(inbound.allowed).toBe(true);
      expect(inbound.ingress.deniedPeerIps).toEqual(['fd00::5', 'fd00::6']);
      expect(inbound.ingress.reason).toBe('allowed by x/in spec.ingress[0].from[1]\n'
        + 'only for x/dual[Pod]\'s addresses inside the allowing ipBlocks: connections over fd00::5, fd00::6 (IPv6) are DENIED');
      const outbound = e.verdict({ source: { workload: 'x/a' }, destination: { workload: 'x/dual' }, protocol: 'TCP', port: 80 });
      expect(outbound.egress.deniedPeerIps).toEqual(['10.0.0.5']);
      expect(outbound.egress.reason).toBe('allowed by x/out spec.egress[0].to[0]\n'
        + 'only for x/dual[Pod]\'s addresses inside the allowing ipBlocks: connections over 10.0.0.5 (IPv4) are DENIED');
      expect(e.verdict({ source: { workload: 'x/dual' }, destination: { workload: 'x/b' }, protocol: 'TCP', port: 80 }).ingress.reason.split('\n')[1])
        .toBe('only for x/dual[Pod]\'s addresses inside the allowing ipBlocks: connections over 10.0.0.5, fd00::6 (IPv4 and IPv6) are DENIED');
      // A selector peer that matches covers every address: nothing is named.
      const byPod = e.verdict({ source: { workload: 'x/c' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(byPod.ingress.deniedPeerIps).toBeUndefined();
      expect('deniedPeerIps' in byPod.ingress).toBe(false);
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

    test('external ranges of pods under the same rules follow each pod\'s own named ports; egress named ports open nothing outside', () => {
      const cluster = new Cluster();
      cluster.addNamespace('x');
      cluster.addWorkload({ namespace: 'x', name: 'p1', labels: { app: 'web' }, ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] });
      cluster.addWorkload({ namespace: 'x', name: 'p2', labels: { app: 'web' }, ports: [{ name: 'web', port: 9090, protocol: 'TCP' }, { name: 'web', port: 9091, protocol: 'UDP' }] });
      cluster.addWorkload({ namespace: 'x', name: 'p3', labels: { app: 'web' }, ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] });
      cluster.addPolicy(x('in', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 'web' }, { port: 'web', protocol: 'UDP' }] }],
      }));
      cluster.addPolicy(x('out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'web' }, { port: 53, protocol: 'UDP' }] }] }));
      const ranges = new Evaluator(cluster).externalConnections().map((entry) => [
        entry.workload.name,
        entry.ingress.map((r) => `${r.first}-${r.last} ${r.connections}`),
        entry.egress.map((r) => `${r.first}-${r.last} ${r.connections}`),
      ]);
      const ingress = (open: string) => [
        '0.0.0.0-9.255.255.255 No Connections',
        `10.0.0.0-10.255.255.255 ${open}`,
        '11.0.0.0-255.255.255.255 No Connections',
        '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff No Connections',
      ];
      const egress = ['0.0.0.0-255.255.255.255 UDP 53', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff UDP 53'];
      expect(ranges).toEqual([
        ['p1', ingress('TCP 8080'), egress],
        ['p2', ingress('TCP 9090,UDP 9091'), egress],
        ['p3', ingress('TCP 8080'), egress],
      ]);
    });

    test('workloads alike in all but their pod IPs, or their hostNetwork flag, are told apart', () => {
      const cluster = new Cluster();
      cluster.addNamespace('x');
      const app = (name: string) => ({ matchLabels: { app: name } });
      cluster.addWorkload({ namespace: 'x', name: 'client', labels: { app: 'client' }, podIps: ['10.1.0.1'] });
      cluster.addWorkload({ namespace: 'x', name: 'other', labels: { app: 'other' }, podIps: ['10.1.0.2'] });
      cluster.addWorkload({ namespace: 'x', name: 'in-block', labels: { app: 'web' }, podIps: ['10.0.0.1'] });
      cluster.addWorkload({ namespace: 'x', name: 'outside', labels: { app: 'web' }, podIps: ['10.9.0.1'] });
      cluster.addWorkload({ namespace: 'x', name: 'host', labels: { app: 'web' }, podIps: ['10.9.0.1'], hostNetwork: true });
      cluster.addPolicy(x('to-block', { podSelector: app('client'), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16' } }] }] }));
      cluster.addPolicy(x('web-only', { podSelector: app('web'), ingress: [{ from: [{ podSelector: app('web') }, { podSelector: app('client') }] }] }));
      const e = new Evaluator(cluster, { hostNetwork: 'as-node' });
      const reach = (src: string) => e.connectionsFrom(w(e, src)).map((p) => p.destination.name);
      // Only in-block has its address in the block.
      expect(reach('x/client')).toEqual(['in-block']);
      // As the node, the hostNetwork pod is not isolated by web-only, and no selector of it matches it.
      expect(reach('x/other')).toEqual(['client', 'host']);
      expect(reach('x/outside')).toEqual(['client', 'other', 'in-block', 'host']);
      expect(reach('x/host')).toEqual(['client', 'other']);
    });

    test('connectionsFrom answers each source with its own row, asked in any order', () => {
      const e = evaluate(undefined,
        x('a-to-b', { podSelector: podIs('a'), policyTypes: ['Egress'], egress: [{ to: [{ podSelector: podIs('b') }], ports: [{ port: 80 }] }] }),
        x('c-to-a', { podSelector: podIs('c'), policyTypes: ['Egress'], egress: [{ to: [{ podSelector: podIs('a') }], ports: [{ port: 81 }] }] }));
      const row = (ref: string) => e.connectionsFrom(w(e, ref)).map((p) => `${p.destination.namespace}/${p.destination.name} ${p.connections}`);
      for (const ref of ['x/a', 'x/c', 'x/a', 'x/a', 'x/c']) {
        expect(row(ref)).toEqual(ref === 'x/a' ? ['x/b TCP 80'] : ['x/a TCP 81']);
      }
      expect(row('y/a')).toHaveLength(8);
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

    test('describe each rule as written: any peer, several peers or ports, ranges, named and unsupported ports; sources as known', () => {
      const cluster = e2eCluster();
      cluster.addPolicy(x('out', {
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [
          { ports: [{ port: 9 }] },
          { to: [{ podSelector: podIs('c') }, { ipBlock: { cidr: '192.0.2.0/24' } }] },
          { to: [{ podSelector: podIs('c') }], ports: [{ port: 443, protocol: 'ICMP' }, { port: 'serve-80-udp', protocol: 'UDP' }, { port: 8000, endPort: 8080 }] },
        ],
      }), { file: 'out.yaml' });
      cluster.addPolicy(x('in', { podSelector: podIs('b'), ingress: [{ ports: [{ port: 9 }] }] }), { file: 'in.yaml', line: 4, constructPath: 'app/in' });
      cluster.addPolicy(x('in2', { podSelector: podIs('b'), ingress: [{ from: [{ podSelector: podIs('c') }] }] }), {});
      const v = new Evaluator(cluster).verdict({ source: { workload: 'x/a' }, destination: { workload: 'x/b' }, protocol: 'TCP', port: 80 });
      expect(v.text).toBe([
        'TCP/80 from x/a[Pod] to x/b[Pod]: DENIED',
        '  egress at x/a[Pod]: DENIED (isolated by x/out (out.yaml))',
        '    no rule matched; the rules require:',
        '      - x/out (out.yaml) spec.egress[0] allows to anywhere on TCP port 9, but TCP/80 is not a listed port',
        '      - x/out (out.yaml) spec.egress[1] allows to pods where pod=c, in namespace "x" (the policy\'s own) or IP addresses in 192.0.2.0/24 '
        + 'on any port and protocol, but x/b[Pod] is not a listed peer',
        '      - x/out (out.yaml) spec.egress[2] allows to pods where pod=c, in namespace "x" (the policy\'s own) on an unsupported protocol (matches nothing), '
        + 'the UDP port named "serve-80-udp" or TCP ports 8000-8080, but x/b[Pod] is not a listed peer and TCP/80 is not a listed port',
        '  ingress at x/b[Pod]: DENIED (isolated by x/in (app/in), x/in2)',
        '    no rule matched; the rules require:',
        '      - x/in (app/in) spec.ingress[0] allows from anywhere on TCP port 9, but TCP/80 is not a listed port',
        '      - x/in2 spec.ingress[0] allows from pods where pod=c, in namespace "x" (the policy\'s own) on any port and protocol, but x/a[Pod] is not a listed peer',
      ].join('\n'));
      expect(v.ingress.isolatingPolicies).toEqual([
        { namespace: 'x', name: 'in', source: { file: 'in.yaml', line: 4, constructPath: 'app/in' } },
        { namespace: 'x', name: 'in2', source: {} },
      ]);
    });

    test('say which half of a rule failed: only the peer, or only the port', () => {
      const e = evaluate(undefined,
        x('peer-only', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('b') }], ports: [{ port: 81 }] }] }),
        x('port-only', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('c') }], ports: [{ port: 80 }] }] }));
      expect(e.verdict({ source: { workload: 'x/b' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).ingress.reason).toBe([
        'no rule matched; the rules require:',
        '  - x/peer-only spec.ingress[0] allows from pods where pod=b, in namespace "x" (the policy\'s own) on TCP port 81, but TCP/80 is not a listed port',
        '  - x/port-only spec.ingress[0] allows from pods where pod=c, in namespace "x" (the policy\'s own) on TCP port 80, but x/b[Pod] is not a listed peer',
      ].join('\n'));
    });

    test('list every allowing rule, each with its most specific field path', () => {
      const e = evaluate(undefined,
        x('port-only', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('c') }], ports: [{ port: 80 }] }] }),
        x('two', { podSelector: podIs('a'), ingress: [{ from: [{ podSelector: podIs('c') }] }, { ports: [{ port: 443 }, { port: 'serve-80-tcp' }] }] }));
      const v = e.verdict({ source: { workload: 'x/c' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(v.ingress.allowedBy.map((r) => `${r.policy.name} ${r.ruleIndex} ${r.peerIndex} ${r.portIndex}`)).toEqual([
        'port-only 0 0 0',
        'two 0 0 undefined',
        'two 1 undefined 1',
      ]);
      expect(v.ingress.reason).toBe('allowed by x/port-only spec.ingress[0].from[0] + spec.ingress[0].ports[0]; '
        + 'x/two spec.ingress[0].from[0]; x/two spec.ingress[1] + spec.ingress[1].ports[1]');
    });

    test('name every kind of end: a pod with its source, an address, the internet and the node; a side without a pod is not checked', () => {
      const cluster = new Cluster();
      cluster.addNamespace('shop');
      cluster.addWorkload({ namespace: 'shop', name: 'web', labels: { app: 'web' }, podIps: ['10.0.0.1'], source: { file: 'pods.yaml', line: 3 } });
      cluster.addWorkload({ namespace: 'shop', name: 'db', kind: 'Deployment', replicas: 3, labels: { app: 'db' } });
      const e = new Evaluator(cluster);
      expect(e.verdict({ source: { workload: 'shop/web' }, destination: { ip: '8.8.8.8' }, protocol: 'UDP', port: 53 }).text).toBe([
        'UDP/53 from shop/web[Pod] (pods.yaml:3) to 8.8.8.8: ALLOWED',
        '  egress at shop/web[Pod] (pods.yaml:3): allowed (not isolated)',
        '    not isolated for egress: no NetworkPolicy in namespace shop selects it with policyType Egress',
        '  ingress at 8.8.8.8: not checked: the destination is not a pod',
      ].join('\n'));
      expect(e.verdict({ source: { internet: true }, destination: { workload: 'shop/db' }, protocol: 'TCP', port: 80 }).text).toBe([
        'TCP/80 from the internet (an address outside every ipBlock) to shop/db[Deployment]: ALLOWED',
        '  egress at the internet (an address outside every ipBlock): not checked: the source is not a pod',
        '  ingress at shop/db[Deployment]: allowed (not isolated)',
        '    not isolated for ingress: no NetworkPolicy in namespace shop selects it with policyType Ingress',
      ].join('\n'));
      const fromNode = e.verdict({ source: { node: true }, destination: { workload: 'shop/db' }, protocol: 'TCP', port: 80 });
      expect(fromNode.text.split('\n').slice(0, 2)).toEqual(['TCP/80 from the node to shop/db[Deployment]: ALLOWED', '  egress at the node: not checked: the source is not a pod']);
      expect(fromNode.egress).toEqual({ applies: false, isolated: false, isolatingPolicies: [], allowedBy: [], allowed: true, reason: 'not checked: the source is not a pod' });
    });

    test('a hostNetwork pod read as the node is not checked on its side, in either direction', () => {
      const cluster = e2eCluster(x('lock', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
      cluster.addWorkload({ namespace: 'x', name: 'agent', labels: { pod: 'agent' }, hostNetwork: true });
      const e = new Evaluator(cluster, { hostNetwork: 'as-node' });
      expect(e.verdict({ source: { workload: 'x/agent' }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 }).text).toBe([
        'TCP/80 from x/agent[Pod] to x/a[Pod]: DENIED',
        '  egress at x/agent[Pod]: not checked: a hostNetwork pod sends node traffic, which NetworkPolicies do not police',
        '  ingress at x/a[Pod]: DENIED (isolated by x/lock)',
        '    no rule matched; the rules require:',
        '      - x/lock has no ingress rules: it only isolates',
      ].join('\n'));
      expect(e.verdict({ source: { workload: 'x/a' }, destination: { workload: 'x/agent' }, protocol: 'TCP', port: 80 }).text).toBe([
        'TCP/80 from x/a[Pod] to x/agent[Pod]: DENIED',
        '  egress at x/a[Pod]: DENIED (isolated by x/lock)',
        '    no rule matched; the rules require:',
        '      - x/lock has no egress rules: it only isolates',
        '  ingress at x/agent[Pod]: not checked: a hostNetwork pod receives node traffic, which NetworkPolicies do not police',
      ].join('\n'));
    });

    test('self traffic: a single pod bypasses its isolating policies, unless evaluated; replicas are policed as any two pods', () => {
      const cluster = new Cluster();
      cluster.addNamespace('shop');
      cluster.addWorkload({ namespace: 'shop', name: 'one', kind: 'Deployment', replicas: 1, labels: { app: 'one' } });
      cluster.addWorkload({ namespace: 'shop', name: 'db', kind: 'Deployment', replicas: 3, labels: { app: 'db' } });
      cluster.addPolicy(policy('shop', 'lock', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }), { constructPath: 'app/lock' });
      const query = (ref: string) => ({ source: { workload: ref }, destination: { workload: ref }, protocol: 'TCP' as const, port: 80 });
      const bypassed = new Evaluator(cluster).verdict(query('shop/one'));
      expect(bypassed.text).toBe([
        'TCP/80 from shop/one[Deployment] to shop/one[Deployment]: ALLOWED',
        '  shop/one[Deployment] is a single pod: traffic from a pod to itself is never policed',
        '  egress at shop/one[Deployment]: allowed (isolated by shop/lock (app/lock))',
        '    traffic from a pod to itself is always allowed (a pod cannot block access to itself)',
        '  ingress at shop/one[Deployment]: allowed (isolated by shop/lock (app/lock))',
        '    traffic from a pod to itself is always allowed (a pod cannot block access to itself)',
      ].join('\n'));
      expect(bypassed.selfCase).toBe('shop/one[Deployment] is a single pod: traffic from a pod to itself is never policed');
      expect(bypassed.ingress).toMatchObject({ applies: true, isolated: true, allowedBy: [], allowed: true });
      const evaluated = new Evaluator(cluster, { selfTraffic: 'evaluated' }).verdict(query('shop/one'));
      expect(evaluated.allowed).toBe(false);
      expect(evaluated.selfCase).toBe('shop/one[Deployment] is a single pod; self traffic is evaluated (option selfTraffic)');
      const replicas = new Evaluator(cluster).verdict(query('shop/db'));
      expect(replicas.allowed).toBe(false);
      expect(replicas.selfCase).toBe('between two pods of shop/db[Deployment] (3 replicas): policies apply as between any two pods; '
        + 'only a pod talking to itself bypasses them');
      expect(replicas.text.split('\n')[1]).toBe(`  ${replicas.selfCase}`);
      const twoPods = new Evaluator(cluster).verdict({ source: { workload: 'shop/one' }, destination: { workload: 'shop/db' }, protocol: 'TCP', port: 80 });
      expect(twoPods.selfCase).toBeUndefined();
      expect('selfCase' in twoPods).toBe(false);
    });

    test('ingress from the node is allowed whatever the isolating policies say', () => {
      const e = evaluate(undefined, x('lock', { podSelector: {}, policyTypes: ['Ingress'] }));
      const v = e.verdict({ source: { node: true }, destination: { workload: 'x/a' }, protocol: 'TCP', port: 80 });
      expect(v.ingress).toEqual({
        applies: true,
        isolated: true,
        isolatingPolicies: [{ namespace: 'x', name: 'lock' }],
        allowedBy: [],
        allowed: true,
        reason: 'ingress from the pod\'s own node is always allowed',
      });
      expect(v.text.split('\n').slice(2)).toEqual(['  ingress at x/a[Pod]: allowed (isolated by x/lock)', '    ingress from the pod\'s own node is always allowed']);
    });
  });

  describe('refused queries', () => {
    test('an end that is not a workload, an address or a port in range is refused with the fix', () => {
      const e = evaluate(undefined);
      const ask = (query: any) => () => e.verdict(query);
      expect(ask({ source: { ip: '1.2.3.4' }, destination: { internet: true }, protocol: 'TCP', port: 80 })).toThrow(
        'Query from 1.2.3.4 to the internet (an address outside every ipBlock) has no workload end: '
        + 'NetworkPolicies only govern traffic to or from pods. Name a workload as source or destination.');
      expect(ask({ source: { node: true }, destination: { ip: 'fe80::1' }, protocol: 'TCP', port: 80 })).toThrow(
        'Query from the node to fe80::1 has no workload end: ');
      expect(ask({ source: { workload: 'x/a' }, destination: { ip: 'nope' }, protocol: 'TCP', port: 80 })).toThrow(
        'Invalid destination IP address "nope": use an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7.');
      for (const port of [65536, 1.5, -80]) {
        expect(ask({ source: { workload: 'x/a' }, destination: { workload: 'x/b' }, protocol: 'TCP', port })).toThrow(
          `Invalid port ${port}: use a whole number from 1 to 65535.`);
      }
      for (const port of [1, 65535]) {
        expect(e.verdict({ source: { workload: 'x/a' }, destination: { workload: 'x/b' }, protocol: 'SCTP', port }).allowed).toBe(true);
      }
    });

    test('a workload of another cluster is refused by name', () => {
      const e = evaluate(undefined);
      const stranger = new Cluster().addWorkload({ namespace: 'x', name: 'a' });
      expect(() => e.workloadConnections(stranger, w(e, 'x/a'))).toThrow('Workload "x/a" is not part of the evaluated cluster.');
    });

    test('the options default to upstream behaviour, each one named', () => {
      expect(evaluate(undefined).options).toEqual({
        ipBlockMatchesPodIps: true,
        hostNetwork: 'as-pod',
        nodeEgressAlwaysAllowed: false,
        selfTraffic: 'allowed',
        networksMatchPodIps: true,
        equalPriorities: 'by-name',
        mixedApiVersions: 'refuse',
        nodeAddressTypes: ['InternalIP', 'ExternalIP'],
        domainNameAddresses: {},
      });
      const chosen = {
        ipBlockMatchesPodIps: false,
        hostNetwork: 'as-node' as const,
        nodeEgressAlwaysAllowed: true,
        selfTraffic: 'evaluated' as const,
        networksMatchPodIps: false,
        equalPriorities: 'error' as const,
        mixedApiVersions: 'v1alpha2-first' as const,
        nodeAddressTypes: ['InternalIP'],
        domainNameAddresses: { 'example.com': ['93.184.216.34'] },
      };
      expect(evaluate(chosen).options).toEqual(chosen);
    });
  });
});

function w(e: Evaluator, ref: string) {
  const found = e.cluster.findWorkload(ref);
  if (!found) throw new Error(`no workload ${ref}`);
  return found;
}
