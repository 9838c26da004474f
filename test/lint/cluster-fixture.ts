import { lintCluster } from '../../src/lint/lint-cluster';
import { LintFinding } from '../../src/lint/lint-finding';
import { LintOptions } from '../../src/lint/lint-options';
import { Cluster, WorkloadInput } from '../../src/model/cluster';
import { NetworkPolicyManifest } from '../../src/model/manifest';

/** A small world for lint tests: policies, optional workloads, namespaces and other manifests. */
export interface World {
  readonly policies: NetworkPolicyManifest[];
  readonly workloads?: WorkloadInput[];
  readonly namespaces?: Array<{ name: string; labels?: Record<string, string> }>;
  /** Other raw objects, e.g. Services. */
  readonly manifests?: unknown[];
}

/** Builds the cluster and runs every lint. */
export function lintWorld(world: World, options?: LintOptions): LintFinding[] {
  const cluster = new Cluster();
  for (const ns of world.namespaces ?? []) cluster.addNamespace(ns.name, ns.labels);
  for (const w of world.workloads ?? []) cluster.addWorkload(w);
  for (const p of world.policies) cluster.addPolicy(p);
  return lintCluster(cluster, [...world.policies, ...(world.manifests ?? [])], options);
}

/** Only the findings of one rule. */
export function findingsOf(rule: string, world: World, options?: LintOptions): LintFinding[] {
  return lintWorld(world, options).filter((f) => f.rule === rule);
}

/** A NetworkPolicy manifest in namespace `shop` (unless the metadata says otherwise). */
export function policy(name: string, spec: NetworkPolicyManifest['spec'], metadata: NetworkPolicyManifest['metadata'] = {}): NetworkPolicyManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: 'shop', ...metadata },
    spec,
  };
}

/** A Deployment-like workload in `shop` with TCP container ports. */
export function workload(name: string, labels: Record<string, string>, extra: Partial<WorkloadInput> = {}): WorkloadInput {
  return { namespace: 'shop', name, kind: 'Deployment', labels, ...extra };
}

/** The DNS rule every egress-isolating policy should have. */
export const DNS_EGRESS_RULE = {
  to: [{
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};
