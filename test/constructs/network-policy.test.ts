import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { chartIn, policiesOf, policyNamed, synthError } from './synth-helpers';
import { LabelExpression, LabelSelector, Namespaces, NetworkPolicy, Peer, Pods, PolicyType, Port } from '../../src';

describe('NetworkPolicy', () => {
  test('an empty policy selects every pod and isolates ingress explicitly', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    new NetworkPolicy(chart, 'lockdown');
    // THEN
    expect(policiesOf(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'lockdown', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    }]);
  });

  test('rules render from/to, ports and the policy types they need', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    new NetworkPolicy(chart, 'api', {
      pods: Pods.labelled({ app: 'api' }),
      ingress: [{ peers: [Pods.labelled({ app: 'web' })], ports: [Port.tcp(8080)] }],
      egress: [{ peers: [Pods.labelled({ app: 'db' })], ports: [Port.POSTGRES] }],
    });
    // THEN
    const spec = policyNamed(chart, 'api').spec!;
    expect(spec.podSelector).toEqual({ matchLabels: { app: 'api' } });
    expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }]);
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('rules added after construction appear at synthesis', () => {
    const chart = chartIn('shop');
    const policy = new NetworkPolicy(chart, 'late', { pods: Pods.labelled({ app: 'api' }) });
    policy.addIngressRule([Namespaces.named('front')], [Port.HTTPS]);
    policy.addEgressRule([Peer.ipBlock('10.0.0.0/8')]);

    const spec = policyNamed(chart, 'late').spec!;
    expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(spec.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } } }],
      ports: [{ protocol: 'TCP', port: 443 }],
    }]);
    expect(spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }]);
  });

  test('a rule with no peers allows every source and omits from', () => {
    const chart = chartIn('shop');
    const policy = new NetworkPolicy(chart, 'open');
    policy.addIngressRule([], [Port.HTTP]);
    expect(policyNamed(chart, 'open').spec!.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 80 }] }]);
  });

  test('a rule with no ports, or with all traffic, omits ports', () => {
    const chart = chartIn('shop');
    const policy = new NetworkPolicy(chart, 'all-ports');
    policy.addIngressRule([Pods.all()]);
    policy.addIngressRule([Pods.all()], [Port.tcp(80), Port.allTraffic()]);
    expect(policyNamed(chart, 'all-ports').spec!.ingress).toEqual([{ from: [{ podSelector: {} }] }, { from: [{ podSelector: {} }] }]);
  });

  test('anywhere among other peers makes the rule open to every source', () => {
    const chart = chartIn('shop');
    new NetworkPolicy(chart, 'public', { ingress: [{ peers: [Pods.labelled({ app: 'x' }), Peer.anywhere()], ports: [Port.HTTPS] }] });
    expect(policyNamed(chart, 'public').spec!.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 443 }] }]);
  });

  test('duplicate peers and ports are rendered once', () => {
    const chart = chartIn('shop');
    new NetworkPolicy(chart, 'dups', {
      ingress: [{ peers: [Pods.labelled({ app: 'a' }), Pods.labelled({ app: 'a' })], ports: [Port.tcp(1), Port.tcp(1), Port.udp(1)] }],
    });
    expect(policyNamed(chart, 'dups').spec!.ingress).toEqual([{
      from: [{ podSelector: { matchLabels: { app: 'a' } } }],
      ports: [{ protocol: 'TCP', port: 1 }, { protocol: 'UDP', port: 1 }],
    }]);
  });

  test('deny-only policies come from policyTypes without rules', () => {
    const chart = chartIn('shop');
    new NetworkPolicy(chart, 'no-egress', { policyTypes: [PolicyType.EGRESS] });
    const policy = new NetworkPolicy(chart, 'both');
    policy.addPolicyType(PolicyType.EGRESS);
    policy.addPolicyType(PolicyType.INGRESS);
    expect(policyNamed(chart, 'no-egress').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
    expect(policyNamed(chart, 'both').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('declared policy types are kept next to those rules add', () => {
    const chart = chartIn('shop');
    new NetworkPolicy(chart, 'mixed', { policyTypes: [PolicyType.EGRESS], ingress: [{ peers: [Pods.all()] }] });
    expect(policyNamed(chart, 'mixed').spec!.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('selectors with expressions are rendered in full', () => {
    const chart = chartIn('shop');
    new NetworkPolicy(chart, 'expr', {
      pods: Pods.selectedBy(LabelSelector.of({ labels: { app: 'a' }, expressions: [LabelExpression.valueNotIn('track', ['canary'])] })),
    });
    expect(policyNamed(chart, 'expr').spec!.podSelector).toEqual({
      matchLabels: { app: 'a' },
      matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }],
    });
  });

  describe('names and namespaces', () => {
    test('the name comes from the construct path below the chart', () => {
      const chart = chartIn('shop');
      const group = new NetworkPolicy(chart, 'Web_To API');
      new NetworkPolicy(group, 'Inner');
      expect(policiesOf(chart).map((p) => p.metadata?.name)).toEqual(['web-to-api', 'web-to-api-inner']);
    });

    test('policyName overrides the derived name', () => {
      const chart = chartIn('shop');
      const policy = new NetworkPolicy(chart, 'x', { policyName: 'custom.name' });
      expect(policy.name).toBe('custom.name');
      expect(policiesOf(chart)[0].metadata?.name).toBe('custom.name');
    });

    test('the namespace comes from props, else the chart', () => {
      const chart = chartIn('shop');
      new NetworkPolicy(chart, 'a');
      new NetworkPolicy(chart, 'b', { namespaceName: 'other' });
      expect(policiesOf(chart).map((p) => p.metadata?.namespace)).toEqual(['shop', 'other']);
    });

    test('without any namespace the object has none, as other cdk8s objects', () => {
      const chart = Testing.chart();
      const policy = new NetworkPolicy(chart, 'a');
      expect(policy.namespaceName).toBeUndefined();
      expect(policiesOf(chart)[0].metadata).toEqual({ name: 'a' });
    });

    test('a workload target puts the policy in the workload namespace', () => {
      const chart = chartIn('shop');
      const db = new kplus.Deployment(chart, 'db', { containers: [{ image: 'db' }], metadata: { namespace: 'data' } });
      new NetworkPolicy(chart, 'db-ingress', { pods: Pods.of(db), ingress: [{ peers: [Pods.labelled({ app: 'api' }).inNamespaces(Namespaces.named('shop'))] }] });
      const policy = policyNamed(chart, 'db-ingress');
      expect(policy.metadata?.namespace).toBe('data');
      expect(policy.spec!.podSelector).toEqual({ matchLabels: db.matchLabels });
    });
  });

  describe('synth-time validation', () => {
    test('a bad policyName fails synth with the construct path and the field path', () => {
      const chart = chartIn('shop');
      new NetworkPolicy(chart, 'p', { policyName: 'Bad Name' });
      expect(synthError(chart)).toMatch(/\[test\/p\] metadata\.name: Invalid value: "Bad Name": a lowercase RFC 1123 subdomain .* Fix: /);
    });

    test('two policies with one name in one namespace are reported, across charts', () => {
      const chart = chartIn('shop');
      const second = new Chart(chart.node.scope as Construct, 'second', { namespace: 'shop' });
      new NetworkPolicy(chart, 'allow-web');
      new NetworkPolicy(second, 'other', { policyName: 'allow-web' });
      new NetworkPolicy(chart, 'elsewhere', { policyName: 'allow-web', namespaceName: 'other-ns' });
      expect(synthError(chart)).toMatch(/\[test\/allow-web\] metadata\.name: the NetworkPolicy at second\/other has the same name "allow-web" in namespace "shop", so applying both would keep only one of them\. Fix: /);
      expect(synthError(chart)).not.toMatch(/elsewhere/);
    });

    test('a bad namespaceName fails synth with the construct path and the field path', () => {
      const chart = chartIn('shop');
      new NetworkPolicy(chart, 'p', { namespaceName: 'Team_A' });
      expect(synthError(chart)).toMatch(/\[test\/p\] metadata\.namespace: Invalid value: "Team_A": a lowercase RFC 1123 label/);
    });

    test('a namespaceName that contradicts the target workload is reported', () => {
      const chart = chartIn('shop');
      const db = new kplus.Deployment(chart, 'db', { containers: [{ image: 'db' }], metadata: { namespace: 'data' } });
      new NetworkPolicy(chart, 'p', { pods: Pods.of(db), namespaceName: 'shop' });
      expect(synthError(chart)).toMatch(/\[test\/p\] metadata\.namespace: the policy is in namespace "shop" but its target, pods of Deployment data\/.*, is in namespace "data"/);
    });

    test('a workload target without pod labels fails synth with a clear message', () => {
      const chart = chartIn('shop');
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }], select: false });
      Object.defineProperty(web, 'podMetadata', { get: () => ({ toJson: () => ({}) }) });
      new NetworkPolicy(chart, 'p', { pods: Pods.of(web) });
      expect(synthError(chart)).toMatch(/\[test\/p\] Pods\.of\(Deployment .*\): the Deployment has no pod labels/);
    });
  });
});
