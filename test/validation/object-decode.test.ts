import { objectDecodeErrors } from '../../src/validation/object-decode';

/**
 * Decoding errors for the objects evaluation reads besides policies, in Go's words: the struct
 * that declares the field, the field's path without indices, and the Go type it wants.
 */

const found = (object: unknown) => objectDecodeErrors(object).map((d) => `${d.fieldPath}: ${d.message}`);
const unmarshal = (value: string, field: string, type: string) => `json: cannot unmarshal ${value} into Go struct field ${field} of type ${type}`;

describe('a Pod', () => {
  const pod = (spec: unknown, metadata: unknown = { name: 'p' }) => ({ kind: 'Pod', metadata, spec });

  test('every container port field, at its indexed path', () => {
    expect(found(pod({ containers: [{}, { ports: [{ containerPort: 80 }, { containerPort: '80', hostPort: true, name: 1, protocol: 6 }] }] }))).toEqual([
      `spec.containers[1].ports[1].containerPort: ${unmarshal('string', 'ContainerPort.spec.containers.ports.containerPort', 'int32')}`,
      `spec.containers[1].ports[1].hostPort: ${unmarshal('bool', 'ContainerPort.spec.containers.ports.hostPort', 'int32')}`,
      `spec.containers[1].ports[1].name: ${unmarshal('number 1', 'ContainerPort.spec.containers.ports.name', 'string')}`,
      `spec.containers[1].ports[1].protocol: ${unmarshal('number 6', 'ContainerPort.spec.containers.ports.protocol', 'string')}`,
    ]);
  });

  test('hostNetwork wants a bool, and the fix quotes what was written', () => {
    const [finding] = objectDecodeErrors(pod({ hostNetwork: 'yes' }), (path) => (path === 'spec.hostNetwork' ? '"yes"' : undefined));
    expect(`${finding.fieldPath}: ${finding.message}`).toBe(`spec.hostNetwork: ${unmarshal('string', 'PodSpec.spec.hostNetwork', 'bool')}`);
    expect(finding.fix).toBe('write hostNetwork: true or hostNetwork: false (not "yes")');
    expect(objectDecodeErrors(pod({ hostNetwork: 1 }))[0].fix).toBe('write hostNetwork: true or hostNetwork: false');
    expect(found(pod({ hostNetwork: true }))).toEqual([]);
    expect(found(pod({ hostNetwork: null }))).toEqual([]);
  });

  test('containers, a container, ports and a port of the wrong JSON type', () => {
    expect(found(pod({ containers: {} }))).toEqual([`spec.containers: ${unmarshal('object', 'PodSpec.spec.containers', '[]v1.Container')}`]);
    expect(found(pod({ containers: ['web'] }))).toEqual([`spec.containers[0]: ${unmarshal('string', 'PodSpec.spec.containers', 'v1.Container')}`]);
    expect(found(pod({ containers: [{ ports: 80 }] }))).toEqual([`spec.containers[0].ports: ${unmarshal('number 80', 'Container.spec.containers.ports', '[]v1.ContainerPort')}`]);
    expect(found(pod({ containers: [{ ports: [null, [80]] }] }))).toEqual([`spec.containers[0].ports[1]: ${unmarshal('array', 'Container.spec.containers.ports', 'v1.ContainerPort')}`]);
    expect(objectDecodeErrors(pod({ containers: [{ ports: [[80]] }] }))[0].fix).toBe('write ports[0] as a map of fields, not a list');
    expect(objectDecodeErrors(pod({ containers: [{ ports: [true] }] }))[0].fix).toBe('write ports[0] as a map of fields, not a bool');
  });

  test('a Pod has no template or replicas: they are not read', () => {
    expect(found(pod({ replicas: 'x', template: 4, containers: [] }))).toEqual([]);
  });

  test('metadata: names, namespace and labels are strings; the metadata field belongs to the kind', () => {
    expect(found(pod(undefined, { name: 1, namespace: true, generateName: [], labels: { tier: true } }))).toEqual([
      `metadata.name: ${unmarshal('number 1', 'ObjectMeta.metadata.name', 'string')}`,
      `metadata.namespace: ${unmarshal('bool', 'ObjectMeta.metadata.namespace', 'string')}`,
      `metadata.generateName: ${unmarshal('array', 'ObjectMeta.metadata.generateName', 'string')}`,
      `metadata.labels.tier: ${unmarshal('bool', 'ObjectMeta.metadata.labels.tier', 'string')}`,
    ]);
    expect(found(pod(undefined, ['p']))).toEqual([`metadata: ${unmarshal('array', 'Pod.metadata', 'v1.ObjectMeta')}`]);
    expect(found(pod(5))).toEqual([`spec: ${unmarshal('number 5', 'Pod.spec', 'v1.PodSpec')}`]);
  });
});

describe('workloads with a pod template', () => {
  const withTemplate = (kind: string, spec: Record<string, unknown>) => ({
    kind,
    metadata: { name: 'w' },
    spec: { ...spec, template: { metadata: { labels: { app: 1 } }, spec: { containers: [{ ports: [{ containerPort: 'http' }] }] } } },
  });
  const templateFindings = [
    `spec.template.metadata.labels.app: ${unmarshal('number 1', 'ObjectMeta.spec.template.metadata.labels.app', 'string')}`,
    `spec.template.spec.containers[0].ports[0].containerPort: ${unmarshal('string', 'ContainerPort.spec.template.spec.containers.ports.containerPort', 'int32')}`,
  ];

  test.each(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'])('%s: replicas and the template', (kind) => {
    expect(found(withTemplate(kind, { replicas: '3' }))).toEqual([
      `spec.replicas: ${unmarshal('string', `${kind}Spec.spec.replicas`, 'int32')}`,
      ...templateFindings,
    ]);
  });

  test('a DaemonSet has no replicas: only its template is read', () => {
    expect(found(withTemplate('DaemonSet', { replicas: '3', parallelism: 'x' }))).toEqual(templateFindings);
  });

  test('a Job: parallelism, not replicas', () => {
    expect(found(withTemplate('Job', { replicas: '3', parallelism: 'x' }))).toEqual([
      `spec.parallelism: ${unmarshal('string', 'JobSpec.spec.parallelism', 'int32')}`,
      ...templateFindings,
    ]);
  });

  test.each(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'])('a %s with no spec decodes without findings', (kind) => {
    expect(found({ kind, metadata: { name: 'w' } })).toEqual([]);
  });

  test('a CronJob: the template inside its job template', () => {
    expect(found({ kind: 'CronJob', spec: { replicas: 'x', jobTemplate: { spec: { parallelism: 'x', template: { spec: { containers: [7] } } } } } })).toEqual([
      `spec.jobTemplate.spec.template.spec.containers[0]: ${unmarshal('number 7', 'PodSpec.spec.jobTemplate.spec.template.spec.containers', 'v1.Container')}`,
    ]);
    expect(found({ kind: 'CronJob', spec: { jobTemplate: [] } })).toEqual([`spec.jobTemplate: ${unmarshal('array', 'CronJobSpec.spec.jobTemplate', 'v1.JobTemplateSpec')}`]);
    expect(found({ kind: 'CronJob', spec: { jobTemplate: { spec: 'x' } } })).toEqual([`spec.jobTemplate.spec: ${unmarshal('string', 'JobTemplateSpec.spec.jobTemplate.spec', 'v1.JobSpec')}`]);
  });

  test('a template, its metadata or its spec of the wrong JSON type', () => {
    expect(found({ kind: 'Deployment', spec: { template: [] } })).toEqual([`spec.template: ${unmarshal('array', 'PodTemplateSpec.spec.template', 'v1.PodTemplateSpec')}`]);
    expect(found({ kind: 'Deployment', spec: { template: { metadata: 'x', spec: 1 } } })).toEqual([
      `spec.template.metadata: ${unmarshal('string', 'PodTemplateSpec.spec.template.metadata', 'v1.ObjectMeta')}`,
      `spec.template.spec: ${unmarshal('number 1', 'PodTemplateSpec.spec.template.spec', 'v1.PodSpec')}`,
    ]);
  });
});

describe('what is not read', () => {
  test('kinds evaluation does not read, and values that are not objects', () => {
    expect(found({ kind: 'Service', metadata: { labels: { a: 1 } } })).toEqual([]);
    expect(found({ kind: 'ConfigMap', metadata: 'x' })).toEqual([]);
    expect(found({ kind: 1, metadata: 'x' })).toEqual([]);
    expect(found(['Pod'])).toEqual([]);
    expect(found(null)).toEqual([]);
  });

  test('Namespaces and Nodes: metadata and spec only', () => {
    expect(found({ kind: 'Namespace', metadata: { labels: { team: false } }, spec: [] })).toEqual([
      `metadata.labels.team: ${unmarshal('bool', 'ObjectMeta.metadata.labels.team', 'string')}`,
      `spec: ${unmarshal('array', 'Namespace.spec', 'v1.NamespaceSpec')}`,
    ]);
    expect(found({ kind: 'Node', metadata: { name: 'n' }, spec: { template: 1, replicas: 'x' } })).toEqual([]);
  });
});

describe('fixes', () => {
  const fixes = (object: unknown, written?: Record<string, string>) => objectDecodeErrors(object, written && ((path) => written[path])).map((d) => `${d.fieldPath} | ${d.fix}`);

  test('counts: a quoted number, a fraction, text', () => {
    expect(fixes({ kind: 'StatefulSet', spec: { replicas: ' 3 ' } })).toEqual(['spec.replicas | remove the quotes: replicas: 3']);
    expect(fixes({ kind: 'ReplicaSet', spec: { replicas: 2.5 } })).toEqual(['spec.replicas | use a whole number, e.g. replicas: 1']);
    expect(fixes({ kind: 'Job', spec: { parallelism: 'all' } })).toEqual(['spec.parallelism | write parallelism as a plain number, e.g. parallelism: 1']);
  });

  test('container ports: a port number from 1 to 65535', () => {
    expect(fixes({ kind: 'Pod', spec: { containers: [{ ports: [{ containerPort: 'http', hostPort: 80.5 }] }] } })).toEqual([
      'spec.containers[0].ports[0].containerPort | write containerPort as a plain number, e.g. containerPort: 8080',
      'spec.containers[0].ports[0].hostPort | use a whole number from 1 to 65535, e.g. hostPort: 8080',
    ]);
  });

  test('a map of the wrong JSON type says what it got', () => {
    expect(fixes({ kind: 'Deployment', spec: 'replicas: 3' })).toEqual(['spec | write spec as a map of fields, not a string']);
    expect(fixes({ kind: 'DaemonSet', spec: { template: 3 } })).toEqual(['spec.template | write template as a map of fields, not a number']);
    expect(fixes({ kind: 'Pod', metadata: [] })).toEqual(['metadata | write metadata as a map of fields, not a list']);
    expect(fixes({ kind: 'Pod', spec: { containers: [{ ports: ['http'] }] } })).toEqual(['spec.containers[0].ports[0] | write ports[0] as a map of fields, not a string']);
  });

  test('template labels quote the text as written, wherever the template is', () => {
    const deployment = { kind: 'Deployment', spec: { template: { metadata: { labels: { tier: true, env: [] } } } } };
    expect(fixes(deployment, { 'spec.template.metadata.labels.tier': 'on' })).toEqual([
      'spec.template.metadata.labels.tier | quote the value: tier: "on" (unquoted, on is read as the boolean true)',
      'spec.template.metadata.labels.env | write env as a single string',
    ]);
    const cronJob = { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { metadata: { labels: { v: 1.1 } } } } } } };
    expect(fixes(cronJob, { 'spec.jobTemplate.spec.template.metadata.labels.v': '1.10' })).toEqual([
      'spec.jobTemplate.spec.template.metadata.labels.v | quote the value: v: "1.10" (unquoted, 1.10 is read as the number 1.1)',
    ]);
  });

  test('a replicas count written another way is named as written', () => {
    expect(fixes({ kind: 'Deployment', spec: { replicas: 3e10 } }, { 'spec.replicas': '3e10' })).toEqual([
      'spec.replicas | replicas: 3e10 is read as the number 30000000000; use a whole number, e.g. replicas: 1',
    ]);
  });
});
