import { Evaluator } from '../../src/eval/evaluator';
import { EvaluatorOptions } from '../../src/eval/types';
import { Cluster, ContainerPortSpec, Protocol } from '../../src/model/cluster';
import { NetworkPolicyManifest } from '../../src/model/manifest';

/**
 * The upstream e2e topology (test/e2e/network/netpol/model.go): namespaces x, y, z labelled
 * with their name, pods a, b, c labelled `pod: <name>`, each serving ports 80 and 81 over
 * TCP, UDP and SCTP with container ports named `serve-<port>-<proto>`.
 */
export const NAMESPACES = ['x', 'y', 'z'];
export const PODS = ['a', 'b', 'c'];

export function e2ePorts(): ContainerPortSpec[] {
  const ports: ContainerPortSpec[] = [];
  for (const port of [80, 81]) {
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as Protocol[]) {
      ports.push({ name: `serve-${port}-${protocol.toLowerCase()}`, port, protocol });
    }
  }
  return ports;
}

/** The pod IP of `ns/pod`: 10.<ns index>.0.<pod index + 1>. */
export function podIp(ns: string, pod: string): string {
  return `10.${NAMESPACES.indexOf(ns)}.0.${PODS.indexOf(pod) + 1}`;
}

export function e2eCluster(...policies: NetworkPolicyManifest[]): Cluster {
  const cluster = new Cluster();
  for (const ns of NAMESPACES) {
    cluster.addNamespace(ns);
    for (const pod of PODS) {
      cluster.addWorkload({ namespace: ns, name: pod, labels: { pod }, ports: e2ePorts(), podIps: [podIp(ns, pod)] });
    }
  }
  for (const p of policies) cluster.addPolicy(p);
  return cluster;
}

/** A NetworkPolicy manifest with the given spec. */
export function policy(namespace: string, name: string, spec: NetworkPolicyManifest['spec']): NetworkPolicyManifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

/**
 * The truth table for one port, in cyclonus' layout: one row per source `ns/pod`, one column per
 * destination, `.` allowed and `X` blocked. Self pairs are `-` (loopback is ignored, as upstream does).
 */
export function truthTable(evaluator: Evaluator, port: number, protocol: Protocol = 'TCP'): string[] {
  const names = NAMESPACES.flatMap((ns) => PODS.map((pod) => `${ns}/${pod}`));
  return names.map((src) => `${src} ${names.map((dst) => {
    if (src === dst) return '-';
    return evaluator.verdict({ source: { workload: src }, destination: { workload: dst }, protocol, port }).allowed ? '.' : 'X';
  }).join('')}`);
}

/** Shorthand for a TCP (or other) verdict between two `ns/pod` workloads. */
export function allows(evaluator: Evaluator, src: string, dst: string, port: number, protocol: Protocol = 'TCP'): boolean {
  return evaluator.verdict({ source: { workload: src }, destination: { workload: dst }, protocol, port }).allowed;
}

export function evaluate(options: EvaluatorOptions | undefined, ...policies: NetworkPolicyManifest[]): Evaluator {
  return new Evaluator(e2eCluster(...policies), options);
}
