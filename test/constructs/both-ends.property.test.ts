import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { AllowFrom, AllowTo, Endpoint, NamespaceBaseline, Namespaces, Pods, Port, Reachability } from '../../src';

const NAMESPACES = ['front', 'shop'];

/** Two namespaces under a NamespaceBaseline each, a workload in each chosen namespace, one allow between them. */
function world(sourceNs: string, destinationNs: string, port: number, sendingSide: boolean, asNamespace: boolean) {
  const app = new App();
  const charts = new Map(NAMESPACES.map((ns) => [ns, new Chart(app, ns, { namespace: ns })]));
  for (const [ns, chart] of charts) new NamespaceBaseline(chart, `baseline-${ns}`);
  const source = new kplus.Deployment(charts.get(sourceNs)!, 'client', { metadata: { name: 'client' }, containers: [{ image: 'c' }] });
  const destination = new kplus.Deployment(charts.get(destinationNs)!, 'server', { metadata: { name: 'server' }, containers: [{ image: 's', portNumber: port }] });
  // The allow lives in the chart of the end it is written from; the other end is written by bothEnds.
  if (sendingSide) {
    const peer = asNamespace ? Namespaces.named(destinationNs) : Pods.of(destination);
    new AllowTo(charts.get(sourceNs)!, 'allow', { sources: Pods.of(source), destinations: [peer], ports: [Port.tcp(port)] });
  } else {
    const peer = asNamespace ? Namespaces.named(sourceNs) : Pods.of(source);
    new AllowFrom(charts.get(destinationNs)!, 'allow', { destinations: Pods.of(destination), sources: [peer], ports: [Port.tcp(port)] });
  }
  return { reach: Reachability.of(app), client: Endpoint.workload(`${sourceNs}/client`), server: Endpoint.workload(`${destinationNs}/server`) };
}

describe('both ends, on any pair of namespaces', () => {
  test('an allow opens exactly its connection under default deny at both ends, whichever side writes it', () => {
    fc.assert(fc.property(
      fc.constantFrom(...NAMESPACES), fc.constantFrom(...NAMESPACES), fc.integer({ min: 1, max: 65534 }), fc.boolean(), fc.boolean(),
      (sourceNs, destinationNs, port, sendingSide, asNamespace) => {
        const { reach, client, server } = world(sourceNs, destinationNs, port, sendingSide, asNamespace);
        expect(reach.isAllowed(client, server, Port.tcp(port))).toBe(true);
        expect(reach.isAllowed(client, server, Port.tcp(port + 1))).toBe(false);
        expect(reach.isAllowed(server, client, Port.tcp(port))).toBe(false);
      }),
    { numRuns: 40 });
  });
});
