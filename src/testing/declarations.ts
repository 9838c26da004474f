import { WorkloadDeclaration } from './workload-declaration';
import { Cluster, workloadKey } from '../model/cluster';
import { NAMESPACE_NAME_LABEL } from '../model/manifest';
import { parseIp } from '../net/cidr';
import { labelKeyErrors, labelValueErrors } from '../validation/labels';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../validation/names';
import { portNameErrors, portNumberErrors } from '../validation/ports';

/**
 * Checks `addNamespace(name, labels)`: a valid name and labels, and no label that would
 * silently overwrite a different value the app already gives the namespace.
 */
export function checkNamespaceDeclaration(cluster: Cluster, name: string, labels: { [key: string]: string }): void {
  const call = `addNamespace(${JSON.stringify(name)})`;
  checkName(call, 'namespace name', name, dns1123LabelErrors);
  checkLabels(call, labels);
  const existing = cluster.namespace(name)?.labels ?? {};
  for (const [key, value] of Object.entries(labels)) {
    if (key === NAMESPACE_NAME_LABEL && value !== name) {
      throw new Error(`${call}: the label ${key}=${value} contradicts the name; Kubernetes always sets ${key}=${name}. Remove it.`);
    }
    if (key in existing && existing[key] !== value) {
      throw new Error(
        `${call}: the namespace already has the label ${key}=${existing[key]} (from the app), so ${key}=${value} would contradict it. ` +
        'Declare only what the app does not define.',
      );
    }
  }
}

/** Checks `addWorkload(...)`: names, labels, ports and IPs, and that the workload is new. */
export function checkWorkloadDeclaration(cluster: Cluster, d: WorkloadDeclaration): void {
  if (typeof d !== 'object' || d === null) {
    throw new Error('addWorkload(declaration): expected { namespaceName, name, labels?, ports?, podIps?, kind?, replicas?, replicasUnknown? }.');
  }
  const call = `addWorkload({ namespaceName: ${JSON.stringify(d.namespaceName)}, name: ${JSON.stringify(d.name)} })`;
  checkName(call, 'namespaceName', d.namespaceName, dns1123LabelErrors);
  checkName(call, 'name', d.name, dns1123SubdomainErrors);
  checkLabels(call, d.labels ?? {});
  const kind = d.kind ?? 'Pod';
  if (!/^[A-Z][A-Za-z]*$/.test(kind)) {
    throw new Error(`${call}: the kind ${JSON.stringify(kind)} is not a Kubernetes kind. Use e.g. "Pod" or "Deployment".`);
  }
  for (const p of d.ports ?? []) {
    const errors = [
      ...(typeof p.port === 'number' ? portNumberErrors(p.port) : ['must be a number']).map((e) => `port ${JSON.stringify(p.port)} ${e}`),
      ...(p.name !== undefined ? portNameErrors(p.name).map((e) => `port name ${JSON.stringify(p.name)} ${e}`) : []),
    ];
    if (errors.length > 0) throw new Error(`${call}: ${errors.join('; ')}.`);
  }
  if (d.replicas !== undefined && !(Number.isInteger(d.replicas) && d.replicas >= 0)) {
    throw new Error(`${call}: replicas ${JSON.stringify(d.replicas)} is not a pod count. Write a whole number such as 3, or set replicasUnknown.`);
  }
  if (d.replicas !== undefined && d.replicasUnknown) {
    throw new Error(`${call}: give either replicas or replicasUnknown, not both.`);
  }
  for (const ip of d.podIps ?? []) {
    if (!parseIp(ip)) {
      throw new Error(`${call}: the pod IP ${JSON.stringify(ip)} is not an IP address. Write e.g. "10.244.1.7".`);
    }
  }
  const clash = cluster.workloads.find((w) => w.namespace === d.namespaceName && w.name === d.name && w.kind === kind);
  if (clash) {
    throw new Error(`${call}: the workload ${workloadKey(clash)} already exists. Declare only workloads that the app does not define.`);
  }
}

function checkName(call: string, what: string, value: unknown, errorsOf: (v: string) => string[]): void {
  const errors = typeof value === 'string' ? errorsOf(value) : ['must be a string'];
  if (errors.length > 0) throw new Error(`${call}: the ${what} ${JSON.stringify(value)} is invalid: ${errors.join('; ')}.`);
}

function checkLabels(call: string, labels: { [key: string]: string }): void {
  for (const [key, value] of Object.entries(labels)) {
    const errors = [
      ...labelKeyErrors(key).map((e) => `key ${JSON.stringify(key)}: ${e}`),
      ...(typeof value === 'string' ? labelValueErrors(value) : ['must be a string']).map((e) => `value ${JSON.stringify(value)}: ${e}`),
    ];
    if (errors.length > 0) throw new Error(`${call}: invalid label ${key}=${String(value)}: ${errors.join('; ')}.`);
  }
}
