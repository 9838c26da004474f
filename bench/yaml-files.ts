import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { SyntheticCluster } from './generate';

/**
 * Writes the cluster as `kubectl`-style YAML, one multi-document file per namespace
 * (the Namespace, its Deployments, its NetworkPolicies). Returns the file paths.
 */
export function writeYamlFolder(synthetic: SyntheticCluster, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const docs = new Map<string, unknown[]>();
  const add = (namespace: string, object: unknown): void => {
    const list = docs.get(namespace) ?? [];
    list.push(object);
    docs.set(namespace, list);
  };
  for (const ns of synthetic.namespaces) add(ns.name, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels } });
  for (const w of synthetic.workloads) {
    add(w.namespace, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: w.name, namespace: w.namespace, labels: w.labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: w.labels.app ?? w.name } },
        template: {
          metadata: { labels: w.labels },
          spec: {
            containers: [{
              name: 'main',
              image: `registry.example.com/${w.name}:1.0.0`,
              ports: w.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.port, protocol: p.protocol })),
            }],
          },
        },
      },
    });
  }
  for (const p of synthetic.policies) add(p.metadata!.namespace!, p);
  const files: string[] = [];
  for (const [namespace, objects] of docs) {
    const file = path.join(dir, `${namespace}.yaml`);
    fs.writeFileSync(file, objects.map((o) => stringify(o)).join('---\n'));
    files.push(file);
  }
  return files;
}
