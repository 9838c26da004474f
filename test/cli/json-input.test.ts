/**
 * Large JSON files: read with `JSON.parse` (from 1 MiB) or streamed item by item (past what one
 * string holds; lowered here with `streamJsonFromBytes`), with the same objects and the same
 * field lines as the YAML routes give for small files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bufferSource, JsonListLocator, streamJsonList } from '../../src/cli/json-input';
import { loadManifests } from '../../src/cli/load';

function pod(i: number): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'shop', labels: { app: 'web' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', controller: true }] },
    spec: { containers: [{ name: 'main', image: 'x'.repeat(200), ports: [{ containerPort: 8080, name: 'http' }] }] },
    status: { podIP: `10.0.${Math.floor(i / 250)}.${i % 250}`, podIPs: [{ ip: `10.0.${Math.floor(i / 250)}.${i % 250}` }] },
  };
}

const BAD_POLICY = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'bad', namespace: 'shop' },
  spec: { podSelector: {}, ingress: [{ ports: [{ port: 70000 }] }] },
};

/** A `kubectl get -o json` List of `pods` pods and one invalid policy, four-space indented. */
function dumpText(pods: number, extra: Record<string, unknown> = {}): string {
  const items = [...Array.from({ length: pods }, (_, i) => pod(i)), BAD_POLICY];
  return JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' }, ...extra }, undefined, 4) + '\n';
}

/** The line of the first line of `text` that contains `needle` after line `after`. */
function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i].includes(needle)) return i + 1;
  throw new Error(`${needle} not found`);
}

describe('large JSON files', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-json-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a List of over 1 MiB reads the same objects and lines through JSON.parse, the stream, and the YAML route', () => {
    const text = dumpText(3000);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const file = path.join(tmp, 'dump.json');
    fs.writeFileSync(file, text);
    const parsed = loadManifests([file]);
    const streamed = loadManifests([file], { streamJsonFromBytes: 0 });
    // The YAML routes read JSON too: the same text with a comment line first is not JSON.parse's.
    const yamlFile = path.join(tmp, 'dump.yaml');
    fs.writeFileSync(yamlFile, '# as YAML\n' + text);
    const viaYaml = loadManifests([yamlFile]);

    for (const result of [parsed, streamed, viaYaml]) {
      expect(result.problems).toEqual([]);
      expect(result.objects).toHaveLength(3001);
    }
    expect(streamed.objects.map((o) => o.object)).toEqual(parsed.objects.map((o) => o.object));
    expect(viaYaml.objects.map((o) => o.object)).toEqual(parsed.objects.map((o) => o.object));

    const policyLine = lineOf(text, '"NetworkPolicy"');
    const portLine = lineOf(text, '"port": 70000');
    for (const result of [parsed, streamed]) {
      const policy = result.objects[3000];
      expect(policy.lineOf('spec.ingress[0].ports[0].port')).toBe(portLine);
      expect(policy.source.line).toBeLessThan(policyLine);
      expect(policy.source.line).toBeGreaterThan(policyLine - 4);
      expect(result.objects[0].source.line).toBe(lineOf(text, '"items"') + 1);
      expect(result.objects[1500].lineOf('metadata.name')).toBe(lineOf(text, '"web-1500"'));
    }
    // The YAML route counts one more line: the comment.
    expect(viaYaml.objects[3000].lineOf('spec.ingress[0].ports[0].port')).toBe(portLine + 1);
  });

  test('connlist-style loading keeps of each Pod only what evaluation reads', () => {
    const file = path.join(tmp, 'dump.json');
    fs.writeFileSync(file, dumpText(10));
    const kept: object[] = [];
    const result = loadManifests([file], { podEssentials: true, onObject: (o) => kept.push(o.object) });
    expect(result.objects).toEqual([]);
    expect(kept).toHaveLength(11);
    expect(kept[3]).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-3', namespace: 'shop', labels: { app: 'web' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', controller: true }] },
      spec: { containers: [{ ports: [{ containerPort: 8080, name: 'http' }] }] },
      status: { podIP: '10.0.0.3', podIPs: [{ ip: '10.0.0.3' }] },
    });
  });

  test('a streamed typed List gives its kind to items without one, even when kind comes after items', () => {
    const text = JSON.stringify({ apiVersion: 'v1', items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }], kind: 'NamespaceList' });
    const file = path.join(tmp, 'namespaces.json');
    fs.writeFileSync(file, text);
    const result = loadManifests([file], { streamJsonFromBytes: 0 });
    expect(result.problems).toEqual([]);
    expect(result.objects.map((o) => o.object)).toEqual([
      { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'a' } },
      { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'b' } },
    ]);
  });

  test('a streamed file with a syntax error is a problem at its line', () => {
    const text = dumpText(3).replace('"web-2"', '"web-2",,');
    const file = path.join(tmp, 'broken.json');
    fs.writeFileSync(file, text);
    const result = loadManifests([file], { streamJsonFromBytes: 0 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, line: lineOf(text, '"web-2"'), fatal: true });
    expect(result.problems[0].message).toMatch(/^invalid JSON: /);
  });

  test('a JSON.parse-sized file with a syntax error is a problem at its line', () => {
    const text = dumpText(3000).replace('"web-2999"', '"web-2999" "oops"');
    const file = path.join(tmp, 'broken.json');
    fs.writeFileSync(file, text);
    const result = loadManifests([file]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, line: lineOf(text, '"web-2999"'), fatal: true });
    expect(result.problems[0].message).toMatch(/^invalid JSON: /);
  });

  test('only a List can be streamed: another object of that size is refused with a clear message', () => {
    const file = path.join(tmp, 'pod.json');
    fs.writeFileSync(file, JSON.stringify(pod(1)));
    const result = loadManifests([file], { streamJsonFromBytes: 0 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/only a List of objects \(kubectl get -o json\) can be read, and this is a Pod; split it$/);
  });

  test('a YAML file too large for one string is refused, pointing to JSON', () => {
    const file = path.join(tmp, 'big.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
    const result = loadManifests([file], { streamJsonFromBytes: 0 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/of YAML, more than fits in one string .*export it as JSON \(kubectl get -o json\), which is read as a stream$/);
  });

  test('the stream passes each item on as it is read; lines are found afterwards, per item', () => {
    const text = '{"items": [{"a": 1},\n {"b": [2,\n 3]},\n 7],\n "kind": "List"}';
    const seen: unknown[] = [];
    const source = bufferSource(Buffer.from(text));
    const list = streamJsonList(source, (item, index) => seen.push([index, item]));
    expect(seen).toEqual([[0, { a: 1 }], [1, { b: [2, 3] }], [2, 7]]);
    expect(list).toEqual({ kind: 'List', itemCount: 3, isObject: true });
    const locator = new JsonListLocator(source, 1);
    expect([0, 1, 2].map((i) => locator.line(`items[${i}]`))).toEqual([1, 2, 4]);
    expect(locator.line('items[1].b[1]')).toBe(3);
    expect(locator.child('items[1]').line('b')).toBe(2);
    expect(locator.line('kind')).toBe(1);
  });
});
