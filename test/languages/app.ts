import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AllowFrom, Endpoint, MonitoringPort, NamespaceBaseline, Namespaces, Pods, Port, Reachability,
} from '../../src';

/**
 * The app every language writes (test/languages/{python,java,go}): two locked-down namespaces, the
 * gateway of one reaching the api of the other, and the api's metrics open to the monitoring system.
 * Each language synthesizes it and compares the YAML with `fixture/app.k8s.yaml`, written from this one.
 */
export function buildApp(): App {
  const app = new App();
  const frontend = new Chart(app, 'frontend', { namespace: 'frontend' });
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  new NamespaceBaseline(frontend, 'baseline');
  new NamespaceBaseline(shop, 'baseline');
  const gateway = new kplus.Deployment(frontend, 'gateway', {
    metadata: { name: 'gateway' },
    containers: [{ image: 'example/gateway', portNumber: 8080 }],
  });
  const web = new kplus.Deployment(shop, 'web', {
    metadata: { name: 'web' },
    containers: [{ image: 'example/web', portNumber: 8080 }],
  });
  const api = new kplus.Deployment(shop, 'api', {
    metadata: { name: 'api' },
    containers: [{ image: 'example/api', portNumber: 8080 }],
  });
  new AllowFrom(shop, 'gateway-to-api', {
    destinations: Pods.of(api),
    sources: [Pods.of(gateway)],
    ports: [Port.tcp(8080)],
  });
  new MonitoringPort(shop, 'metrics', {
    pods: Pods.of(api),
    port: Port.tcp(9100),
    scrapers: [Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))],
  });
  void web;
  return app;
}

/** The questions every language asks, with the answers the fixture records. */
export function verdicts(app: App): { [question: string]: { allowed: boolean; explanation: string } } {
  const reach = Reachability.of(app)
    .addWorkload({ namespaceName: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } });
  const ask = (source: string, destination: string, port: Port) => {
    const verdict = reach.verdict(Endpoint.workload(source), Endpoint.workload(destination), port);
    return { allowed: verdict.allowed, explanation: verdict.explanation };
  };
  return {
    'gateway-to-api': ask('frontend/gateway', 'shop/api', Port.tcp(8080)),
    'web-to-api': ask('shop/web', 'shop/api', Port.tcp(8080)),
    'prometheus-to-api': ask('monitoring/prometheus', 'shop/api', Port.tcp(9100)),
  };
}

/** The validation error every language provokes: an `AllowFrom` with no sources. */
export function validationError(): string {
  const app = new App();
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  try {
    new AllowFrom(shop, 'nobody', { destinations: Pods.labelled({ app: 'api' }), sources: [] });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('AllowFrom with no sources was accepted');
}
