import { App, Chart, Testing } from 'cdk8s';
import { Endpoint, Port, Reachability } from '../../src';
import * as recipes from '../recipes/recipe-charts';

/**
 * The outcomes the kubernetes-network-policy-recipes state in their "Try it out" sections
 * (github.com/ahmetb/kubernetes-network-policy-recipes), transcribed by hand and checked
 * against the recipe charts. Each client pod is declared as the recipe starts it with
 * `kubectl run test-$RANDOM [--namespace=NS] [--labels=...]`: without `--labels`, kubectl
 * labels the pod `run=<name>`. Probes go through Services, so they are checked on the
 * Service's target port, which is what NetworkPolicies see.
 */

const CLIENT = 'test-client';

/** The recipe's chart, and its pods and namespaces, as a Reachability. */
function recipe(build: (app: App) => Chart): Reachability {
  const app = Testing.app();
  build(app);
  return Reachability.of(app);
}

/** A client pod as `kubectl run test-$RANDOM` starts it: labelled `run=<name>` unless given labels. */
function client(reach: Reachability, namespaceName: string, labels?: { [key: string]: string }, name = CLIENT): Endpoint {
  reach.addWorkload({ namespaceName, name, labels: labels ?? { run: name } });
  return Endpoint.workload(`${namespaceName}/${name}`);
}

/** The cluster DNS pods the recipes' DNS rules select (CoreDNS keeps the label k8s-app=kube-dns). */
function clusterDns(reach: Reachability): Endpoint {
  reach.addWorkload({ namespaceName: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } });
  return Endpoint.workload('kube-system/coredns');
}

const pod = (ref: string) => Endpoint.workload(ref);
/** The address the recipes resolve www.example.com to. */
const EXAMPLE_COM = Endpoint.ip('93.184.216.34');

describe('kubernetes-network-policy-recipes: the stated outcomes', () => {
  test('01 deny all traffic to an application: a test pod can no longer reach web ("Traffic dropped!")', () => {
    const reach = recipe(recipes.recipe01DenyAllTrafficToAnApplication);

    reach.assertDenied(client(reach, 'default'), pod('default/web'), Port.HTTP);
  });

  test('02 limit traffic to an application: blocked without app=bookstore, allowed with it', () => {
    const reach = recipe(recipes.recipe02LimitTrafficToAnApplication);
    const unlabelled = client(reach, 'default');
    const bookstore = client(reach, 'default', { app: 'bookstore', role: 'frontend' }, 'test-frontend');

    reach.assertDenied(unlabelled, pod('default/apiserver'), Port.HTTP);
    reach.assertAllowed(bookstore, pod('default/apiserver'), Port.HTTP);
  });

  test('02a allow all traffic to an application: allowed, although web-deny-all is applied too', () => {
    const reach = recipe(recipes.recipe02aAllowAllTrafficToAnApplication);

    const verdict = reach.verdict(client(reach, 'default'), pod('default/web'), Port.HTTP);

    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.isolatingPolicies).toEqual(['default/web-allow-all', 'default/web-deny-all']);
    expect(verdict.ingress.allowedBy).toEqual(['default/web-allow-all spec.ingress[0]']);
  });

  test('03 deny all non-whitelisted traffic to a namespace: incoming traffic to every pod of default is dropped', () => {
    // The recipe has no "Try it out"; its remarks state the effect on all pods of the namespace.
    const reach = recipe(recipes.recipe03DenyAllNonWhitelistedTrafficInTheNamespace);
    const web = client(reach, 'default', { app: 'web' }, 'web');
    const neighbour = client(reach, 'default');
    const outsider = client(reach, 'elsewhere');

    reach.assertDenied(neighbour, web, Port.HTTP);
    reach.assertDenied(outsider, web, Port.HTTP);
    reach.assertDenied(Endpoint.internet(), web, Port.allTraffic());
    reach.assertAllowed(web, outsider, Port.HTTP);
  });

  test('04 deny traffic from other namespaces: blocked from foo, fine from default', () => {
    const reach = recipe(recipes.recipe04DenyTrafficFromOtherNamespaces);

    reach.assertDenied(client(reach, 'foo'), pod('default/web'), Port.HTTP);
    reach.assertAllowed(client(reach, 'default'), pod('default/web'), Port.HTTP);
  });

  test('05 allow traffic from all namespaces: works from secondary, and from any pod in bar', () => {
    const reach = recipe(recipes.recipe05AllowTrafficFromAllNamespaces);

    reach.assertAllowed(client(reach, 'secondary'), pod('default/web'), Port.HTTP);
    reach.assertAllowed(client(reach, 'bar'), pod('default/web'), Port.HTTP);
  });

  test('06 allow traffic from a namespace: blocked from dev, allowed from prod', () => {
    const reach = recipe(recipes.recipe06AllowTrafficFromANamespace);

    reach.assertDenied(client(reach, 'dev'), pod('default/web'), Port.HTTP);
    reach.assertAllowed(client(reach, 'prod'), pod('default/web'), Port.HTTP);
  });

  test('07 allow traffic from some pods in another namespace: only type=monitoring pods of the operations namespace', () => {
    const reach = recipe(recipes.recipe07AllowTrafficFromSomePodsInAnotherNamespace);

    reach.assertDenied(client(reach, 'default'), pod('default/web'), Port.HTTP);
    reach.assertDenied(client(reach, 'default', { type: 'monitoring' }, 'test-monitoring'), pod('default/web'), Port.HTTP);
    reach.assertDenied(client(reach, 'other'), pod('default/web'), Port.HTTP);
    reach.assertAllowed(client(reach, 'other', { type: 'monitoring' }, 'test-monitoring'), pod('default/web'), Port.HTTP);
  });

  test('08 allow traffic from external clients: every external address (and every pod) reaches web', () => {
    const reach = recipe(recipes.recipe08AllowExternalTraffic);

    reach.assertAllowed(Endpoint.internet(), pod('default/web'), Port.HTTP);
    reach.assertAllowed(client(reach, 'elsewhere'), pod('default/web'), Port.HTTP);
  });

  test('09 allow traffic only to a port: nothing for unlabelled pods, only port 5000 for role=monitoring', () => {
    const reach = recipe(recipes.recipe09AllowTrafficOnlyToAPort);
    const unlabelled = client(reach, 'default');
    const monitoring = client(reach, 'default', { role: 'monitoring' }, 'test-monitoring');

    // The Service maps 8001 -> 8000 and 5001 -> 5000; policies see the pod ports.
    reach.assertDenied(unlabelled, pod('default/apiserver'), Port.tcp(8000));
    reach.assertDenied(unlabelled, pod('default/apiserver'), Port.tcp(5000));
    reach.assertDenied(monitoring, pod('default/apiserver'), Port.tcp(8000));
    reach.assertAllowed(monitoring, pod('default/apiserver'), Port.tcp(5000));
  });

  test('10 allow traffic with multiple selectors: a catalog-like pod connects to redis, app=other does not', () => {
    const reach = recipe(recipes.recipe10AllowingTrafficWithMultipleSelectors);

    reach.assertAllowed(client(reach, 'default', { app: 'inventory', role: 'web' }, 'test-catalog'), pod('default/db'), Port.REDIS);
    reach.assertDenied(client(reach, 'default', { app: 'other' }, 'test-other'), pod('default/db'), Port.REDIS);
  });

  test('11 deny egress traffic from an application: app=foo may only resolve names', () => {
    const reach = recipe(recipes.recipe11DenyEgressTrafficFromAnApplication);
    const foo = client(reach, 'default', { app: 'foo' }, 'test');
    const dns = clusterDns(reach);

    reach.assertDenied(foo, pod('default/web'), Port.HTTP);
    reach.assertDenied(foo, EXAMPLE_COM, Port.HTTP);
    reach.assertAllowed(foo, dns, Port.DNS_UDP);
    reach.assertAllowed(foo, dns, Port.DNS_TCP);
  });

  test('12 deny all non-whitelisted egress from a namespace: pods of default cannot even resolve names', () => {
    // The recipe has no "Try it out"; its remarks state that all egress, DNS included, is dropped.
    const reach = recipe(recipes.recipe12DenyAllNonWhitelistedTrafficFromTheNamespace);
    const inDefault = client(reach, 'default');
    const dns = clusterDns(reach);

    reach.assertDenied(inDefault, dns, Port.DNS_UDP);
    reach.assertDenied(inDefault, Endpoint.internet(), Port.allTraffic());
    reach.assertAllowed(client(reach, 'elsewhere'), dns, Port.DNS_UDP);
  });

  test('14 deny external egress traffic: app=foo reaches web in the cluster and DNS, but not www.example.com', () => {
    // The recipe's YAML alone allows DNS only (as recipe 11 shows, that denies web too); its
    // "Try it out" reaches web, which the recipe chart reproduces with cluster-internal egress.
    const reach = recipe(recipes.recipe14DenyExternalEgressTraffic);
    const foo = client(reach, 'default', { app: 'foo' }, 'test');

    reach.assertAllowed(foo, pod('default/web'), Port.HTTP);
    reach.assertAllowed(foo, clusterDns(reach), Port.DNS_UDP);
    reach.assertDenied(foo, EXAMPLE_COM, Port.HTTP);
    reach.assertDenied(foo, Endpoint.internet(), Port.HTTP);
  });

  test('every recipe with stated outcomes is covered above', () => {
    expect(recipes.RECIPES.map((r) => r.id)).toEqual(['01', '02', '02a', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '14']);
  });
});
