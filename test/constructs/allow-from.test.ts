import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chartIn, policiesOf, policyNamed, synthError } from './synth-helpers';
import { AllowFrom, AllowTo, Namespaces, Peer, Pods, Port } from '../../src';

describe('AllowFrom', () => {
  test('the selected pods accept the peers on the ports (ingress only)', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    new AllowFrom(chart, 'web-to-api', {
      pods: Pods.labelled({ app: 'api' }),
      peers: [Pods.labelled({ app: 'web' })],
      ports: [Port.tcp(8080)],
    });
    // THEN
    const policy = policyNamed(chart, 'web-to-api');
    expect(policy.metadata).toEqual({ name: 'web-to-api', namespace: 'shop' });
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('pods AND namespaces stay in one peer', () => {
    const chart = chartIn('shop');
    new AllowFrom(chart, 'prom', {
      pods: Pods.all(),
      peers: [Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))],
    });
    expect(policyNamed(chart, 'prom').spec!.ingress![0].from).toEqual([{
      podSelector: { matchLabels: { app: 'prometheus' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
    }]);
  });

  test('without ports every port is allowed, and without bothEnds no other policy is written', () => {
    const chart = chartIn('shop');
    const allow = new AllowFrom(chart, 'any-port', { pods: Pods.all(), peers: [Namespaces.named('front')] });
    expect(allow.peerPolicies).toEqual([]);
    expect(policiesOf(chart)).toHaveLength(1);
    expect(policyNamed(chart, 'any-port').spec!.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } } }] }]);
  });

  describe('bothEnds', () => {
    test('writes the egress rule in each named peer namespace', () => {
      // GIVEN
      const chart = chartIn('shop');
      // WHEN
      const allow = new AllowFrom(chart, 'front-to-api', {
        pods: Pods.labelled({ app: 'api' }),
        peers: [
          Pods.labelled({ app: 'web' }).inNamespaces(Namespaces.named('front', 'edge')),
          Peer.ipBlock('192.168.0.0/16'),
          Namespaces.labelled({ team: 'x' }),
        ],
        ports: [Port.tcp(8080)],
        bothEnds: true,
      });
      // THEN
      expect(allow.peerPolicies.map((p) => `${p.namespaceName}/${p.name}`)).toEqual([
        'front/front-to-api-egress-in-front',
        'edge/front-to-api-egress-in-edge',
      ]);
      const front = policyNamed(chart, 'front-to-api-egress-in-front');
      expect(front.metadata?.namespace).toBe('front');
      expect(front.spec).toEqual({
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Egress'],
        egress: [{
          to: [{ podSelector: { matchLabels: { app: 'api' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }],
          ports: [{ protocol: 'TCP', port: 8080 }],
        }],
      });
      expect(Testing.synth(chart)).toMatchSnapshot();
    });

    test('a peer workload gets the opposite rule in its own namespace, selecting its pods', () => {
      const chart = chartIn('shop');
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }], metadata: { namespace: 'front' } });
      new AllowFrom(chart, 'web-to-api', { pods: Pods.labelled({ app: 'api' }), peers: [Pods.of(web)], ports: [Port.HTTP], bothEnds: true });

      expect(policyNamed(chart, 'web-to-api').spec!.ingress![0].from).toEqual([{
        podSelector: { matchLabels: web.matchLabels },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } },
      }]);
      const egress = policyNamed(chart, 'web-to-api-egress-in-front');
      expect(egress.metadata?.namespace).toBe('front');
      expect(egress.spec!.podSelector).toEqual({ matchLabels: web.matchLabels });
    });

    test('needs the policy namespace', () => {
      const chart = Testing.chart();
      expect(() => new AllowFrom(chart, 'x', { pods: Pods.all(), peers: [Namespaces.named('a')], bothEnds: true }))
        .toThrow('test/x: bothEnds needs the policy\'s namespace to write the rule at the other end. Set namespaceName, or give the chart a namespace.');
    });
  });

  test('an invalid peer created by hand is caught at synth with its field path', () => {
    const chart = chartIn('shop');
    const forged = { toString: () => 'forged', _toPeerManifests: () => [{}], _oppositeEnd: () => undefined };
    new AllowFrom(chart, 'forged', { pods: Pods.all(), peers: [forged] });
    expect(synthError(chart)).toMatch(/\[test\/forged\] spec\.ingress\[0\]\.from\[0\]: Required value: must specify a peer/);
  });
});

describe('AllowTo', () => {
  test('the selected pods may send to the peers on the ports (egress only)', () => {
    const chart = chartIn('shop');
    new AllowTo(chart, 'api-to-db', { pods: Pods.labelled({ app: 'api' }), peers: [Pods.labelled({ app: 'db' })], ports: [Port.POSTGRES] });
    expect(policyNamed(chart, 'api-to-db').spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('bothEnds writes the ingress rule at the destination namespace; IP blocks get none', () => {
    const chart = chartIn('shop');
    const allow = new AllowTo(chart, 'api-to-db', {
      pods: Pods.labelled({ app: 'api' }),
      peers: [Pods.labelled({ app: 'db' }).inNamespaces(Namespaces.named('data')), Peer.anyIpv4()],
      ports: [Port.POSTGRES],
      bothEnds: true,
    });
    expect(allow.peerPolicies).toHaveLength(1);
    const ingress = policyNamed(chart, 'api-to-db-ingress-in-data');
    expect(ingress.metadata?.namespace).toBe('data');
    expect(ingress.spec).toEqual({
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ podSelector: { matchLabels: { app: 'api' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }],
        ports: [{ protocol: 'TCP', port: 5432 }],
      }],
    });
  });

  test('all pods of named namespaces as a peer get an opposite policy selecting every pod there', () => {
    const chart = chartIn('shop');
    new AllowTo(chart, 'to-data', { pods: Pods.all(), peers: [Namespaces.named('data')], bothEnds: true });
    expect(policyNamed(chart, 'to-data-ingress-in-data').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {}, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }] }],
    });
  });
});
