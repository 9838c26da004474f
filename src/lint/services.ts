import { DEFAULT_NAMESPACE } from '../model/cluster';
import { Labels } from '../model/labels';
import { isProtocol, Protocol } from '../model/protocol';

/** One entry of a Service's `spec.ports`. */
export interface ServicePortSpec {
  readonly name?: string;
  readonly port: number;
  /** A number, or the name of a container port. Defaults to `port`. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
}

/** The parts of a Service the lints need. */
export interface ServiceSpec {
  readonly namespace: string;
  readonly name: string;
  /** Undefined for a Service without selector (its endpoints are managed by hand). */
  readonly selector?: Labels;
  readonly ports: readonly ServicePortSpec[];
  /** `clusterIP` and `clusterIPs`, without `None` (headless). */
  readonly clusterIps: readonly string[];
}

/**
 * Reads the Services among raw manifests (`kind: List` is flattened; objects wrapped as
 * `{ object }`, as the loaders return them, are unwrapped). Malformed fields are skipped,
 * never thrown on: validation of Services is not this library's job.
 */
export function servicesFromManifests(docs: readonly unknown[]): ServiceSpec[] {
  const services: ServiceSpec[] = [];
  for (const doc of flatten(docs)) {
    if (doc.kind !== 'Service') continue;
    const service = toService(doc);
    if (service) services.push(service);
  }
  return services;
}

function toService(doc: Record<string, unknown>): ServiceSpec | undefined {
  const metadata = asRecord(doc.metadata) ?? {};
  const spec = asRecord(doc.spec) ?? {};
  if (typeof metadata.name !== 'string') return undefined;
  const selector = asRecord(spec.selector);
  const clusterIps = [spec.clusterIP, ...(Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [])]
    .filter((ip): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None');
  return {
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : DEFAULT_NAMESPACE,
    name: metadata.name,
    ...(selector ? { selector: stringValues(selector) } : {}),
    ports: (Array.isArray(spec.ports) ? spec.ports : []).map(asRecord).flatMap((p) => (p ? toPort(p) : [])),
    clusterIps: [...new Set(clusterIps)],
  };
}

function toPort(entry: Record<string, unknown>): ServicePortSpec[] {
  if (typeof entry.port !== 'number') return [];
  const protocol = entry.protocol === undefined ? 'TCP' : entry.protocol;
  if (!isProtocol(protocol)) return [];
  const target = entry.targetPort;
  const targetPort = typeof target === 'number' || (typeof target === 'string' && target !== '') ? target : entry.port;
  return [{
    ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
    port: entry.port,
    targetPort: typeof targetPort === 'string' && /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort,
    protocol,
  }];
}

function flatten(docs: readonly unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const raw of docs) {
    const doc = unwrap(raw);
    if (!doc) continue;
    if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) {
      out.push(...flatten(doc.items));
    } else {
      out.push(doc);
    }
  }
  return out;
}

function unwrap(raw: unknown): Record<string, unknown> | undefined {
  const record = asRecord(raw);
  if (!record) return undefined;
  if (record.kind === undefined && asRecord(record.object)) return asRecord(record.object);
  return record;
}

function stringValues(record: Record<string, unknown>): Labels {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}
