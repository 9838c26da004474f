import { Reachability } from '../../src';

/** What `Reachability.fromYaml` reads from a text, and how the static entry points refuse bad arguments. */

const deployment = (name: string, replicas: string) => [
  `- metadata: {name: ${name}, namespace: shop}`,
  `  spec: {replicas: ${replicas}, selector: {matchLabels: {app: ${name}}}, template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, image: i}]}}}`,
].join('\n');

const REPLICAS_1_10 = 'spec.replicas: json: cannot unmarshal number 1.1 into Go struct field DeploymentSpec.spec.replicas of type int32 '
  + 'Fix: replicas: 1.10 is read as the number 1.1; use a whole number, e.g. replicas: 1';

describe('Reachability.fromYaml', () => {
  test('a typed list gives its kind and apiVersion to items that have none, and an item\'s own kind is kept', () => {
    const reach = Reachability.fromYaml([
      'apiVersion: v1',
      'kind: PodList',
      'items:',
      '- metadata: {name: a, namespace: shop}',
      '  spec: {containers: [{name: c, image: i}]}',
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata: {name: b, namespace: shop}',
      '  spec: {replicas: 1, selector: {matchLabels: {app: b}}, template: {metadata: {labels: {app: b}}, spec: {containers: [{name: c, image: i}]}}}',
    ].join('\n'));

    expect(reach.workloads()).toEqual(['shop/a[Pod]', 'shop/b[Deployment]']);
    expect(reach.warnings).toEqual([]);
  });

  test('empty documents are skipped, and a refused list item is named with its text as written', () => {
    const reach = Reachability.fromYaml([
      '---',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: ok, namespace: shop}, spec: {replicas: 2}}',
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata: {name: d, namespace: shop}',
      '  spec: {replicas: 1.10}',
      '---',
      'apiVersion: apps/v1',
      'kind: DeploymentList',
      'items:',
      deployment('f', '1.10'),
      deployment('g', '3'),
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: h, namespace: shop}',
      'spec: {replicas: 1.10}',
    ].join('\n'));

    expect(reach.warnings).toEqual([
      `Deployment shop/d is left out: the API server would refuse it (${REPLICAS_1_10})`,
      `Deployment shop/f is left out: the API server would refuse it (${REPLICAS_1_10})`,
      `Deployment shop/h is left out: the API server would refuse it (${REPLICAS_1_10})`,
    ]);
    expect(reach.workloads()).toEqual(['shop/g[Deployment]', 'shop/ok[Deployment]']);
  });

  test('an item with its own kind keeps it as written, without the list\'s apiVersion', () => {
    const reach = Reachability.fromYaml('apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- kind: Deployment\n  metadata: {name: x, namespace: shop}\n');

    expect(reach.workloads()).toEqual([]);
    expect(reach.warnings).toEqual(['Skipped a document without apiVersion/kind: it is not a Kubernetes object.']);
  });

  test('a null document is nothing to read; a scalar document or list item is skipped with a warning', () => {
    expect(Reachability.fromYaml('~\n---\nnull\n').warnings).toEqual([]);
    expect(Reachability.fromYaml('5\n---\napiVersion: v1\nkind: List\nitems:\n- text\n').warnings)
      .toEqual(['Skipped a document that is not an object.', 'Skipped a document that is not an object.']);
  });

  test('the same values given as objects cannot quote the text, so the fix does not', () => {
    const reach = Reachability.fromManifests([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'shop' }, spec: { replicas: 1.1 } }]);

    expect(reach.warnings).toEqual([
      'Deployment shop/d is left out: the API server would refuse it (spec.replicas: json: cannot unmarshal number 1.1 into Go struct field '
      + 'DeploymentSpec.spec.replicas of type int32 Fix: use a whole number, e.g. replicas: 1)',
    ]);
  });

  test('something other than text is refused', () => {
    expect(() => Reachability.fromYaml(5 as any)).toThrow(new Error('Reachability.fromYaml(text): expected the text of a YAML or JSON file.'));
  });
});

describe('bad arguments to the static entry points', () => {
  test('fromManifests needs an array', () => {
    expect(() => Reachability.fromManifests({ kind: 'Pod' } as any)).toThrow(new Error(
      'Reachability.fromManifests(manifests): expected an array of Kubernetes objects (e.g. the documents of a YAML file).'));
  });

  test('diff needs two Reachability objects', () => {
    const reach = Reachability.fromManifests([]);
    const expected = new Error('Reachability.diff(before, after): expected two Reachability objects, e.g. Reachability.of(baseApp) and Reachability.of(app).');

    expect(() => Reachability.diff({} as any, reach)).toThrow(expected);
    expect(() => Reachability.diff(reach, 'after' as any)).toThrow(expected);
    expect(Reachability.diff(reach, reach).isEmpty).toBe(true);
  });
});
