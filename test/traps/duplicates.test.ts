/**
 * Trap: a duplicated Deployment kept its first labels while a duplicated NetworkPolicy kept its
 * last. Both now behave as `kubectl apply` of the files in order: the later object replaces the
 * earlier one, with a warning naming both places.
 */
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';

const deployment = (app: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { template: { metadata: { labels: { app } }, spec: { containers: [] } } },
});
const policy = (app: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'shop' },
  spec: { podSelector: { matchLabels: { app } } },
});

test('trap: a duplicated Deployment keeps its last labels, as a duplicated NetworkPolicy does, with a warning', () => {
  const { cluster, warnings } = clusterFromManifests([
    { object: deployment('old'), source: { file: 'a.yaml', line: 1 } },
    { object: policy('old'), source: { file: 'a.yaml', line: 9 } },
    { object: deployment('new'), source: { file: 'b.yaml', line: 1 } },
    { object: policy('new'), source: { file: 'b.yaml', line: 9 } },
  ]);
  expect(cluster.workloads.map((w) => w.labels.app)).toEqual(['new']);
  expect(cluster.policies.map((p) => p.manifest.spec?.podSelector?.matchLabels?.app)).toEqual(['new']);
  expect(warnings).toEqual([
    'Deployment shop/web in b.yaml:1 replaces the one with the same namespace and name in a.yaml:1.',
    'NetworkPolicy shop/p in b.yaml:9 replaces the one with the same namespace and name in a.yaml:9.',
  ]);
});
