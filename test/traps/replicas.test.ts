/**
 * Trap: replica-to-replica traffic was treated as self traffic. Only a pod talking to itself
 * bypasses NetworkPolicy; two replicas of one workload talk through policy like any two pods.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DefaultDenyAll, Endpoint, Port, Reachability } from '../../src';
import '../../src/jest';
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { runCli } from '../cli/run-cli';

const denyAll = (ns: string) => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all', namespace: ns }, spec: { podSelector: {} },
});
const workload = (kind: string, ns: string, name: string, spec: object = {}) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name, namespace: ns },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name }] } },
    ...spec,
  },
});
const db = Endpoint.workload('a/db');

test('trap: a 3-replica StatefulSet under a deny-all does not reach its own replicas', () => {
  const reach = Reachability.fromManifests([workload('StatefulSet', 'a', 'db', { replicas: 3 }), denyAll('a')]);
  const verdict = reach.verdict(db, db, Port.tcp(7000));
  expect(verdict.allowed).toBe(false);
  expect(verdict.explanation).toContain('between two pods of a/db[StatefulSet] (3 replicas): policies apply');
});

test('trap: explain says DENIED for replica-to-replica traffic and names the case', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replicas-'));
  const file = path.join(dir, 'db.yaml');
  fs.writeFileSync(file, [workload('StatefulSet', 'a', 'db', { replicas: 3 }), denyAll('a')].map((o) => JSON.stringify(o)).join('\n---\n'));
  const run = runCli('explain', file, '--from', 'a/db', '--to', 'a/db', '--port', 'tcp/7000');
  expect(run.stdout).toContain('DENIED');
  expect(run.stdout).toContain('between two pods of a/db[StatefulSet] (3 replicas)');
  expect(run.code).toBe(1);
});

test('trap: expect(app).toAllow(web, web) fails for a 2-replica Deployment under a deny-all', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'frontend', { namespace: 'frontend' });
  new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web' }, replicas: 2, containers: [{ image: 'web', portNumber: 8080 }],
  });
  new DefaultDenyAll(chart, 'deny');
  expect(app).toDeny('frontend/web', 'frontend/web', Port.tcp(8080));
  expect(() => expect(app).toAllow('frontend/web', 'frontend/web', Port.tcp(8080))).toThrow(/between two pods of frontend\/web\[Deployment\] \(2 replicas\)/);
});

test('a single pod talking to itself is still allowed under a deny-all, and the verdict says why', () => {
  const reach = Reachability.fromManifests([workload('Deployment', 'a', 'db', { replicas: 1 }), denyAll('a')]);
  const verdict = reach.verdict(db, db, Port.tcp(7000));
  expect(verdict.allowed).toBe(true);
  expect(verdict.explanation).toContain('a/db[Deployment] is a single pod: traffic from a pod to itself is never policed');
});

test('Kubernetes defaults spec.replicas to 1', () => {
  const { cluster } = clusterFromManifests([{ object: workload('Deployment', 'a', 'db') }]);
  expect(cluster.workloads[0].replicas).toBe(1);
});

test('a workload an autoscaler scales, or a DaemonSet, has an unknown count and is policed against itself', () => {
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'db', namespace: 'a' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'db' }, minReplicas: 1, maxReplicas: 5 },
  };
  const { cluster } = clusterFromManifests([workload('Deployment', 'a', 'db', { replicas: 1 }), hpa, workload('DaemonSet', 'a', 'agent')].map((object) => ({ object })));
  expect(cluster.workloads.map((w) => [w.name, w.replicas])).toEqual([['db', undefined], ['agent', undefined]]);
  const reach = Reachability.fromManifests([workload('Deployment', 'a', 'db', { replicas: 1 }), hpa, denyAll('a')]);
  const verdict = reach.verdict(db, db, Port.tcp(7000));
  expect(verdict.allowed).toBe(false);
  expect(verdict.explanation).toContain('(an unknown number of replicas)');
});

test('pods folded into their owner count as its replicas', () => {
  const pod = (name: string, ip: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'a', labels: { app: 'db' }, ownerReferences: [{ kind: 'StatefulSet', name: 'db', controller: true }] },
    spec: { containers: [{ name: 'db', image: 'db' }] },
    status: { podIP: ip },
  });
  const { cluster } = clusterFromManifests([pod('db-0', '10.0.0.1'), pod('db-1', '10.0.0.2'), pod('db-2', '10.0.0.2')].map((object) => ({ object })));
  expect(cluster.workloads.map((w) => [w.name, w.replicas, w.podIps])).toEqual([['db', 3, ['10.0.0.1', '10.0.0.2']]]);
});

test('declared workloads take a replica count or an unknown one', () => {
  const reach = Reachability.fromManifests([denyAll('a')])
    .addWorkload({ namespaceName: 'a', name: 'one', kind: 'Deployment' })
    .addWorkload({ namespaceName: 'a', name: 'three', kind: 'Deployment', replicas: 3 })
    .addWorkload({ namespaceName: 'a', name: 'scaled', kind: 'Deployment', replicasUnknown: true });
  const self = (name: string) => reach.isAllowed(Endpoint.workload(`a/${name}`), Endpoint.workload(`a/${name}`), Port.tcp(80));
  expect([self('one'), self('three'), self('scaled')]).toEqual([true, false, false]);
  expect(() => reach.addWorkload({ namespaceName: 'a', name: 'bad', replicas: 1.5 })).toThrow('replicas 1.5 is not a pod count');
});
