import { Endpoint } from '../../src/testing/endpoint';
import { Reachability } from '../../src/testing/reachability';
import { ReachabilityOptions } from '../../src/testing/reachability-options';
import { Port } from '../../src/values/port';

/** A container port as written in a pod spec. */
export interface ContainerPort {
  readonly containerPort: number;
  readonly name?: string;
  readonly protocol?: string;
}

/** What a test pod needs beyond its namespace, name and labels. */
export interface PodExtras {
  /** One list per container. */
  readonly containers?: ContainerPort[][];
  readonly ips?: string[];
  readonly hostNetwork?: boolean;
}

/** A Namespace object. */
export function namespace(name: string, labels: Record<string, string> = {}): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A bare Pod object, `ns/name`, with the given labels. */
export function pod(ref: string, labels: Record<string, string>, extras: PodExtras = {}): any {
  const [ns, name] = ref.split('/');
  const containers = (extras.containers ?? [[]]).map((ports, i) => ({ name: `c${i}`, image: 'img', ports }));
  const ips = extras.ips ?? [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: ns, name, labels },
    spec: { containers, ...(extras.hostNetwork ? { hostNetwork: true } : {}) },
    ...(ips.length > 0 ? { status: { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) } } : {}),
  };
}

/** A NetworkPolicy object `ns/name` with the given (raw, undefaulted) spec. */
export function policy(ref: string, spec: any): any {
  const [ns, name] = ref.split('/');
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace: ns, name }, spec };
}

/**
 * The upstream e2e topology: namespaces x, y, z with pods a, b, c each, labelled `pod=<name>`,
 * every pod serving TCP/UDP/SCTP on 80 and 81 with e2e's port names (`serve-80-tcp`, ...).
 */
export function e2eTopology(): any[] {
  const ports: ContainerPort[] = [];
  for (const p of [80, 81]) {
    for (const proto of ['TCP', 'UDP', 'SCTP']) {
      ports.push({ containerPort: p, protocol: proto, name: `serve-${p}-${proto.toLowerCase()}` });
    }
  }
  const objects: any[] = [];
  for (const ns of ['x', 'y', 'z']) {
    objects.push(namespace(ns, { ns }));
    for (const name of ['a', 'b', 'c']) objects.push(pod(`${ns}/${name}`, { pod: name }, { containers: [ports] }));
  }
  return objects;
}

/** Reads an endpoint text: `ns/name`, `internet`, an address or a CIDR. */
export function endpoint(text: string): Endpoint {
  return Endpoint.parse(text);
}

/** A reachability question answered on plain objects. */
export function allowed(objects: any[], source: string, destination: string, port: Port, options?: ReachabilityOptions): boolean {
  return Reachability.fromManifests(objects, options).isAllowed(endpoint(source), endpoint(destination), port);
}

/** True when no connection of the question is allowed. */
export function denied(objects: any[], source: string, destination: string, port: Port, options?: ReachabilityOptions): boolean {
  return Reachability.fromManifests(objects, options).verdict(endpoint(source), endpoint(destination), port).denied;
}
