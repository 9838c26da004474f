import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chartIn, synthError } from './synth-helpers';
import {
  AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy, ClusterPeer, ClusterPolicyAction, ClusterPolicyApiVersion,
  ClusterPolicyValidator, CrdChannel, LabelSelector, Namespaces, Peer, PolicyTier, Pods, Port,
} from '../../src';

const MONITORING = Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'));

function clusterObjects(chart: Chart): any[] {
  return Testing.synth(chart).filter((o) => String(o.apiVersion).startsWith('policy.networking.k8s.io/'));
}

describe('ClusterNetworkPolicy', () => {
  test('renders a v1alpha2 ClusterNetworkPolicy: tier, priority, subject, ordered rules, protocols; no namespace', () => {
    const chart = chartIn('platform');
    const policy = new ClusterNetworkPolicy(chart, 'guardrail', {
      tier: PolicyTier.ADMIN,
      priority: 10,
      subject: Namespaces.labelled({ tenant: 'a' }),
      ingress: [
        { name: 'scrape', action: ClusterPolicyAction.ACCEPT, peers: [MONITORING], ports: [Port.tcp(9090), Port.named('metrics')] },
        { action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods()] },
      ],
      egress: [{ action: ClusterPolicyAction.PASS, peers: [Peer.ipBlock('10.0.0.0/8'), ClusterPeer.networks('192.168.0.0/16')], ports: [Port.udpRange(5000, 5010), Port.allSctp()] }],
    });
    expect([policy.name, policy.kind, policy.tier, policy.priority]).toEqual(['guardrail', 'ClusterNetworkPolicy', 'Admin', 10]);
    expect(clusterObjects(chart)).toEqual([{
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'guardrail' },
      spec: {
        tier: 'Admin',
        priority: 10,
        subject: { namespaces: { matchLabels: { tenant: 'a' } } },
        ingress: [
          {
            name: 'scrape',
            action: 'Accept',
            from: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } } }],
            protocols: [{ tcp: { destinationPort: { number: 9090 } } }, { destinationNamedPort: 'metrics' }],
          },
          { action: 'Deny', from: [{ namespaces: {} }] },
        ],
        egress: [{
          action: 'Pass',
          to: [{ networks: ['10.0.0.0/8'] }, { networks: ['192.168.0.0/16'] }],
          protocols: [
            { udp: { destinationPort: { range: { start: 5000, end: 5010 } } } },
            { sctp: { destinationPort: { range: { start: 1, end: 65535 } } } },
          ],
        }],
      },
    }]);
    expect(ClusterPolicyValidator.isValid(clusterObjects(chart)[0])).toBe(true);
  });

  test('rules added later come after the others; all traffic drops the protocols', () => {
    const chart = chartIn();
    const policy = new ClusterNetworkPolicy(chart, 'p', { tier: PolicyTier.BASELINE, priority: 0, subject: Namespaces.all() });
    policy.addEgressRule({ action: ClusterPolicyAction.ACCEPT, peers: [ClusterPeer.allPods()], ports: [Port.tcp(80), Port.allTraffic()] });
    policy.addIngressRule({ action: ClusterPolicyAction.DENY, peers: [Namespaces.named('a')] });
    expect(clusterObjects(chart)[0].spec).toEqual({
      tier: 'Baseline',
      priority: 0,
      subject: { namespaces: {} },
      ingress: [{ action: 'Deny', from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'a' } } }] }],
      egress: [{ action: 'Accept', to: [{ namespaces: {} }] }],
    });
  });

  test('the pods of a workload, as subject and as peer, in the workload\'s namespace', () => {
    const app = Testing.app();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const web = new kplus.Deployment(shop, 'web', { containers: [{ image: 'web' }] });
    const platform = new Chart(app, 'platform');
    new ClusterNetworkPolicy(platform, 'p', {
      tier: PolicyTier.ADMIN,
      priority: 1,
      subject: Pods.of(web),
      egress: [{ action: ClusterPolicyAction.ACCEPT, peers: [ClusterPeer.pods(Pods.of(web))] }],
    });
    const [object] = clusterObjects(platform);
    const webPods = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { 'cdk8s.io/metadata.addr': expect.any(String) } } };
    expect(object.spec.subject).toEqual({ pods: webPods });
    expect(object.spec.egress[0].to).toEqual([{ pods: webPods }]);
  });

  test('nodes and domain names validate against the experimental channel', () => {
    const chart = chartIn();
    new ClusterNetworkPolicy(chart, 'p', {
      tier: PolicyTier.ADMIN,
      priority: 1,
      subject: Namespaces.all(),
      egress: [
        { action: ClusterPolicyAction.ACCEPT, peers: [ClusterPeer.nodes(LabelSelector.labelled({ 'node-role.kubernetes.io/control-plane': '' }))], ports: [Port.tcp(6443)] },
        { action: ClusterPolicyAction.ACCEPT, peers: [ClusterPeer.domainNames('*.example.com')] },
      ],
    });
    const [object] = clusterObjects(chart);
    expect(object.spec.egress.map((r: any) => r.to)).toEqual([
      [{ nodes: { matchLabels: { 'node-role.kubernetes.io/control-plane': '' } } }], [{ domainNames: ['*.example.com'] }],
    ]);
    expect(ClusterPolicyValidator.isValid(object, { channel: CrdChannel.EXPERIMENTAL })).toBe(true);
  });

  describe('v1alpha1 on request', () => {
    test('AdminNetworkPolicy: Allow for Accept, ports for protocols, explicit protocol', () => {
      const chart = chartIn();
      new AdminNetworkPolicy(chart, 'anp', {
        priority: 5,
        subject: Namespaces.all(),
        ingress: [{ action: ClusterPolicyAction.ACCEPT, peers: [MONITORING], ports: [Port.tcp(80), Port.udpRange(1, 2), Port.allTcp()] }],
      });
      const [object] = clusterObjects(chart);
      expect(object).toEqual({
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'AdminNetworkPolicy',
        metadata: { name: 'anp' },
        spec: {
          priority: 5,
          subject: { namespaces: {} },
          ingress: [{
            action: 'Allow',
            from: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } } }],
            ports: [
              { portNumber: { protocol: 'TCP', port: 80 } },
              { portRange: { protocol: 'UDP', start: 1, end: 2 } },
              { portRange: { protocol: 'TCP', start: 1, end: 65535 } },
            ],
          }],
        },
      });
      expect(ClusterPolicyValidator.isValid(object)).toBe(true);
    });

    test('BaselineAdminNetworkPolicy: named default, no priority', () => {
      const chart = chartIn();
      const banp = new BaselineAdminNetworkPolicy(chart, 'baseline', { subject: Namespaces.all(), egress: [{ action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods()] }] });
      expect(banp.name).toBe('default');
      expect(clusterObjects(chart)).toEqual([{
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'BaselineAdminNetworkPolicy',
        metadata: { name: 'default' },
        spec: { subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ namespaces: {} }] }] },
      }]);
    });

    test('the same ClusterNetworkPolicy props render either version', () => {
      const render = (apiVersion: ClusterPolicyApiVersion) => {
        const chart = chartIn();
        new ClusterNetworkPolicy(chart, 'p', {
          tier: PolicyTier.ADMIN,
          priority: 3,
          subject: Namespaces.all(),
          apiVersion,
          ingress: [{ action: ClusterPolicyAction.PASS, peers: [Namespaces.all()] }],
        });
        return clusterObjects(chart)[0];
      };
      expect(render(ClusterPolicyApiVersion.V1ALPHA1).kind).toBe('AdminNetworkPolicy');
      expect(render(ClusterPolicyApiVersion.V1ALPHA2).kind).toBe('ClusterNetworkPolicy');
    });

    test('a Baseline Pass has no v1alpha1 form: a synthesis error naming the rule', () => {
      const chart = chartIn();
      new ClusterNetworkPolicy(chart, 'base', {
        tier: PolicyTier.BASELINE,
        priority: 3,
        subject: Namespaces.all(),
        apiVersion: ClusterPolicyApiVersion.V1ALPHA1,
        ingress: [{ action: ClusterPolicyAction.PASS, peers: [Namespaces.all()] }],
      });
      expect(synthError(chart)).toContain('[test/base] BaselineAdminNetworkPolicy default: spec.ingress[0].action: a BaselineAdminNetworkPolicy cannot pass');
    });

    test('two BaselineAdminNetworkPolicies in one app are refused', () => {
      const chart = chartIn();
      new BaselineAdminNetworkPolicy(chart, 'a', { subject: Namespaces.all() });
      new BaselineAdminNetworkPolicy(chart, 'b', { subject: Namespaces.all() });
      expect(synthError(chart)).toContain('A cluster has at most one BaselineAdminNetworkPolicy');
    });
  });

  describe('equal priorities (upstream leaves their order undefined)', () => {
    const deny = [{ action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods()] }];

    test('two Admin policies with one priority and overlapping subjects: an error on each, naming the other and the fix', () => {
      const chart = chartIn();
      new ClusterNetworkPolicy(chart, 'a', { tier: PolicyTier.ADMIN, priority: 7, subject: Namespaces.all(), ingress: deny });
      new ClusterNetworkPolicy(chart, 'b', { tier: PolicyTier.ADMIN, priority: 7, subject: Namespaces.labelled({ tenant: 'x' }), ingress: deny });
      const message = synthError(chart);
      expect(message).toContain('[test/a] spec.priority: the ClusterNetworkPolicy "b" at test/b is also in the Admin tier with priority 7');
      expect(message).toContain('[test/b] spec.priority: the ClusterNetworkPolicy "a" at test/a');
      expect(message).toContain('Fix: give one of them another priority, or, if their rules never disagree, set orderIndependent: true on both.');
    });

    test('no error for disjoint subjects, other priorities, other directions, other tiers, or when both say order does not matter', () => {
      const chart = chartIn();
      const tenant = (t: string) => Namespaces.labelled({ tenant: t });
      new ClusterNetworkPolicy(chart, 'a', { tier: PolicyTier.ADMIN, priority: 1, subject: tenant('a'), ingress: deny });
      new ClusterNetworkPolicy(chart, 'b', { tier: PolicyTier.ADMIN, priority: 1, subject: tenant('b'), ingress: deny });
      new ClusterNetworkPolicy(chart, 'c', { tier: PolicyTier.ADMIN, priority: 2, subject: tenant('a'), ingress: deny });
      new ClusterNetworkPolicy(chart, 'd', { tier: PolicyTier.ADMIN, priority: 1, subject: tenant('a'), egress: deny });
      new ClusterNetworkPolicy(chart, 'e', { tier: PolicyTier.BASELINE, priority: 1, subject: tenant('a'), ingress: deny });
      new ClusterNetworkPolicy(chart, 'f', { tier: PolicyTier.ADMIN, priority: 3, subject: tenant('a'), ingress: deny, orderIndependent: true });
      new ClusterNetworkPolicy(chart, 'g', { tier: PolicyTier.ADMIN, priority: 3, subject: Namespaces.all(), ingress: deny, orderIndependent: true });
      expect(() => Testing.synth(chart)).not.toThrow();
    });

    test('one side saying order does not matter is not enough', () => {
      const chart = chartIn();
      new ClusterNetworkPolicy(chart, 'a', { tier: PolicyTier.ADMIN, priority: 3, subject: Namespaces.all(), ingress: deny, orderIndependent: true });
      new ClusterNetworkPolicy(chart, 'b', { tier: PolicyTier.ADMIN, priority: 3, subject: Namespaces.all(), ingress: deny });
      expect(synthError(chart)).toContain('set orderIndependent: true on the other one too');
    });

    test('v1alpha1 and v1alpha2 policies of one tier have no order at all upstream (B37): an error whatever the priorities', () => {
      const chart = chartIn();
      new AdminNetworkPolicy(chart, 'old', { priority: 1, subject: Namespaces.all(), ingress: deny });
      new ClusterNetworkPolicy(chart, 'new', { tier: PolicyTier.ADMIN, priority: 50, subject: Namespaces.labelled({ tenant: 'a' }), ingress: deny });
      new BaselineAdminNetworkPolicy(chart, 'base', { subject: Namespaces.all(), ingress: deny });
      new ClusterNetworkPolicy(chart, 'base2', { tier: PolicyTier.BASELINE, priority: 50, subject: Namespaces.all(), ingress: deny });
      const message = synthError(chart);
      expect(message).toContain('[test/new] kind: the AdminNetworkPolicy "old" at test/old is in the Admin tier too, and its subject (all namespaces) can select '
        + 'the same pods as this one (namespaces tenant=a); upstream defines no order between AdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) and '
        + 'ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2)');
      expect(message).toContain('Fix: render every cluster policy of the app with one apiVersion');
      expect(message).toContain('[test/base2] kind: the BaselineAdminNetworkPolicy "default" at test/base');
    });

    test('across charts of one app, too', () => {
      const app = new App({ outdir: Testing.app().outdir });
      new ClusterNetworkPolicy(new Chart(app, 'one'), 'a', { tier: PolicyTier.ADMIN, priority: 9, subject: Namespaces.all(), ingress: deny });
      new ClusterNetworkPolicy(new Chart(app, 'two'), 'b', { tier: PolicyTier.ADMIN, priority: 9, subject: Namespaces.all(), ingress: deny });
      expect(() => app.synthYaml()).toThrow(/\[one\/a\] spec.priority: the ClusterNetworkPolicy "b" at two\/b/);
    });
  });

  describe('errors name the construct, the field and the fix', () => {
    test.each([
      ['a priority out of range', { priority: 1001 }, /test\/p: ClusterNetworkPolicy priority: is 1001, and a priority is a whole number from 0 to 1000\. Fix: /],
      ['no subject', { subject: undefined }, /test\/p: ClusterNetworkPolicy subject: is undefined\. Fix: pass the pods the policy applies to/],
      ['pods without namespaces as subject', { subject: Pods.labelled({ app: 'web' }) }, /does not say in which namespaces.*Fix: write pods.inNamespaces/],
      ['anywhere as a peer', { ingress: [{ action: ClusterPolicyAction.DENY, peers: [Peer.anywhere()] }] }, /ClusterNetworkPolicy ingress\[0\]\.peers\[0\]: anywhere has no cluster-policy form.*Fix: use ClusterPeer.allPods\(\)/],
      ['an ipBlock with exceptions', { egress: [{ action: ClusterPolicyAction.DENY, peers: [Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16'])] }] }, /has exceptions, which cluster policies cannot express/],
      ['a rule without peers', { ingress: [{ action: ClusterPolicyAction.DENY, peers: [] }] }, /ClusterNetworkPolicy ingress\[0\]\.peers: is an empty list\. Fix: list the peers/],
      ['an unknown action', { ingress: [{ action: 'Allow', peers: [Namespaces.all()] }] }, /ingress\[0\]\.action: is string "Allow"\. Fix: use one of "Accept", "Deny", "Pass"/],
      ['a misspelt prop', { prority: 1 }, /unknown property prority; did you mean priority\?/],
    ])('%s', (_, override, expected) => {
      const chart = chartIn();
      const props: any = { tier: PolicyTier.ADMIN, priority: 1, subject: Namespaces.all(), ...override };
      expect(() => new ClusterNetworkPolicy(chart, 'p', props)).toThrow(expected);
    });

    test('what only the API server checks is found at synthesis, in its words: an ingress networks peer', () => {
      const chart = chartIn();
      new ClusterNetworkPolicy(chart, 'p', {
        tier: PolicyTier.ADMIN,
        priority: 1,
        subject: Namespaces.all(),
        ingress: [{ action: ClusterPolicyAction.DENY, peers: [ClusterPeer.networks('10.0.0.0/8')] }],
      });
      expect(synthError(chart)).toContain('[test/p] ClusterNetworkPolicy p: spec.ingress[0].from[0].networks: strict decoding error: unknown field');
    });

    test('ClusterPeer factories check their input', () => {
      expect(() => ClusterPeer.networks('10.0.0.1/8')).toThrow('ClusterPeer.networks("10.0.0.1/8"): "10.0.0.1/8" must not have bits set beyond the prefix length. Write it as "10.0.0.0/8".');
      expect(() => ClusterPeer.domainNames('localhost')).toThrow(/is not a domain name the API accepts/);
      expect(() => ClusterPeer.pods(Pods.labelled({ app: 'a' }))).toThrow(/the pods' namespaces must be given/);
      expect(() => ClusterPeer.nodes().toString()).not.toThrow();
      expect(() => ClusterPeer.nodes()._toPeerManifests()).toThrow(/exists only in cluster-scoped policies, not in a NetworkPolicy. Fix: move the rule into a ClusterNetworkPolicy/);
    });
  });
});
