import { ApiObject, App, Chart, Cron, Lazy, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { workloadKey } from '../../src/model/cluster';
import { clusterFromApp, synthesizeWithPaths } from '../../src/model/cluster-from-app';

function deployment(scope: Construct, id: string, labels: { [key: string]: string }, namespace?: string) {
  return new k8s.KubeDeployment(scope, id, {
    metadata: { name: id, ...(namespace ? { namespace } : {}) },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'img', ports: [{ containerPort: 8080, name: 'http' }] }] } },
    },
  });
}

describe('clusterFromApp', () => {
  test('every workload and policy carries the path of the construct that rendered it', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    deployment(chart, 'web', { app: 'web' });
    new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api' }] });
    new k8s.KubeNetworkPolicy(chart, 'deny', { metadata: { name: 'deny' }, spec: { podSelector: {} } });

    // WHEN
    const { cluster, warnings } = clusterFromApp(app);

    // THEN
    expect(warnings).toEqual([]);
    expect(cluster.workloads.map((w) => [workloadKey(w), w.source?.constructPath])).toEqual([
      ['shop/web[Deployment]', 'shop/web'],
      ['shop/api[Deployment]', 'shop/api/Resource'],
    ]);
    expect(cluster.policies.map((p) => [`${p.namespace}/${p.name}`, p.source?.constructPath])).toEqual([['shop/deny', 'shop/deny']]);
  });

  test('objects take the chart namespace, an explicit namespace wins, and a chart without one means default', () => {
    const app = Testing.app();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const plain = new Chart(app, 'plain');
    deployment(shop, 'web', { app: 'web' });
    deployment(shop, 'batch', { app: 'batch' }, 'jobs');
    deployment(plain, 'tool', { app: 'tool' });

    const { cluster } = clusterFromApp(app);

    expect(cluster.workloads.map(workloadKey).sort()).toEqual(['default/tool[Deployment]', 'jobs/batch[Deployment]', 'shop/web[Deployment]']);
  });

  test('Namespace objects keep their labels even inside a chart that has a namespace', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'infra', { namespace: 'infra' });
    new k8s.KubeNamespace(chart, 'team', { metadata: { name: 'team-a', labels: { team: 'a' } } });

    const { cluster } = clusterFromApp(app);

    expect(cluster.namespace('team-a')?.labels).toEqual({ 'team': 'a', 'kubernetes.io/metadata.name': 'team-a' });
  });

  test('every cdk8s-plus workload kind becomes a workload with its pod labels and container ports', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'all', { namespace: 'all' });
    const containers = [{ image: 'img', portNumber: 9000 }];
    const podMetadata = { labels: { tier: 'x' } };
    new kplus.Deployment(chart, 'dep', { metadata: { name: 'dep' }, containers, podMetadata });
    new kplus.StatefulSet(chart, 'sts', { metadata: { name: 'sts' }, containers, podMetadata });
    new kplus.DaemonSet(chart, 'ds', { metadata: { name: 'ds' }, containers, podMetadata });
    new kplus.Job(chart, 'job', { metadata: { name: 'job' }, containers, podMetadata });
    new kplus.CronJob(chart, 'cron', { metadata: { name: 'cron' }, containers, podMetadata, schedule: Cron.daily() });
    new kplus.Pod(chart, 'pod', { metadata: { name: 'pod', labels: { tier: 'x' } }, containers });

    const { cluster } = clusterFromApp(app);

    expect(cluster.workloads.map(workloadKey).sort()).toEqual([
      'all/cron[CronJob]', 'all/dep[Deployment]', 'all/ds[DaemonSet]', 'all/job[Job]', 'all/pod[Pod]', 'all/sts[StatefulSet]',
    ]);
    for (const w of cluster.workloads) {
      expect(w.labels.tier).toBe('x');
      expect(w.ports).toEqual([{ port: 9000, protocol: 'TCP' }]);
    }
  });

  test('lazy values are resolved as at synth time', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'lazy', { namespace: 'lazy' });
    let appLabel = 'early';
    new ApiObject(chart, 'pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pod', labels: { app: Lazy.any({ produce: () => appLabel }) as unknown as string } },
    });
    appLabel = 'late';

    const { cluster } = clusterFromApp(app);

    expect(cluster.workloads[0].labels).toEqual({ app: 'late' });
  });

  test('validations run as at synth time, so an invalid construct fails loudly', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'broken', { namespace: 'broken' });
    const policy = new k8s.KubeNetworkPolicy(chart, 'policy', { metadata: { name: 'policy' }, spec: { podSelector: {} } });
    policy.node.addValidation({ validate: () => ['the policy is wrong'] });

    expect(() => clusterFromApp(app)).toThrow('Validation failed with the following errors:\n  [broken/policy] the policy is wrong');
    expect(() => app.synthYaml()).toThrow('Validation failed with the following errors:\n  [broken/policy] the policy is wrong');
  });

  test('a validation error in any chart fails, whichever chart comes first', () => {
    const app = Testing.app();
    deployment(new Chart(app, 'fine', { namespace: 'fine' }), 'web', { app: 'web' });
    const later = new Chart(app, 'later', { namespace: 'later' });
    const policy = new k8s.KubeNetworkPolicy(later, 'policy', { metadata: { name: 'policy' }, spec: { podSelector: {} } });
    policy.node.addValidation({ validate: () => ['the policy is wrong'] });

    expect(() => clusterFromApp(app)).toThrow('Validation failed with the following errors:\n  [later/policy] the policy is wrong');
  });

  test('objects of every chart are rendered, each in its own chart', () => {
    const app = Testing.app();
    for (const name of ['a', 'b', 'c']) deployment(new Chart(app, name, { namespace: name }), 'web', { app: 'web' });

    const synthesized = synthesizeWithPaths(app);

    expect(synthesized.map((s) => s.object)).toEqual(app.charts.flatMap((chart) => Testing.synth(chart)));
    expect(synthesized.map((s) => s.source.constructPath)).toEqual(['a/web', 'b/web', 'c/web']);
  });

  test('a Chart gives its own objects and those of the charts nested in it, not its siblings', () => {
    const app = Testing.app();
    const outer = new Chart(app, 'outer', { namespace: 'outer' });
    const inner = new Chart(outer, 'inner', { namespace: 'inner' });
    const sibling = new Chart(app, 'sibling', { namespace: 'sibling' });
    deployment(outer, 'a', { app: 'a' });
    deployment(inner, 'b', { app: 'b' });
    deployment(sibling, 'c', { app: 'c' });

    expect(clusterFromApp(outer).cluster.workloads.map(workloadKey)).toEqual(['outer/a[Deployment]', 'inner/b[Deployment]']);
    expect(clusterFromApp(app).cluster.workloads.map(workloadKey).sort())
      .toEqual(['inner/b[Deployment]', 'outer/a[Deployment]', 'sibling/c[Deployment]']);
  });

  test('objects come out in the order and shape of Chart.toJson()', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'order', { namespace: 'order' });
    const b = deployment(chart, 'b', { app: 'b' });
    const a = deployment(chart, 'a', { app: 'a' });
    b.addDependency(a);

    const synthesized = synthesizeWithPaths(chart);

    expect(synthesized.map((s) => s.object)).toEqual(Testing.synth(chart));
    expect(synthesized.map((s) => s.source.constructPath)).toEqual(['order/a', 'order/b']);
  });

  test('an empty App is an empty cluster; a construct that holds no chart is refused', () => {
    const app = new App({ outdir: 'cdk8s.out' });
    const chart = new Chart(app, 'c');
    const loose = new Construct(chart, 'loose');

    expect(clusterFromApp(new App({ outdir: 'cdk8s.out' })).cluster.workloads).toEqual([]);
    expect(() => clusterFromApp(loose)).toThrow(
      'Expected a cdk8s App or Chart, but the construct at path "c/loose" holds no Chart. Pass the App or the Chart that defines the policies and workloads.',
    );
  });
});
