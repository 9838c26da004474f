/**
 * Trap: endpoints were generated names. `toAllow('shop/web', …)` worked only when the Deployment
 * set metadata.name; the construct itself could not be passed.
 */
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, Endpoint, NamespaceBaseline, Pods, Port, Reachability } from '../../src';
import '../../src/jest';

function shop() {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web', portNumber: 8080 }] });
  const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
  new NamespaceBaseline(chart, 'baseline');
  new AllowFrom(chart, 'web-to-api', { destinations: Pods.of(api), sources: [Pods.of(web)], ports: [Port.tcp(8080)] });
  return { app, web, api };
}

test('trap: a Deployment without metadata.name is found by its construct id', () => {
  const { app, api } = shop();
  expect(api.name).not.toBe('api');
  expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080));
  expect(app).toDeny('shop/api', 'shop/web', Port.tcp(8080));
});

test('trap: the workload constructs themselves are endpoints, for the matchers and Reachability', () => {
  const { app, web, api } = shop();
  expect(app).toAllow(web, api, Port.tcp(8080));
  expect(app).toDeny(api, web, Port.tcp(8080));
  const reach = Reachability.of(app);
  expect(Endpoint.of(api).toString()).toBe(`shop/${api.name}[Deployment]`);
  expect(reach.isAllowed(Endpoint.of(web), Endpoint.of(api), Port.tcp(8080))).toBe(true);
  expect(reach.isAllowed(Endpoint.of(ApiObject.of(web)), Endpoint.of(ApiObject.of(api)), Port.tcp(8080))).toBe(true);
});

test('Endpoint.of refuses a construct that is not a workload, with what to pass', () => {
  const { app } = shop();
  expect(() => Endpoint.of(app)).toThrow(/not a workload construct. Pass a cdk8s-plus workload/);
});

test('Endpoint.of names what it was given: a construct by its path, anything else as JSON or as text', () => {
  const { app } = shop();
  const rest = ': not a workload construct. Pass a cdk8s-plus workload (e.g. a Deployment) or an ApiObject, or name it with Endpoint.workload("namespace/name").';
  const chart = new Chart(app, 'empty');
  expect(() => Endpoint.of(chart)).toThrow(new Error(`Endpoint.of("empty")${rest}`));
  expect(() => Endpoint.of({ name: 'web' } as any)).toThrow(new Error(`Endpoint.of({"name":"web"})${rest}`));
  expect(() => Endpoint.of({ node: {} } as any)).toThrow(new Error(`Endpoint.of({"node":{}})${rest}`));
  expect(() => Endpoint.of(undefined as any)).toThrow(new Error(`Endpoint.of(undefined)${rest}`));
  expect(() => Endpoint.of((() => 1) as any)).toThrow(new Error(`Endpoint.of(() => 1)${rest}`));
});

test('two constructs of one id in a namespace make the reference ambiguous, naming both', () => {
  const app = Testing.app();
  const a = new Chart(app, 'a', { namespace: 'shop' });
  const b = new Chart(app, 'b', { namespace: 'shop' });
  new kplus.Deployment(a, 'web', { containers: [{ image: 'web' }] });
  new kplus.Deployment(b, 'web', { containers: [{ image: 'web' }] });
  expect(() => expect(app).toAllow('shop/web', 'internet', Port.HTTPS)).toThrow(/"shop\/web" is ambiguous: .*a-web-.*, .*b-web-.*\. Name one of them/);
});
