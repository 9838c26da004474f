import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { chartIn, policyNamed } from './synth-helpers';
import {
  AllowClusterInternalEgress, AllowDnsEgress, DefaultDenyAll, MonitoringPort, NamespaceBaseline, Namespaces, NetworkPolicy,
  NetworkPolicyProps, Pods, PolicyType, Port,
} from '../../src';

/** Props as JavaScript or Python would pass them: no compile-time check. */
function untyped<T>(props: unknown): T {
  return props as T;
}

describe('props checked at construction', () => {
  describe('NetworkPolicy', () => {
    test('trap: podSelector was silently ignored, so the policy selected every pod', () => {
      const chart = chartIn('shop');
      expect(() => new NetworkPolicy(chart, 'p', untyped<NetworkPolicyProps>({ podSelector: Pods.labelled({ app: 'api' }) })))
        .toThrow('test/p: NetworkPolicy: unknown property podSelector; did you mean pods? '
          + 'Fix: rename or remove it; an unknown property is ignored, so what it meant would be silently lost.');
    });

    test('trap: pods was silently ignored by NetworkPolicy, which called it podSelector; pods now selects the pods', () => {
      const chart = chartIn('shop');
      new NetworkPolicy(chart, 'p', { pods: Pods.labelled({ app: 'api' }) });
      expect(policyNamed(chart, 'p').spec!.podSelector).toEqual({ matchLabels: { app: 'api' } });
    });

    test('a misspelled prop gets the closest name', () => {
      const chart = chartIn('shop');
      expect(() => new NetworkPolicy(chart, 'p', untyped<NetworkPolicyProps>({ ingres: [] })))
        .toThrow('test/p: NetworkPolicy: unknown property ingres; did you mean ingress?');
      expect(() => new NetworkPolicy(chart, 'q', untyped<NetworkPolicyProps>({ zzz: 1 })))
        .toThrow('test/q: NetworkPolicy: unknown property zzz; the known properties are policyName, namespaceName, pods, policyTypes, ingress, egress.');
    });

    test('a rule with a missing peer, or written with from/to, is refused with its path', () => {
      const chart = chartIn('shop');
      expect(() => new NetworkPolicy(chart, 'p', untyped<NetworkPolicyProps>({ ingress: [{ peers: [undefined], ports: [Port.HTTP] }] })))
        .toThrow('test/p: NetworkPolicy ingress[0].peers[0]: is undefined. Fix: remove the entry or pass a peer, e.g. Pods.labelled({ app: "web" }).');
      expect(() => new NetworkPolicy(chart, 'q', untyped<NetworkPolicyProps>({ egress: [{ to: [Pods.all()] }] })))
        .toThrow('test/q: NetworkPolicy: unknown property egress[0].to; did you mean peers?');
      expect(() => new NetworkPolicy(chart, 'r', untyped<NetworkPolicyProps>({ egress: [undefined] })))
        .toThrow('test/r: NetworkPolicy egress[0]: is undefined. Fix: remove the entry, or pass {} to allow every destination on purpose.');
    });

    test('addIngressRule and addEgressRule check their arguments', () => {
      const chart = chartIn('shop');
      const policy = new NetworkPolicy(chart, 'p');
      expect(() => policy.addIngressRule(untyped({})))
        .toThrow('test/p: NetworkPolicy.addIngressRule peers: must be a list of peers, not the object {}. Fix: wrap it in a list: peers: [Pods.labelled({ app: "web" })].');
      expect(() => policy.addEgressRule(untyped(undefined)))
        .toThrow('test/p: NetworkPolicy.addEgressRule peers: is undefined. Fix: pass the peers, e.g. [Pods.labelled({ app: "web" })], or [Peer.anywhere()] to mean every peer on purpose.');
      expect(() => policy.addPolicyType(untyped('ingress')))
        .toThrow('test/p: NetworkPolicy.addPolicyType policyType: is string "ingress". Fix: use one of "Ingress", "Egress".');
      expect(policyNamed(chart, 'p').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    });

    test('a cdk8s-plus workload is accepted as pods and as a peer', () => {
      const chart = chartIn('shop');
      const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api' }] });
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }] });
      const policy = new NetworkPolicy(chart, 'p', untyped<NetworkPolicyProps>({ pods: api, ingress: [{ peers: [web] }] }));
      policy.addEgressRule(untyped([web]));
      const spec = policyNamed(chart, 'p').spec!;
      expect(spec.podSelector).toEqual({ matchLabels: api.matchLabels });
      expect(spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: web.matchLabels } }] }]);
      expect(spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: web.matchLabels } }] }]);
    });

    test('policyTypes entries must be PolicyType values', () => {
      const chart = chartIn('shop');
      expect(() => new NetworkPolicy(chart, 'p', untyped<NetworkPolicyProps>({ policyTypes: ['Ingress', 'egress'] })))
        .toThrow('test/p: NetworkPolicy policyTypes[1]: is string "egress". Fix: use one of "Ingress", "Egress".');
      new NetworkPolicy(chart, 'q', { policyTypes: [PolicyType.EGRESS] });
      expect(policyNamed(chart, 'q').spec!.policyTypes).toEqual(['Egress']);
    });
  });

  describe('every construct refuses unknown props and the old podSelector', () => {
    const constructs: Array<[string, (scope: Construct, props: object) => unknown]> = [
      ['DefaultDenyAll', (s, p) => new DefaultDenyAll(s, 'x', untyped(p))],
      ['AllowDnsEgress', (s, p) => new AllowDnsEgress(s, 'x', untyped(p))],
      ['AllowClusterInternalEgress', (s, p) => new AllowClusterInternalEgress(s, 'x', untyped(p))],
      ['MonitoringPort', (s, p) => new MonitoringPort(s, 'x', untyped({ port: Port.tcp(9100), scrapers: [Namespaces.named('m')], ...p }))],
    ];
    test.each(constructs)('%s', (name, build) => {
      const chart = chartIn('shop');
      expect(() => build(chart, { podSelector: Pods.all() })).toThrow(`test/x: ${name}: unknown property podSelector; did you mean pods?`);
      expect(() => build(chart, { namespace: 'a' })).toThrow(`test/x: ${name}: unknown property namespace; did you mean namespaceName?`);
    });

    test('NamespaceBaseline', () => {
      const chart = chartIn('shop');
      expect(() => new NamespaceBaseline(chart, 'b', untyped({ allowClusterEgress: true })))
        .toThrow('test/b: NamespaceBaseline: unknown property allowClusterEgress; the known properties are namespaceName, allowClusterInternalEgress,');
    });

    test('DefaultDenyAll checks its policyTypes', () => {
      const chart = chartIn('shop');
      expect(() => new DefaultDenyAll(chart, 'x', untyped({ policyTypes: ['in'] })))
        .toThrow('test/x: DefaultDenyAll policyTypes[0]: is string "in". Fix: use one of "Ingress", "Egress".');
    });
  });
});
