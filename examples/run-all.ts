/**
 * Synthesizes every example into cdk8s.out/<example>/ and prints what was written:
 * the number of objects and the NetworkPolicies per namespace.
 */
import { App } from 'cdk8s';
import { buildBookinfo } from './bookinfo';
import { buildClusterGuardrails } from './cluster-guardrails';
import { buildPlatformAndTeams } from './platform-and-teams';
import { Protocol, Reachability } from '../src';
import { printReachability } from '../src/testing/print-reachability';

/** An example: its name (also its output folder) and the function that builds its App. */
export interface Example {
  readonly name: string;
  readonly build: (outdir: string) => App;
}

/** Every example, in the order they are printed. */
export const EXAMPLES: Example[] = [
  { name: 'bookinfo', build: buildBookinfo },
  { name: 'platform-and-teams', build: buildPlatformAndTeams },
  { name: 'cluster-guardrails', build: buildClusterGuardrails },
];

/** A short summary of an App's objects: total, by kind, and policy names per namespace. */
export function summarize(app: App): string {
  const objects = app.charts.flatMap((chart) => chart.toJson());
  const kinds = new Map<string, number>();
  const policies = new Map<string, string[]>();
  for (const object of objects) {
    kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
    if (object.kind === 'NetworkPolicy') {
      const namespace = object.metadata.namespace ?? '(no namespace)';
      policies.set(namespace, [...(policies.get(namespace) ?? []), object.metadata.name]);
    }
  }
  const lines = [`  ${objects.length} objects: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`];
  for (const namespace of [...policies.keys()].sort()) {
    const names = policies.get(namespace)!;
    lines.push(`  ${namespace}: ${names.length} NetworkPolicies (${names.join(', ')})`);
  }
  return lines.join('\n');
}

/** CoreDNS as kube-system runs it: the pods the DNS egress policies select. */
export function withClusterDns(reach: Reachability): Reachability {
  return reach.addWorkload({
    namespaceName: 'kube-system',
    name: 'coredns',
    kind: 'Deployment',
    labels: { 'k8s-app': 'kube-dns' },
    ports: [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 53, protocol: Protocol.TCP }],
  });
}

function main(): void {
  for (const example of EXAMPLES) {
    const outdir = `cdk8s.out/${example.name}`;
    const app = example.build(outdir);
    app.synth();
    console.log(`${example.name} -> ${outdir}/`);
    console.log(summarize(app));
    // Who reaches whom once the policies apply (the reachability matrix, see docs/testing-reachability.md),
    // with the cluster DNS the examples' policies allow declared, as it lives outside the app.
    console.log(printReachability(withClusterDns(Reachability.of(app))));
  }
}

if (require.main === module) main();
