import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chartIn, policiesOf, policyNamed, synthError } from './synth-helpers';
import { AllowFrom, AllowFromProps, AllowTo, AllowToProps, Endpoint, NamespaceBaseline, Namespaces, Peer, Pods, Port, Reachability } from '../../src';

/** Props as JavaScript or Python would pass them: no compile-time check. */
function untyped(props: object): AllowFromProps & AllowToProps {
  return props as AllowFromProps & AllowToProps;
}

describe('AllowFrom', () => {
  test('opens both ends by default: the ingress at the destinations and the egress at the sources', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    const allow = new AllowFrom(chart, 'web-to-api', {
      destinations: Pods.labelled({ app: 'api' }),
      sources: [Pods.labelled({ app: 'web' })],
      ports: [Port.tcp(8080)],
    });
    // THEN
    expect(policyNamed(chart, 'web-to-api').spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    });
    expect(allow.peerPolicies.map((p) => `${p.namespaceName}/${p.name}`)).toEqual(['shop/web-to-api-egress']);
    expect(policyNamed(chart, 'web-to-api-egress').spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('trap: an allow opened one end only, so web -> api stayed denied under a NamespaceBaseline', () => {
    // GIVEN a namespace that denies everything
    const chart = chartIn('shop');
    const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web' }] });
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8080 }] });
    new NamespaceBaseline(chart, 'baseline');
    // WHEN the allow is written as a user of cdk8s-plus or aws-cdk connections would write it
    new AllowFrom(chart, 'web-to-api', { destinations: Pods.of(api), sources: [Pods.of(web)], ports: [Port.tcp(8080)] });
    // THEN the connection is open, and only it
    const reach = Reachability.of(chart);
    expect(reach.isAllowed(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(8080))).toBe(true);
    expect(reach.isAllowed(Endpoint.workload('shop/api'), Endpoint.workload('shop/web'), Port.tcp(8080))).toBe(false);
    expect(reach.isAllowed(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(9090))).toBe(false);
  });

  test('bothEnds: false is one-sided: only the ingress at the destinations is written', () => {
    const chart = chartIn('shop');
    const allow = new AllowFrom(chart, 'any-port', { destinations: Pods.all(), sources: [Namespaces.named('front')], bothEnds: false });
    expect(allow.peerPolicies).toEqual([]);
    expect(policiesOf(chart)).toHaveLength(1);
    expect(policyNamed(chart, 'any-port').spec!.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } } }] }]);
  });

  test('pods AND namespaces stay in one peer', () => {
    const chart = chartIn('shop');
    new AllowFrom(chart, 'prom', {
      destinations: Pods.all(),
      sources: [Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))],
    });
    expect(policyNamed(chart, 'prom').spec!.ingress![0].from).toEqual([{
      podSelector: { matchLabels: { app: 'prometheus' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
    }]);
  });

  describe('both ends', () => {
    test('writes the egress rule in each named peer namespace; IP blocks get none', () => {
      // GIVEN
      const chart = chartIn('shop');
      // WHEN
      const allow = new AllowFrom(chart, 'front-to-api', {
        destinations: Pods.labelled({ app: 'api' }),
        sources: [
          Pods.labelled({ app: 'web' }).inNamespaces(Namespaces.named('front', 'edge')),
          Peer.ipBlock('192.168.0.0/16'),
          Peer.anywhere(),
        ],
        ports: [Port.tcp(8080)],
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
      new AllowFrom(chart, 'web-to-api', { destinations: Pods.labelled({ app: 'api' }), sources: [Pods.of(web)], ports: [Port.HTTP] });

      expect(policyNamed(chart, 'web-to-api').spec!.ingress![0].from).toEqual([{
        podSelector: { matchLabels: web.matchLabels },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } },
      }]);
      const egress = policyNamed(chart, 'web-to-api-egress-in-front');
      expect(egress.metadata?.namespace).toBe('front');
      expect(egress.spec!.podSelector).toEqual({ matchLabels: web.matchLabels });
    });

    test('pods in namespaces chosen by labels are refused, naming the peer and the one-sided form', () => {
      const chart = chartIn('shop');
      expect(() => new AllowFrom(chart, 'from-ops', {
        destinations: Pods.all(),
        sources: [Pods.labelled({ app: 'agent' }).inNamespaces(Namespaces.labelled({ team: 'ops' }))],
      })).toThrow('test/from-ops: AllowFrom sources[0]: both ends are opened by default, but no egress rule can be written for '
        + '"pods app=agent in namespaces team=ops": its namespaces are chosen by labels, not by name, so the namespaces where the rule would go are unknown. '
        + 'Fix: name the namespaces (Namespaces.named("a", "b")), or make the allow one-sided with bothEnds: false and open the egress of those pods where they are defined.');
      expect(() => new AllowFrom(chart, 'from-all', { destinations: Pods.all(), sources: [Namespaces.all()] }))
        .toThrow(/^test\/from-all: AllowFrom sources\[0\]: .* "all namespaces": the namespaces are chosen by labels, not by name/);
      expect(() => new AllowFrom(chart, 'one-sided', { destinations: Pods.all(), sources: [Namespaces.all()], bothEnds: false })).not.toThrow();
    });

    test('without a namespace, same-namespace peers work and peers elsewhere need one', () => {
      const chart = Testing.chart();
      const allow = new AllowFrom(chart, 'web-to-api', { destinations: Pods.labelled({ app: 'api' }), sources: [Pods.labelled({ app: 'web' })] });
      expect(allow.peerPolicies.map((p) => p.namespaceName)).toEqual([undefined]);
      expect(() => new AllowFrom(chart, 'x', { destinations: Pods.all(), sources: [Namespaces.named('a')] }))
        .toThrow('test/x: AllowFrom sources[0]: both ends are opened by default, and the egress rule in namespace "a" must name the namespace of all pods, '
          + 'but the policy has no namespace. Fix: set namespaceName, give the chart a namespace, or make the allow one-sided with bothEnds: false.');
    });
  });

  describe('props checked at construction', () => {
    test('trap: missing props became allow-all (sources undefined rendered podSelector {} with no from)', () => {
      const chart = chartIn('shop');
      expect(() => new AllowFrom(chart, 'x', untyped({ destinations: undefined, sources: undefined, ports: [Port.tcp(5432)] })))
        .toThrow('test/x: AllowFrom destinations: is undefined, and no pods would mean every pod of the namespace. '
          + 'Fix: pass the pods, e.g. destinations: Pods.of(api), or destinations: Pods.all() to mean every pod on purpose.');
      expect(() => new AllowFrom(chart, 'y', untyped({ destinations: Pods.all(), sources: null })))
        .toThrow('test/y: AllowFrom sources: is null, and no peers would mean every peer. '
          + 'Fix: pass the peers, e.g. sources: [Pods.of(web)], or sources: [Peer.anywhere()] to mean every peer on purpose.');
      expect(policiesOf(chart)).toEqual([]);
    });

    test('a missing peer inside the list is refused with its index', () => {
      const chart = chartIn('shop');
      expect(() => new AllowTo(chart, 'x', untyped({ sources: Pods.all(), destinations: [Pods.labelled({ app: 'db' }), undefined] })))
        .toThrow('test/x: AllowTo destinations[1]: is undefined. Fix: remove the entry or pass a peer, e.g. Pods.of(web).');
    });

    test('an empty peer list is refused: Peer.anywhere() says "every source" on purpose', () => {
      const chart = chartIn('shop');
      expect(() => new AllowFrom(chart, 'x', { destinations: Pods.all(), sources: [] }))
        .toThrow('test/x: AllowFrom sources: is an empty list, and no peers would mean every peer. '
          + 'Fix: list the peers, e.g. sources: [Pods.of(web)], or sources: [Peer.anywhere()] to mean every peer on purpose.');
      new AllowFrom(chart, 'open', { destinations: Pods.all(), sources: [Peer.anywhere()], ports: [Port.HTTPS] });
      expect(policyNamed(chart, 'open').spec!.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 443 }] }]);
    });

    test('the props of the previous version are refused with the new name', () => {
      const chart = chartIn('shop');
      expect(() => new AllowFrom(chart, 'x', untyped({ pods: Pods.all(), peers: [Pods.all()] })))
        .toThrow('test/x: AllowFrom: unknown property pods; did you mean destinations?');
      expect(() => new AllowTo(chart, 'y', untyped({ sources: Pods.all(), peers: [Pods.all()] })))
        .toThrow('test/y: AllowTo: unknown property peers; did you mean destinations?');
      expect(() => new AllowFrom(chart, 'z', untyped({ destinations: Pods.all(), sources: [Pods.all()], bothEnd: false })))
        .toThrow('test/z: AllowFrom: unknown property bothEnd; did you mean bothEnds?');
    });

    test('ports must be Port values and bothEnds a boolean', () => {
      const chart = chartIn('shop');
      expect(() => new AllowFrom(chart, 'x', untyped({ destinations: Pods.all(), sources: [Pods.all()], ports: [5432] })))
        .toThrow('test/x: AllowFrom ports[0]: is not a Port: number 5432. Fix: write Port.tcp(5432) (or Port.udp / Port.sctp).');
      expect(() => new AllowFrom(chart, 'y', untyped({ destinations: Pods.all(), sources: [Pods.all()], bothEnds: 'no' })))
        .toThrow('test/y: AllowFrom bothEnds: must be true or false, not "no". Fix: leave it out (both ends, the default) or write bothEnds: false for a one-sided allow.');
    });
  });

  describe('cdk8s-plus workloads', () => {
    test('trap: a workload passed as a peer failed with "peer._toPeerManifests is not a function"', () => {
      // GIVEN
      const chart = chartIn('shop');
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }], metadata: { namespace: 'front' } });
      const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api' }] });
      // WHEN the workloads are passed as they are, as JavaScript allows
      const allow = new AllowFrom(chart, 'web-to-api', untyped({ destinations: api, sources: [web], ports: [Port.HTTP] }));
      // THEN they are read as Pods.of(workload)
      expect(allow.selectedPods.toString()).toBe(`pods of Deployment shop/${api.name}`);
      expect(policyNamed(chart, 'web-to-api').spec!.ingress![0].from).toEqual([{
        podSelector: { matchLabels: web.matchLabels },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } },
      }]);
      expect(policyNamed(chart, 'web-to-api-egress-in-front').spec!.podSelector).toEqual({ matchLabels: web.matchLabels });
    });

    test('a cdk8s-plus Namespace is read as Namespaces.of(namespace)', () => {
      const chart = chartIn('shop');
      const front = new kplus.Namespace(chart, 'front', { metadata: { name: 'front' } });
      new AllowFrom(chart, 'from-front', untyped({ destinations: Pods.all(), sources: [front] }));
      expect(policyNamed(chart, 'from-front-egress-in-front').metadata?.namespace).toBe('front');
    });

    test('something that is not a peer is refused with the factories to use', () => {
      const chart = chartIn('shop');
      expect(() => new AllowFrom(chart, 'x', untyped({ destinations: Pods.all(), sources: [{ app: 'web' }] })))
        .toThrow('test/x: AllowFrom sources[0]: is not a peer: the object {"app":"web"}. Fix: create peers with Pods (Pods.of(workload), '
          + 'Pods.labelled({...})), Namespaces or Peer (Peer.ipBlock(...), Peer.anywhere()).');
    });
  });

  test('an invalid peer created by hand is caught at synth with its field path', () => {
    const chart = chartIn('shop');
    const forged = { toString: () => 'forged', _toPeerManifests: () => [{}], _oppositeEnd: () => undefined };
    new AllowFrom(chart, 'forged', { destinations: Pods.all(), sources: [forged] });
    expect(synthError(chart)).toMatch(/\[test\/forged\] spec\.ingress\[0\]\.from\[0\]: Required value: must specify a peer/);
  });
});

describe('AllowTo', () => {
  test('opens both ends by default: the egress at the sources and the ingress at the destinations', () => {
    const chart = chartIn('shop');
    const allow = new AllowTo(chart, 'api-to-db', { sources: Pods.labelled({ app: 'api' }), destinations: [Pods.labelled({ app: 'db' })], ports: [Port.POSTGRES] });
    expect(policyNamed(chart, 'api-to-db').spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
    });
    expect(allow.peerPolicies.map((p) => p.name)).toEqual(['api-to-db-ingress']);
    expect(policyNamed(chart, 'api-to-db-ingress').spec).toEqual({
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('bothEnds: false is one-sided: only the egress at the sources', () => {
    const chart = chartIn('shop');
    const allow = new AllowTo(chart, 'api-to-db', { sources: Pods.labelled({ app: 'api' }), destinations: [Pods.labelled({ app: 'db' })], bothEnds: false });
    expect(allow.peerPolicies).toEqual([]);
    expect(policiesOf(chart).map((p) => p.metadata?.name)).toEqual(['api-to-db']);
  });

  test('writes the ingress rule at the destination namespace; IP blocks get none', () => {
    const chart = chartIn('shop');
    const allow = new AllowTo(chart, 'api-to-db', {
      sources: Pods.labelled({ app: 'api' }),
      destinations: [Pods.labelled({ app: 'db' }).inNamespaces(Namespaces.named('data')), Peer.anyIpv4()],
      ports: [Port.POSTGRES],
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
    new AllowTo(chart, 'to-data', { sources: Pods.all(), destinations: [Namespaces.named('data')] });
    expect(policyNamed(chart, 'to-data-ingress-in-data').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {}, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }] }],
    });
  });

  test('trap: missing props became allow-all (destinations undefined rendered an egress rule with no to)', () => {
    const chart = chartIn('shop');
    expect(() => new AllowTo(chart, 'x', untyped({ sources: Pods.all(), ports: [Port.HTTPS] })))
      .toThrow('test/x: AllowTo destinations: is undefined, and no peers would mean every peer. '
        + 'Fix: pass the peers, e.g. destinations: [Pods.of(web)], or destinations: [Peer.anywhere()] to mean every peer on purpose.');
  });
});
