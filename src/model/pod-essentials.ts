/**
 * What `clusterFromManifests` reads of a Pod, and nothing else: its name, namespace, labels and
 * controller owner, its containers' ports, hostNetwork, and its IPs. A dump of 150,000 pods keeps
 * a few hundred bytes of each instead of the whole object (status, env, volumes, ...).
 */
export function podEssentials(pod: Record<string, unknown>): Record<string, unknown> {
  const metadata = record(pod.metadata);
  const spec = record(pod.spec);
  const status = record(pod.status);
  const essentialMetadata: Record<string, unknown> = {};
  for (const key of ['name', 'namespace', 'labels', 'ownerReferences']) {
    if (metadata[key] !== undefined) essentialMetadata[key] = key === 'ownerReferences' ? controllerOnly(metadata[key]) : metadata[key];
  }
  const essentialSpec: Record<string, unknown> = {};
  if (spec.hostNetwork !== undefined) essentialSpec.hostNetwork = spec.hostNetwork;
  if (Array.isArray(spec.containers)) essentialSpec.containers = spec.containers.map((c) => portsOnly(c));
  const essentialStatus: Record<string, unknown> = {};
  if (status.podIP !== undefined) essentialStatus.podIP = status.podIP;
  if (status.podIPs !== undefined) essentialStatus.podIPs = status.podIPs;
  return {
    apiVersion: pod.apiVersion,
    kind: pod.kind,
    ...(pod.metadata !== undefined ? { metadata: isRecord(pod.metadata) ? essentialMetadata : pod.metadata } : {}),
    ...(pod.spec !== undefined ? { spec: isRecord(pod.spec) ? essentialSpec : pod.spec } : {}),
    ...(pod.status !== undefined ? { status: isRecord(pod.status) ? essentialStatus : pod.status } : {}),
  };
}

function controllerOnly(refs: unknown): unknown {
  return Array.isArray(refs) ? refs.filter((r) => isRecord(r) && r.controller === true) : refs;
}

function portsOnly(container: unknown): unknown {
  return isRecord(container) ? (container.ports !== undefined ? { ports: container.ports } : {}) : container;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
