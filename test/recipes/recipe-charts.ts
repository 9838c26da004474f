/**
 * The kubernetes-network-policy-recipes (github.com/ahmetb/kubernetes-network-policy-recipes)
 * written with this library's constructs, one function per recipe. Each builds one chart in
 * namespace `default` with the recipe's policies (under the recipe's own policy names), the
 * long-running pods its "Try it out" section starts with `kubectl run`, and the namespaces it
 * creates and labels. The short-lived `test-$RANDOM` client pods are left to the caller.
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  AllowClusterInternalEgress, AllowDnsEgress, AllowFrom, DefaultDenyAll, Namespaces, Peer, PolicyType, Pods, Port,
} from '../../src';

/** A recipe: its number as in the file name, its title, and the function that builds its chart. */
export interface Recipe {
  readonly id: string;
  readonly title: string;
  readonly build: (app: App) => Chart;
}

function recipeChart(app: App, id: string): Chart {
  return new Chart(app, `recipe-${id}`, { namespace: 'default' });
}

/** A pod as `kubectl run NAME --labels=... [--port=N]` creates it. */
function runPod(chart: Chart, name: string, labels: { [key: string]: string }, port: number, image = 'nginx'): void {
  new k8s.KubePod(chart, `pod-${name}`, {
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name, image, ports: [{ containerPort: port }] }] },
  });
}

/** A namespace as `kubectl create namespace NAME` and `kubectl label namespace/NAME ...` leave it. */
function createNamespace(chart: Chart, name: string, labels: { [key: string]: string } = {}): void {
  new k8s.KubeNamespace(chart, `namespace-${name}`, {
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
  });
}

/** 01: DENY all traffic to an application. */
export function recipe01DenyAllTrafficToAnApplication(app: App): Chart {
  const chart = recipeChart(app, '01');
  runPod(chart, 'web', { app: 'web' }, 80);
  new DefaultDenyAll(chart, 'web-deny-all', { pods: Pods.labelled({ app: 'web' }), policyTypes: [PolicyType.INGRESS] });
  return chart;
}

/** 02: LIMIT traffic to an application. */
export function recipe02LimitTrafficToAnApplication(app: App): Chart {
  const chart = recipeChart(app, '02');
  runPod(chart, 'apiserver', { app: 'bookstore', role: 'api' }, 80);
  new AllowFrom(chart, 'api-allow', {
    destinations: Pods.labelled({ app: 'bookstore', role: 'api' }),
    sources: [Pods.labelled({ app: 'bookstore' })],
    bothEnds: false,
  });
  return chart;
}

/** 02a: ALLOW all traffic to an application (applied together with recipe 01's web-deny-all). */
export function recipe02aAllowAllTrafficToAnApplication(app: App): Chart {
  const chart = recipeChart(app, '02a');
  runPod(chart, 'web', { app: 'web' }, 80);
  new AllowFrom(chart, 'web-allow-all', { destinations: Pods.labelled({ app: 'web' }), sources: [Peer.anywhere()] });
  new DefaultDenyAll(chart, 'web-deny-all', { pods: Pods.labelled({ app: 'web' }), policyTypes: [PolicyType.INGRESS] });
  return chart;
}

/** 03: DENY all non-whitelisted traffic to a namespace. */
export function recipe03DenyAllNonWhitelistedTrafficInTheNamespace(app: App): Chart {
  const chart = recipeChart(app, '03');
  new DefaultDenyAll(chart, 'default-deny-all', { policyTypes: [PolicyType.INGRESS] });
  return chart;
}

/** 04: DENY all traffic from other namespaces. */
export function recipe04DenyTrafficFromOtherNamespaces(app: App): Chart {
  const chart = recipeChart(app, '04');
  runPod(chart, 'web', { app: 'web' }, 80);
  createNamespace(chart, 'foo');
  new AllowFrom(chart, 'deny-from-other-namespaces', { destinations: Pods.all(), sources: [Pods.all()], bothEnds: false });
  return chart;
}

/** 05: ALLOW traffic to an application from all namespaces. */
export function recipe05AllowTrafficFromAllNamespaces(app: App): Chart {
  const chart = recipeChart(app, '05');
  runPod(chart, 'web', { app: 'web' }, 80);
  createNamespace(chart, 'secondary');
  new AllowFrom(chart, 'web-allow-all-namespaces', { destinations: Pods.labelled({ app: 'web' }), sources: [Namespaces.all()], bothEnds: false });
  return chart;
}

/** 06: ALLOW all traffic from a namespace. */
export function recipe06AllowTrafficFromANamespace(app: App): Chart {
  const chart = recipeChart(app, '06');
  runPod(chart, 'web', { app: 'web' }, 80);
  createNamespace(chart, 'dev', { purpose: 'testing' });
  createNamespace(chart, 'prod', { purpose: 'production' });
  new AllowFrom(chart, 'web-allow-prod', { destinations: Pods.labelled({ app: 'web' }), sources: [Namespaces.labelled({ purpose: 'production' })], bothEnds: false });
  return chart;
}

/** 07: ALLOW traffic from some pods in another namespace. */
export function recipe07AllowTrafficFromSomePodsInAnotherNamespace(app: App): Chart {
  const chart = recipeChart(app, '07');
  runPod(chart, 'web', { app: 'web' }, 80);
  createNamespace(chart, 'other', { team: 'operations' });
  new AllowFrom(chart, 'web-allow-all-ns-monitoring', {
    destinations: Pods.labelled({ app: 'web' }),
    sources: [Pods.labelled({ type: 'monitoring' }).inNamespaces(Namespaces.labelled({ team: 'operations' }))],
    bothEnds: false,
  });
  return chart;
}

/** 08: ALLOW traffic from external clients. */
export function recipe08AllowExternalTraffic(app: App): Chart {
  const chart = recipeChart(app, '08');
  runPod(chart, 'web', { app: 'web' }, 80);
  new AllowFrom(chart, 'web-allow-external', { destinations: Pods.labelled({ app: 'web' }), sources: [Peer.anywhere()] });
  return chart;
}

/** 09: ALLOW traffic only to a port of an application. */
export function recipe09AllowTrafficOnlyToAPort(app: App): Chart {
  const chart = recipeChart(app, '09');
  new k8s.KubePod(chart, 'pod-apiserver', {
    metadata: { name: 'apiserver', namespace: 'default', labels: { app: 'apiserver' } },
    spec: {
      containers: [{
        name: 'api',
        image: 'ahmet/app-on-two-ports',
        ports: [{ name: 'api-port', containerPort: 5000, protocol: 'TCP' }, { name: 'metrics', containerPort: 8000, protocol: 'TCP' }],
      }],
    },
  });
  new AllowFrom(chart, 'api-allow-5000', {
    destinations: Pods.labelled({ app: 'apiserver' }),
    sources: [Pods.labelled({ role: 'monitoring' })],
    ports: [Port.tcp(5000)],
    bothEnds: false,
  });
  return chart;
}

/** 10: ALLOW traffic from apps using multiple selectors. */
export function recipe10AllowingTrafficWithMultipleSelectors(app: App): Chart {
  const chart = recipeChart(app, '10');
  runPod(chart, 'db', { app: 'bookstore', role: 'db' }, 6379, 'redis:4');
  new AllowFrom(chart, 'redis-allow-services', {
    destinations: Pods.labelled({ app: 'bookstore', role: 'db' }),
    sources: [
      Pods.labelled({ app: 'bookstore', role: 'search' }),
      Pods.labelled({ app: 'bookstore', role: 'api' }),
      Pods.labelled({ app: 'inventory', role: 'web' }),
    ],
    bothEnds: false,
  });
  return chart;
}

/** 11: DENY egress traffic from an application, except DNS (the recipe's final policy). */
export function recipe11DenyEgressTrafficFromAnApplication(app: App): Chart {
  const chart = recipeChart(app, '11');
  runPod(chart, 'web', { app: 'web' }, 80);
  new AllowDnsEgress(chart, 'foo-deny-egress', { pods: Pods.labelled({ app: 'foo' }) });
  return chart;
}

/** 12: DENY all non-whitelisted egress traffic from a namespace. */
export function recipe12DenyAllNonWhitelistedTrafficFromTheNamespace(app: App): Chart {
  const chart = recipeChart(app, '12');
  new DefaultDenyAll(chart, 'default-deny-all-egress', { policyTypes: [PolicyType.EGRESS] });
  return chart;
}

/**
 * 14: DENY external egress traffic: the `app=foo` pods may resolve names and reach the
 * `web` Service's pods in the cluster, but nothing outside it (what the recipe's "Try it
 * out" shows, which its YAML alone, allowing DNS only, would not).
 */
export function recipe14DenyExternalEgressTraffic(app: App): Chart {
  const chart = recipeChart(app, '14');
  runPod(chart, 'web', { app: 'web' }, 80);
  new AllowDnsEgress(chart, 'foo-deny-external-egress', { pods: Pods.labelled({ app: 'foo' }) });
  new AllowClusterInternalEgress(chart, 'foo-allow-cluster-egress', { pods: Pods.labelled({ app: 'foo' }) });
  return chart;
}

/** Every recipe, in file order. */
export const RECIPES: Recipe[] = [
  { id: '01', title: 'DENY all traffic to an application', build: recipe01DenyAllTrafficToAnApplication },
  { id: '02', title: 'LIMIT traffic to an application', build: recipe02LimitTrafficToAnApplication },
  { id: '02a', title: 'ALLOW all traffic to an application', build: recipe02aAllowAllTrafficToAnApplication },
  { id: '03', title: 'DENY all non-whitelisted traffic in the namespace', build: recipe03DenyAllNonWhitelistedTrafficInTheNamespace },
  { id: '04', title: 'DENY all traffic from other namespaces', build: recipe04DenyTrafficFromOtherNamespaces },
  { id: '05', title: 'ALLOW traffic to an application from all namespaces', build: recipe05AllowTrafficFromAllNamespaces },
  { id: '06', title: 'ALLOW all traffic from a namespace', build: recipe06AllowTrafficFromANamespace },
  { id: '07', title: 'ALLOW traffic from some pods in another namespace', build: recipe07AllowTrafficFromSomePodsInAnotherNamespace },
  { id: '08', title: 'ALLOW traffic from external clients', build: recipe08AllowExternalTraffic },
  { id: '09', title: 'ALLOW traffic only to a port of an application', build: recipe09AllowTrafficOnlyToAPort },
  { id: '10', title: 'ALLOW traffic from apps using multiple selectors', build: recipe10AllowingTrafficWithMultipleSelectors },
  { id: '11', title: 'DENY egress traffic from an application', build: recipe11DenyEgressTrafficFromAnApplication },
  { id: '12', title: 'DENY all non-whitelisted traffic from a namespace', build: recipe12DenyAllNonWhitelistedTrafficFromTheNamespace },
  { id: '14', title: 'DENY external egress traffic', build: recipe14DenyExternalEgressTraffic },
];
