import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdk8s';
import * as ts from 'typescript';
import * as netpol from '../../src';
import { runCli } from '../cli/run-cli';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Cluster-scoped policies (authoring and validation)'), readme.indexOf('## Testing reachability'));

/** The section's TypeScript block, run with the package imports mapped to the sources; returns its `app`. */
function runCode(): App {
  const code = /```ts\n([\s\S]*?)```/.exec(section)![1].replace(/^app\.synth\(\);$/m, '') + '\nexports.app = app;\n';
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: { [name: string]: unknown } = { 'cdk8s': cdk8s, 'cdk8s-netpol': netpol };
  const exported: { app?: App } = {};
  new Function('require', 'exports', js)((name: string) => modules[name], exported);
  return exported.app!;
}

/** The fenced blocks of the section without a language (program output), in order. */
function outputs(): string[] {
  const blocks: { language: string; lines: string[] }[] = [];
  let open: { language: string; lines: string[] } | undefined;
  for (const line of section.split('\n')) {
    if (line.startsWith('```')) {
      if (open) blocks.push(open);
      open = open ? undefined : { language: line.slice(3), lines: [] };
    } else if (open) {
      open.lines.push(line);
    }
  }
  return blocks.filter((b) => b.language === '').map((b) => `${b.lines.join('\n')}\n`);
}

describe('the README section on cluster-scoped policies', () => {
  test('its code synthesizes valid cluster policies, in the tiers and priorities it says', () => {
    const objects = runCode().charts.flatMap((c) => c.toJson());
    for (const o of objects) expect(netpol.ClusterPolicyValidator.validate(o).filter((p) => p.severity === 'error')).toEqual([]);
    expect(objects.map((o) => `${o.spec.tier} ${o.spec.priority} ${o.metadata.name}`)).toEqual([
      'Admin 10 guardrail-workloads', 'Admin 10 guardrail-scrapers', 'Admin 10 guardrail-dns',
      'Admin 15 reporting', 'Admin 20 isolation-team-a', 'Admin 20 isolation-team-b', 'Admin 30 no-metadata', 'Baseline 100 default-deny',
    ]);
  });

  test('the equal-priority error is the one the constructs give', () => {
    const app = new App();
    const platform = new cdk8s.Chart(app, 'platform');
    const { ClusterNetworkPolicy, ClusterPeer, ClusterPolicyAction, Namespaces, PolicyTier } = netpol;
    new ClusterNetworkPolicy(platform, 'lock-down', {
      tier: PolicyTier.ADMIN,
      priority: 30,
      subject: Namespaces.all(),
      ingress: [{ action: ClusterPolicyAction.DENY, peers: [ClusterPeer.allPods()] }],
    });
    new ClusterNetworkPolicy(platform, 'team-a-open', {
      tier: PolicyTier.ADMIN,
      priority: 30,
      subject: Namespaces.labelled({ tenant: 'team-a' }),
      ingress: [{ action: ClusterPolicyAction.ACCEPT, peers: [ClusterPeer.allPods()] }],
    });
    expect(() => app.synthYaml()).toThrow(outputs()[0].trimEnd());
  });

  test('the validate output is the one the CLI prints', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-cnp-'));
    const file = path.join(dir, 'egress-guard.yaml');
    fs.writeFileSync(file, [
      'apiVersion: policy.networking.k8s.io/v1alpha2', 'kind: ClusterNetworkPolicy', 'metadata:', '  name: egress-guard', 'spec:',
      '  tier: Admin', '  priority: 10', '  subject:', '    namespaces: {}', '  egress:', '  - action: Deny', '    to:',
      '    - networks: ["10.0.0.0"]', '    protocols:', '    - tcp: {destinationPort: {range: {start: 443, end: 443}}}', '',
    ].join('\n'));
    const documented = outputs()[1].split('\n').slice(1).join('\n');
    try {
      expect(runCli('validate', file).stdout.split(file).join('egress-guard.yaml')).toBe(documented);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
