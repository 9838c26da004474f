/** `connlist` and `diff` with `--format dot|mermaid|svg|html`, through the asynchronous entry point. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, runCliAsync } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'report');
const BEFORE = path.join(FIXTURES, 'before');
const AFTER = path.join(FIXTURES, 'after');

describe('connlist pictures', () => {
  test('dot groups workloads by namespace and labels edges with the connections txt prints', async () => {
    const txt = runCli('connlist', AFTER);
    const dot = await runCliAsync('connlist', AFTER, '--format', 'dot');
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/subgraph "cluster_\d+" \{\n    label="shop";[^\n]*\n(    "shop\/[^\n]*\n){3}  \}/);
    expect(txt.stdout).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 8080,8443');
    expect(dot.stdout).toContain('"shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 8080,8443"];');
    // The external range and prometheus reach each other both ways with All Connections: one edge.
    expect(dot.stdout).toContain('"0.0.0.0-255.255.255.255[External]" -> "monitoring/prometheus[Deployment]" [label="All Connections", dir=both];');
  });

  test('mermaid names every workload, including one without any connection', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pictures-'));
    fs.writeFileSync(path.join(dir, 'alone.yaml'), [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'alone', namespace: 'quiet' }, spec: { containers: [{ name: 'c', image: 'c' }] } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'quiet' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
    ].map((o) => JSON.stringify(o)).join('\n---\n'));
    expect(runCli('connlist', dir).stdout).toBe('');
    const run = await runCliAsync('connlist', dir, '--format', 'mermaid');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('flowchart LR\n  subgraph ns0["quiet"]\n    n0["alone[Pod]"]\n  end\n');
  });

  test('svg is Graphviz\'s layout, and html is one page holding the report data and the graphs', async () => {
    const svg = await runCliAsync('connlist', AFTER, '--format', 'svg');
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<\?xml[^]*<svg [^]*<title>shop\/web\[Deployment\]<\/title>[^]*<\/svg>\n$/);
    const html = await runCliAsync('connlist', AFTER, '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`<title>Connectivity of ${AFTER}</title>`);
    expect(html.stdout.match(/<svg /g)).toHaveLength(2);
  });

  test('the synchronous entry point refuses a picture format with a message, before reading anything', () => {
    const run = runCli('connlist', AFTER, '--format', 'svg');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('cdk8s-netpol: internal error: --format svg runs asynchronously: call mainAsync, not main (this is a bug: please report it)\n');
    expect(runCli('diff', BEFORE, 'missing-folder', '--format', 'dot').stderr).not.toContain('missing-folder');
  });

  test('an unknown format lists the picture formats among the choices', () => {
    const run = runCli('connlist', AFTER, '--format', 'png');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Allowed choices are txt, json, md, csv, dot, mermaid, svg, html');
  });
});

describe('diff pictures', () => {
  test('dot draws the added, removed and changed pairs each in its own style, with a legend', async () => {
    const run = await runCliAsync('diff', BEFORE, AFTER, '--format', 'dot');
    expect(run.code).toBe(0);
    const edges = run.stdout.split('\n').filter((l) => l.includes(' -> '));
    expect(edges).toEqual([
      '  "payments/gateway[Deployment]" -> "shop/api[Deployment]" [label="TCP 8080,8443", color="#1a7f37", fontcolor="#1a7f37", style=solid, penwidth=2];',
      '  "shop/api[Deployment]" -> "shop/db[Deployment]" [label="TCP 5432", color="#cf222e", fontcolor="#cf222e", style=dashed, penwidth=2];',
      '  "shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 8080 → TCP 8080,8443", color="#9a6700", fontcolor="#9a6700", style=dotted, penwidth=2];',
    ]);
    expect(run.stdout).toContain('  "(legend)" [shape=box');
  });

  test('--fail-on still gates a picture: the picture is printed and the widening listed', async () => {
    const run = await runCliAsync('diff', BEFORE, AFTER, '--format', 'mermaid', '--fail-on', 'widen');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('==>|"TCP 8080,8443"|');
    expect(run.stderr).toContain('error: the change widens access (2 pairs):');
  });

  test('every picture format prints the same bytes on every run', async () => {
    for (const format of ['dot', 'mermaid', 'svg', 'html']) {
      const first = await runCliAsync('diff', BEFORE, AFTER, '--format', format);
      const second = await runCliAsync('diff', BEFORE, AFTER, '--format', format);
      expect(first.stdout.length).toBeGreaterThan(100);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  test('html is titled with both sides and marks each change in its data', async () => {
    const run = await runCliAsync('diff', BEFORE, AFTER, '--format', 'html');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`<title>Connectivity diff: ${BEFORE} → ${AFTER}</title>`);
    const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(run.stdout)![1]);
    expect(data.edges.map((e: unknown[]) => e[3]).sort()).toEqual(['added', 'changed', 'removed']);
  });
});
