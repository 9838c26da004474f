import { Findings, FieldRef, isJsonObject, jsonKind, readArray, readInt32, readString, readStringMap, WrittenAs } from './decode';
import { Diagnostic } from './diagnostic';

/**
 * The decoding errors the API server gives (in Go's words: "json: cannot unmarshal bool into Go
 * struct field ObjectMeta.metadata.labels of type string") for the fields evaluation reads of the
 * objects other than policies: names, namespaces and labels, a pod template's labels, container
 * ports (`containerPort`, `protocol`, `name`), `hostNetwork` and `replicas`. kubectl sends what
 * YAML made of the text, so `tier: on` arrives as a boolean and the object is refused: evaluation
 * leaves such an object out instead of guessing. An empty result: nothing read is mistyped.
 */
export function objectDecodeErrors(object: unknown, written?: WrittenAs): Diagnostic[] {
  if (!isJsonObject(object) || typeof object.kind !== 'string' || !EVALUATED_KINDS.includes(object.kind)) return [];
  const kind = object.kind;
  const findings = new Findings(written);
  readMeta(findings, { path: 'metadata', owner: kind }, object.metadata);
  const spec = asMap(findings, { path: 'spec', owner: kind }, object.spec, `v1.${kind}Spec`);
  if (kind === 'Pod') {
    readPodSpec(findings, 'spec', spec);
    return findings.items;
  }
  if (kind === 'CronJob') {
    const jobTemplate = asMap(findings, { path: 'spec.jobTemplate', owner: 'CronJobSpec' }, spec?.jobTemplate, 'v1.JobTemplateSpec');
    const jobSpec = asMap(findings, { path: 'spec.jobTemplate.spec', owner: 'JobTemplateSpec' }, jobTemplate?.spec, 'v1.JobSpec');
    readTemplate(findings, 'spec.jobTemplate.spec.template', jobSpec?.template);
    return findings.items;
  }
  if (!TEMPLATE_KINDS.includes(kind)) return findings.items;
  if (REPLICATED_KINDS.includes(kind)) readInt32(findings, { path: 'spec.replicas', owner: `${kind}Spec` }, spec?.replicas);
  if (kind === 'Job') readInt32(findings, { path: 'spec.parallelism', owner: 'JobSpec' }, spec?.parallelism);
  readTemplate(findings, 'spec.template', spec?.template);
  return findings.items;
}

/** Kinds whose pods come from `spec.template`. */
const TEMPLATE_KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job'];
const EVALUATED_KINDS = ['Namespace', 'Node', 'Pod', 'CronJob', ...TEMPLATE_KINDS];
const REPLICATED_KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

/** `metadata.owner` is the struct that holds the metadata field, as Go's error names it. */
function readMeta(findings: Findings, metadata: FieldRef, value: unknown): void {
  const meta = asMap(findings, metadata, value, 'v1.ObjectMeta');
  if (!meta) return;
  const path = metadata.path;
  for (const field of ['name', 'namespace', 'generateName']) readString(findings, { path: `${path}.${field}`, owner: 'ObjectMeta' }, meta[field]);
  readStringMap(findings, { path: `${path}.labels`, owner: 'ObjectMeta' }, meta.labels);
}

function readTemplate(findings: Findings, path: string, value: unknown): void {
  const template = asMap(findings, { path, owner: 'PodTemplateSpec' }, value, 'v1.PodTemplateSpec');
  if (!template) return;
  readMeta(findings, { path: `${path}.metadata`, owner: 'PodTemplateSpec' }, template.metadata);
  readPodSpec(findings, `${path}.spec`, asMap(findings, { path: `${path}.spec`, owner: 'PodTemplateSpec' }, template.spec, 'v1.PodSpec'));
}

function readPodSpec(findings: Findings, path: string, spec: Record<string, unknown> | undefined): void {
  if (!spec) return;
  const hostNetwork = spec.hostNetwork;
  if (hostNetwork !== undefined && hostNetwork !== null && typeof hostNetwork !== 'boolean') {
    const written = findings.written?.(`${path}.hostNetwork`);
    findings.wrongType({ path: `${path}.hostNetwork`, owner: 'PodSpec' }, hostNetwork, 'bool',
      `write hostNetwork: true or hostNetwork: false${written !== undefined ? ` (not ${written})` : ''}`);
  }
  const containers = readArray(findings, { path: `${path}.containers`, owner: 'PodSpec' }, spec.containers, '[]v1.Container') ?? [];
  containers.forEach((container, i) => {
    const containerPath = `${path}.containers[${i}]`;
    const entry = asMap(findings, { path: containerPath, owner: 'PodSpec' }, container, 'v1.Container');
    const ports = readArray(findings, { path: `${containerPath}.ports`, owner: 'Container' }, entry?.ports, '[]v1.ContainerPort') ?? [];
    ports.forEach((port, j) => {
      const portPath = `${containerPath}.ports[${j}]`;
      const fields = asMap(findings, { path: portPath, owner: 'Container' }, port, 'v1.ContainerPort');
      if (!fields) return;
      readInt32(findings, { path: `${portPath}.containerPort`, owner: 'ContainerPort' }, fields.containerPort);
      readInt32(findings, { path: `${portPath}.hostPort`, owner: 'ContainerPort' }, fields.hostPort);
      readString(findings, { path: `${portPath}.name`, owner: 'ContainerPort' }, fields.name);
      readString(findings, { path: `${portPath}.protocol`, owner: 'ContainerPort' }, fields.protocol);
    });
  });
}

/** A struct field: a map, or absent; another JSON type is reported. */
function asMap(findings: Findings, field: FieldRef, value: unknown, goType: string): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  if (isJsonObject(value)) return value;
  findings.wrongType(field, value, goType, `write ${field.path.replace(/^.*\./, '')} as a map of fields, not ${jsonKind(value) === 'array' ? 'a list' : `a ${jsonKind(value)}`}`);
  return undefined;
}
