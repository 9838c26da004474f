import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { shopApp } from './shop-app';
import { Endpoint, HostNetworkMode, Namespaces, NetworkPolicy, Peer, Pods, Port, Protocol, Reachability } from '../../src';

const workload = (ref: string) => Endpoint.workload(ref);

/** The shop app plus the pods the tests talk about that live outside it. */
function shop() {
  const s = shopApp();
  const reach = Reachability.of(s.app)
    .addWorkload({ namespaceName: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } })
    .addWorkload({ namespaceName: 'staging', name: 'prometheus', labels: { app: 'prometheus' } })
    .addWorkload({ namespaceName: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, kind: 'Deployment' });
  return { ...s, reach };
}

describe('Reachability', () => {
  describe('the classic checklist over the shop chart', () => {
    test('an allowed pod: web reaches api on TCP 8080, and the explanation names the rules on both sides', () => {
      // GIVEN
      const { reach, webToApi } = shop();

      // WHEN
      const verdict = reach.verdict(workload('shop/web'), workload('shop/api'), Port.tcp(8080));

      // THEN
      expect(verdict.allowed).toBe(true);
      expect(verdict.denied).toBe(false);
      expect(verdict.source).toBe('shop/web[Deployment]');
      expect(verdict.destination).toBe('shop/api[Deployment]');
      expect(verdict.port).toBe('TCP 8080');
      expect(verdict.allowedConnections).toBe('TCP 8080');
      expect(verdict.ingress.allowed).toBe(true);
      expect(verdict.ingress.isolated).toBe(true);
      expect(verdict.ingress.allowedBy).toEqual([`shop/${webToApi.name} spec.ingress[0].from[0] + spec.ingress[0].ports[0]`]);
      expect(verdict.egress.allowed).toBe(true);
      expect(verdict.egress.allowedBy).toEqual([`shop/${webToApi.peerPolicies[0].name} spec.egress[0].to[0] + spec.egress[0].ports[0]`]);
      expect(verdict.explanation).toMatch(/^shop\/web\[Deployment\] -> shop\/api\[Deployment\] on TCP 8080: allowed\./);
      expect(verdict.explanation).toContain(`allowed by shop/${webToApi.name}`);
      expect(reach.isAllowed(workload('shop/web'), workload('shop/api'), Port.tcp(8080))).toBe(true);
    });

    test('a denied pod: db does not reach api, and the explanation lists the isolating policies and their rules', () => {
      const { reach, webToApi } = shop();

      const verdict = reach.verdict(workload('shop/db'), workload('shop/api'), Port.tcp(8080));

      expect(verdict.allowed).toBe(false);
      expect(verdict.denied).toBe(true);
      expect(verdict.allowedConnections).toBe('No Connections');
      expect(verdict.egress.allowed).toBe(false);
      expect(verdict.egress.isolatingPolicies).toContain('shop/baseline-deny-all');
      expect(verdict.ingress.allowed).toBe(false);
      expect(verdict.ingress.isolatingPolicies).toEqual(expect.arrayContaining(['shop/baseline-deny-all', `shop/${webToApi.name}`]));
      expect(verdict.ingress.allowedBy).toEqual([]);
      expect(verdict.explanation).toContain('shop/db[StatefulSet] -> shop/api[Deployment] on TCP 8080: denied.');
      expect(verdict.explanation).toContain('no rule matched');
      expect(verdict.explanation).toContain('shop/db[StatefulSet] (shop/db/Resource) is not a listed peer');
    });

    test('traffic from the external load balancer IP reaches web; another external address does not', () => {
      const { reach, loadBalancerToWeb } = shop();

      const fromLb = reach.verdict(Endpoint.ip('203.0.113.7'), workload('shop/web'), Port.tcp(8080));
      const fromElsewhere = reach.verdict(Endpoint.ip('198.51.100.7'), workload('shop/web'), Port.tcp(8080));

      expect(fromLb.allowed).toBe(true);
      expect(fromLb.egress.applies).toBe(false);
      expect(fromLb.ingress.allowedBy).toEqual([`shop/${loadBalancerToWeb.name} spec.ingress[0].from[0] + spec.ingress[0].ports[0]`]);
      expect(fromElsewhere.denied).toBe(true);
      expect(fromElsewhere.explanation).toContain('198.51.100.7 is not a listed peer');
    });

    test('the whole load balancer range is allowed, the internet as a whole only partly', () => {
      const { reach } = shop();

      const fromRange = reach.verdict(Endpoint.cidr('203.0.113.0/24'), workload('shop/web'), Port.tcp(8080));
      const fromInternet = reach.verdict(Endpoint.internet(), workload('shop/web'), Port.tcp(8080));

      expect(fromRange.allowed).toBe(true);
      expect(fromInternet.allowed).toBe(false);
      expect(fromInternet.denied).toBe(false);
      expect(fromInternet.explanation).toContain('internet -> shop/web[Deployment] on TCP 8080: partly allowed.');
      expect(fromInternet.explanation).toContain('Allowed, e.g. TCP 8080 from 203.0.113.0/24');
      expect(fromInternet.explanation).toContain('denied, e.g. TCP 8080 from 0.0.0.0-203.0.112.255');
    });

    test('egress to the internet: api may call HTTPS outside 10.0.0.0/8 on IPv4, web may not call out at all', () => {
      const { reach, apiToInternet } = shop();

      const apiToPublic = reach.verdict(workload('shop/api'), Endpoint.ip('93.184.216.34'), Port.HTTPS);
      const apiToPrivate = reach.verdict(workload('shop/api'), Endpoint.ip('10.1.2.3'), Port.HTTPS);
      const apiToV6 = reach.verdict(workload('shop/api'), Endpoint.ip('2001:db8::1'), Port.HTTPS);
      const apiToInternetAsAWhole = reach.verdict(workload('shop/api'), Endpoint.internet(), Port.HTTPS);
      const webToInternet = reach.verdict(workload('shop/web'), Endpoint.internet(), Port.HTTPS);

      expect(apiToPublic.allowed).toBe(true);
      expect(apiToPublic.egress.allowedBy).toEqual([`shop/${apiToInternet.name} spec.egress[0].to[0] + spec.egress[0].ports[0]`]);
      expect(apiToPublic.ingress.applies).toBe(false);
      expect(apiToPrivate.denied).toBe(true);
      expect(apiToV6.denied).toBe(true);
      expect(apiToInternetAsAWhole.allowed).toBe(false);
      expect(apiToInternetAsAWhole.denied).toBe(false);
      expect(webToInternet.denied).toBe(true);
      expect(webToInternet.explanation).toContain('shop/web[Deployment] -> internet on TCP 443: denied.');
    });

    test('another namespace: prometheus in monitoring may scrape the named port, the same pod elsewhere may not', () => {
      const { reach, metrics } = shop();

      const scrape = reach.verdict(workload('monitoring/prometheus'), workload('shop/api'), Port.named('metrics'));
      const scrapeByNumber = reach.verdict(workload('monitoring/prometheus'), workload('shop/api'), Port.tcp(9090));
      const scrapeFromStaging = reach.verdict(workload('staging/prometheus'), workload('shop/api'), Port.tcp(9090));
      const appPortFromMonitoring = reach.verdict(workload('monitoring/prometheus'), workload('shop/api'), Port.tcp(8080));

      expect(scrape.allowed).toBe(true);
      expect(scrape.port).toBe('TCP port "metrics"');
      expect(scrape.allowedConnections).toBe('TCP 9090');
      expect(scrape.ingress.allowedBy).toEqual([`shop/${metrics.name} spec.ingress[0].from[0] + spec.ingress[0].ports[0]`]);
      expect(scrape.egress.isolated).toBe(false);
      expect(scrapeByNumber.allowed).toBe(true);
      expect(scrapeFromStaging.denied).toBe(true);
      expect(scrapeFromStaging.explanation).toContain('staging/prometheus[Pod] is not a listed peer');
      expect(appPortFromMonitoring.denied).toBe(true);
      expect(appPortFromMonitoring.explanation).toContain('TCP/8080 is not a listed port');
    });

    test('another port or protocol: web reaches api on TCP 8080 only', () => {
      const { reach } = shop();

      expect(reach.verdict(workload('shop/web'), workload('shop/api'), Port.tcp(8081)).denied).toBe(true);
      expect(reach.verdict(workload('shop/web'), workload('shop/api'), Port.udp(8080)).denied).toBe(true);
      const range = reach.verdict(workload('shop/web'), workload('shop/api'), Port.tcpRange(8000, 8100));
      expect(range.allowed).toBe(false);
      expect(range.denied).toBe(false);
      expect(range.allowedConnections).toBe('TCP 8080');
      expect(range.explanation).toContain('Allowed, e.g. TCP 8080; denied, e.g. TCP 8000.');
    });

    test('DNS: every shop pod may query the cluster DNS on UDP and TCP 53, and nothing else there', () => {
      const { reach } = shop();

      for (const pod of ['shop/web', 'shop/api', 'shop/db']) {
        expect(reach.isAllowed(workload(pod), workload('kube-system/coredns'), Port.DNS_UDP)).toBe(true);
        expect(reach.isAllowed(workload(pod), workload('kube-system/coredns'), Port.DNS_TCP)).toBe(true);
        expect(reach.isAllowed(workload(pod), workload('kube-system/coredns'), Port.HTTP)).toBe(false);
      }
    });
  });

  describe('assertAllowed and assertDenied', () => {
    test('assertAllowed passes silently for an allowed connection and throws the explanation otherwise', () => {
      const { reach } = shop();

      expect(() => reach.assertAllowed(workload('shop/web'), workload('shop/api'), Port.tcp(8080))).not.toThrow();
      const expected = reach.verdict(workload('shop/db'), workload('shop/api'), Port.tcp(8080)).explanation;
      expect(() => reach.assertAllowed(workload('shop/db'), workload('shop/api'), Port.tcp(8080)))
        .toThrow(`Expected the connection to be allowed, but it is denied.\n${expected}`);
    });

    test('assertDenied passes silently for a denied connection and throws the explanation otherwise', () => {
      const { reach } = shop();

      expect(() => reach.assertDenied(workload('shop/db'), workload('shop/api'), Port.tcp(8080))).not.toThrow();
      const expected = reach.verdict(workload('shop/web'), workload('shop/api'), Port.tcp(8080)).explanation;
      expect(() => reach.assertDenied(workload('shop/web'), workload('shop/api'), Port.tcp(8080)))
        .toThrow(`Expected the connection to be denied, but it is allowed.\n${expected}`);
    });

    test('a partly allowed connection fails both assertions and says so', () => {
      const { reach } = shop();

      expect(() => reach.assertAllowed(workload('shop/api'), Endpoint.internet(), Port.HTTPS))
        .toThrow(/^Expected the connection to be allowed, but it is only partly allowed\.\nshop\/api\[Deployment\] -> internet on TCP 443: partly allowed\./);
      expect(() => reach.assertDenied(workload('shop/api'), Endpoint.internet(), Port.HTTPS))
        .toThrow(/^Expected the connection to be denied, but it is partly allowed\./);
    });
  });

  describe('naming endpoints', () => {
    test('an unknown workload is an error that lists close matches and the known workloads', () => {
      const { reach } = shop();

      expect(() => reach.verdict(workload('shop/wbe'), workload('shop/api'), Port.tcp(8080)))
        .toThrow('Unknown source workload "shop/wbe". Did you mean "shop/web"');
      expect(() => reach.verdict(workload('shop/web'), workload('shop/apu'), Port.tcp(8080)))
        .toThrow(/Unknown destination workload "shop\/apu"\. Did you mean "shop\/api"\?.*Known workloads: kube-system\/coredns, monitoring\/prometheus, shop\/api, shop\/db, shop\/web, staging\/prometheus\./);
    });

    test('without a close match the error offers none; an empty cluster says it has no workloads', () => {
      const { reach } = shop();

      expect(() => reach.verdict(workload('zzz/qqqqqq'), workload('shop/api'), Port.tcp(8080))).toThrow(new Error(
        'Unknown source workload "zzz/qqqqqq". Known workloads: kube-system/coredns, monitoring/prometheus, shop/api, shop/db, shop/web, staging/prometheus. '
        + 'Workloads that the app does not define can be declared with addWorkload().'));
      expect(() => Reachability.fromManifests([]).verdict(Endpoint.internet(), workload('shop/api'), Port.HTTPS)).toThrow(new Error(
        'Unknown destination workload "shop/api". The cluster has no workloads. Workloads that the app does not define can be declared with addWorkload().'));
    });

    test('a workload can be named with its kind, and a wrong kind is unknown', () => {
      const { reach } = shop();

      expect(reach.isAllowed(workload('shop/web[Deployment]'), workload('shop/api[Deployment]'), Port.tcp(8080))).toBe(true);
      expect(() => reach.verdict(workload('shop/web[StatefulSet]'), workload('shop/api'), Port.tcp(8080)))
        .toThrow('Unknown source workload "shop/web[StatefulSet]"');
    });

    test('two kinds with one name are ambiguous without the kind', () => {
      const { reach } = shop();
      reach.addWorkload({ namespaceName: 'shop', name: 'web', kind: 'Pod', labels: { app: 'debug' } });

      expect(() => reach.verdict(workload('shop/web'), workload('shop/api'), Port.tcp(8080)))
        .toThrow('The source "shop/web" is ambiguous: shop/web[Deployment], shop/web[Pod]. Add the kind, e.g. "shop/web[Deployment]".');
      expect(reach.isAllowed(workload('shop/web[Pod]'), workload('shop/api'), Port.tcp(8080))).toBe(false);
    });

    test('a question with no workload end is refused', () => {
      const { reach } = shop();

      expect(() => reach.verdict(Endpoint.ip('203.0.113.7'), Endpoint.internet(), Port.HTTPS))
        .toThrow(new Error('Cannot answer 203.0.113.7 -> internet: both ends are outside the cluster, so no NetworkPolicy applies. '
          + 'Name a workload ("namespace/name") on at least one side.'));
    });

    test('a named port that the destination does not declare is an error listing its named ports', () => {
      const { reach } = shop();

      expect(() => reach.verdict(workload('shop/web'), workload('shop/api'), Port.named('grpc')))
        .toThrow('shop/api[Deployment] has no TCP container port named "grpc": its named ports are "http" (TCP 8080), "metrics" (TCP 9090).');
      expect(() => reach.verdict(workload('shop/api'), Endpoint.internet(), Port.named('https')))
        .toThrow('Cannot resolve the named port TCP port "https" on internet: named ports exist only on pods.');
    });

    test('arguments of the wrong type are refused with the factories to use', () => {
      const { reach } = shop();

      expect(() => reach.verdict('shop/web' as any, workload('shop/api'), Port.tcp(8080)))
        .toThrow('The source must be an Endpoint, got "shop/web": use Endpoint.workload("namespace/name")');
      expect(() => reach.verdict(workload('shop/web'), workload('shop/api'), 8080 as any))
        .toThrow('The port must be a Port, got 8080: use e.g. Port.tcp(8080)');
    });
  });

  describe('declarations', () => {
    test('a declared namespace label makes a namespaceSelector match', () => {
      // GIVEN a policy that admits pods from namespaces labelled team=ops
      const app = Testing.app();
      const chart = new Chart(app, 'web', { namespace: 'web' });
      new k8s.KubeDeployment(chart, 'site', {
        metadata: { name: 'site' },
        spec: { selector: { matchLabels: { app: 'site' } }, template: { metadata: { labels: { app: 'site' } }, spec: { containers: [{ name: 'site', image: 'site' }] } } },
      });
      new NetworkPolicy(chart, 'ops-only', {
        pods: Pods.labelled({ app: 'site' }),
        ingress: [{ peers: [Peer.namespaces(Namespaces.labelled({ team: 'ops' }))] }],
      });
      const reach = Reachability.of(app).addWorkload({ namespaceName: 'tools', name: 'debug' });

      // WHEN / THEN
      expect(reach.isAllowed(workload('tools/debug'), workload('web/site'), Port.HTTP)).toBe(false);
      reach.addNamespace('tools', { team: 'ops' });
      expect(reach.isAllowed(workload('tools/debug'), workload('web/site'), Port.HTTP)).toBe(true);
    });

    test('declared container ports resolve named ports, with the declared protocol', () => {
      const { reach } = shop();
      reach.addWorkload({
        namespaceName: 'shop',
        name: 'cache',
        labels: { app: 'api' },
        ports: [{ port: 9121, name: 'metrics' }, { port: 53, name: 'dns', protocol: Protocol.UDP }],
      });

      const verdict = reach.verdict(workload('monitoring/prometheus'), workload('shop/cache'), Port.named('metrics'));

      expect(verdict.allowed).toBe(true);
      expect(verdict.allowedConnections).toBe('TCP 9121');
      expect(() => reach.verdict(workload('shop/web'), workload('shop/cache'), Port.named('dns')))
        .toThrow('shop/cache[Pod] has no TCP container port named "dns"');
      expect(reach.verdict(workload('monitoring/prometheus'), workload('shop/cache'), Port.named('dns', Protocol.UDP)).denied).toBe(true);
    });

    test('declared pod IPs are matched by ipBlocks unless ipBlockMatchesPodIps is off', () => {
      // GIVEN api may call 0.0.0.0/0 except 10.0.0.0/8 on 443, and a declared pod has a public-looking IP
      const matching = Reachability.of(shopApp().app)
        .addWorkload({ namespaceName: 'partner', name: 'gateway', podIps: ['198.51.100.10'] });
      const notMatching = Reachability.of(shopApp().app, { ipBlockMatchesPodIps: false })
        .addWorkload({ namespaceName: 'partner', name: 'gateway', podIps: ['198.51.100.10'] });

      expect(matching.isAllowed(workload('shop/api'), workload('partner/gateway'), Port.HTTPS)).toBe(true);
      expect(notMatching.isAllowed(workload('shop/api'), workload('partner/gateway'), Port.HTTPS)).toBe(false);
    });

    test('hostNetwork pods follow the chosen mode', () => {
      // GIVEN a hostNetwork agent labelled app=web, and web reachable only from the load balancer range
      const manifests = [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'agent', namespace: 'shop', labels: { app: 'agent' } }, spec: { hostNetwork: true, containers: [{ name: 'a', image: 'a' }] } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'w' }] } },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'agent' } } }] }] },
        },
      ];

      const asPod = Reachability.fromManifests(manifests);
      const asNode = Reachability.fromManifests(manifests, { hostNetwork: HostNetworkMode.AS_NODE });

      expect(asPod.isAllowed(workload('shop/agent'), workload('shop/web'), Port.HTTP)).toBe(true);
      expect(asNode.isAllowed(workload('shop/agent'), workload('shop/web'), Port.HTTP)).toBe(false);
    });

    test('invalid declarations are refused with what to fix', () => {
      const { reach } = shop();

      expect(() => reach.addWorkload({ namespaceName: 'shop', name: 'web', kind: 'Deployment' }))
        .toThrow('the workload shop/web[Deployment] already exists. Declare only workloads that the app does not define.');
      expect(() => reach.addWorkload({ namespaceName: 'Monitoring', name: 'x' }))
        .toThrow('addWorkload({ namespaceName: "Monitoring", name: "x" }): the namespaceName "Monitoring" is invalid');
      expect(() => reach.addWorkload({ namespaceName: 'm', name: 'x', labels: { 'app name': 'x' } }))
        .toThrow('invalid label app name=x');
      expect(() => reach.addWorkload({ namespaceName: 'm', name: 'x', podIps: ['10.0.0'] }))
        .toThrow('the pod IP "10.0.0" is not an IP address');
      expect(() => reach.addWorkload({ namespaceName: 'm', name: 'x', ports: [{ port: 0 }] }))
        .toThrow('port 0 must be between 1 and 65535, inclusive');
      expect(() => reach.addNamespace('tools', { 'kubernetes.io/metadata.name': 'other' }))
        .toThrow('contradicts the name');
    });

    test('a namespace label that contradicts the app is refused', () => {
      const app = Testing.app();
      const chart = new Chart(app, 'ns');
      new k8s.KubeNamespace(chart, 'team', { metadata: { name: 'team', labels: { tier: 'gold' } } });
      const reach = Reachability.of(app);

      expect(() => reach.addNamespace('team', { tier: 'silver' }))
        .toThrow('addNamespace("team"): the namespace already has the label tier=gold (from the app), so tier=silver would contradict it.');
      expect(() => reach.addNamespace('team', { tier: 'gold', region: 'eu' })).not.toThrow();
    });
  });

  describe('sources other than an App', () => {
    test('fromManifests reads plain objects and reports what it skipped', () => {
      const reach = Reachability.fromManifests([
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'x', labels: { app: 'a' } } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'x', labels: { app: 'b' } } },
        { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'x' }, spec: { podSelector: { matchLabels: { app: 'b' } } } },
        { note: 'not a Kubernetes object' },
      ]);

      expect(reach.workloads()).toEqual(['x/a[Pod]', 'x/b[Pod]']);
      expect(reach.isAllowed(workload('x/b'), workload('x/a'), Port.HTTP)).toBe(true);
      expect(reach.isAllowed(workload('x/a'), workload('x/b'), Port.HTTP)).toBe(false);
      expect(reach.warnings).toEqual(['Skipped a document without apiVersion/kind: it is not a Kubernetes object.']);
    });

    test('fromManifests refuses something that is not an array', () => {
      expect(() => Reachability.fromManifests({ kind: 'List' } as any))
        .toThrow('Reachability.fromManifests(manifests): expected an array of Kubernetes objects');
    });

    test('an invalid policy fails loudly, with the same message as app.synth()', () => {
      // GIVEN a policy placed in another namespace than the workload it targets
      const app = Testing.app();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }] });
      new NetworkPolicy(chart, 'misplaced', { namespaceName: 'other', pods: Pods.of(web) });

      // THEN
      expect(() => app.synthYaml()).toThrow(/^Validation failed with the following errors:\n {2}\[shop\/misplaced\] metadata\.namespace: the policy is in namespace "other"/);
      expect(() => Reachability.of(app)).toThrow(/^Validation failed with the following errors:\n {2}\[shop\/misplaced\] metadata\.namespace: the policy is in namespace "other"/);
    });

    test('a raw policy that skipped the constructs\' checks is refused by construct path, with the API server\'s words and the fix', () => {
      const app = Testing.app();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new k8s.KubeNetworkPolicy(chart, 'raw', { spec: { podSelector: {}, ingress: [{ ports: [{ port: k8s.IntOrString.fromNumber(0) }] }] } });

      expect(() => Reachability.of(app)).toThrow('The app holds NetworkPolicies the API server would reject, so no cluster could run it:\n'
        + '  [shop/raw] spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive Fix: a whole protocol is written as {protocol: TCP} with no port');
    });

    test('fromManifests leaves out what the API server would refuse, and names it by kind, namespace (default when unset) and name', () => {
      const badPort = { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] };
      const policy = (metadata: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: badPort });
      const reach = Reachability.fromManifests([
        policy({}),
        policy({ name: '', namespace: '' }),
        policy({ name: 'p', namespace: 'team' }),
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' }, spec: { replicas: '2' } },
        { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: '2' } },
      ]);

      const portError = 'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive Fix: a whole protocol is written as {protocol: TCP} with no port';
      const replicasError = 'spec.replicas: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32 Fix: remove the quotes: replicas: 2';
      expect(reach.warnings).toEqual([
        `NetworkPolicy default/<unnamed> is left out: the API server would reject it (${portError})`,
        `NetworkPolicy default/<unnamed> is left out: the API server would reject it (${portError})`,
        `NetworkPolicy team/p is left out: the API server would reject it (${portError})`,
        `Deployment shop/api is left out: the API server would refuse it (${replicasError})`,
        `Deployment default/<unnamed> is left out: the API server would refuse it (${replicasError})`,
      ]);
      expect(reach.workloads()).toEqual([]);
    });

    test('a Chart alone gives the reachability of that chart', () => {
      const { chart } = shopApp();

      expect(Reachability.of(chart).workloads()).toEqual(['shop/api[Deployment]', 'shop/db[StatefulSet]', 'shop/web[Deployment]']);
    });
  });
});
