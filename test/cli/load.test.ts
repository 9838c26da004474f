import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatProblem, loadManifests } from '../../src/cli/load';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');

describe('loadManifests', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-load-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function write(name: string, content: string | Buffer): string {
    const file = path.join(tmp, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  describe('files and folders', () => {
    test('a folder is read recursively, in name order, and only yaml, yml and json files count', () => {
      // GIVEN
      write('b.yml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n');
      write('sub/deep/a.json', '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}');
      write('notes.txt', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ignored}\n');
      write('c.YAML', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n');

      // WHEN
      const result = loadManifests([tmp]);

      // THEN
      expect(result.problems).toEqual([]);
      expect(result.files.map((f) => path.relative(tmp, f))).toEqual(['b.yml', 'c.YAML', path.join('sub', 'deep', 'a.json')]);
      expect(result.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['b', 'c', 'a']);
    });

    test('a file named explicitly is read whatever its extension', () => {
      const file = write('policy.txt', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n');
      expect(loadManifests([file]).objects).toHaveLength(1);
    });

    test('the shop fixture yields its objects with their first lines', () => {
      const result = loadManifests([path.join(FIXTURES, 'shop')]);
      expect(result.problems).toEqual([]);
      const summary = result.objects.map((o) => `${path.basename(o.source.file)}:${o.source.line} ${o.object.kind}`);
      expect(summary).toEqual([
        'namespaces.yaml:1 Namespace',
        'namespaces.yaml:8 Namespace',
        'policies.yaml:2 NetworkPolicy',
        'policies.yaml:11 NetworkPolicy',
        'policies.yaml:28 NetworkPolicy',
        'policies.yaml:52 NetworkPolicy',
        'policies.yaml:74 NetworkPolicy',
        'prometheus.json:5 Pod',
        'workloads.yaml:1 Deployment',
        'workloads.yaml:22 Deployment',
      ]);
    });
  });

  describe('documents', () => {
    test('multi-document YAML skips empty documents and keeps the line of each object', () => {
      const file = write('multi.yaml', [
        '---',
        '# only a comment',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: one}',
        '---',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: two}',
        '',
      ].join('\n'));
      const result = loadManifests([file]);
      expect(result.problems).toEqual([]);
      expect(result.objects.map((o) => o.source.line)).toEqual([4, 9]);
    });

    test('List kinds are flattened and each item keeps its own line', () => {
      const file = write('list.yaml', [
        'apiVersion: v1',
        'kind: PodList',
        'items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: a}',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata:',
        '      name: b',
        '',
      ].join('\n'));
      const result = loadManifests([file]);
      expect(result.objects.map((o) => [o.object.kind, o.source.line])).toEqual([['Pod', 4], ['Pod', 7]]);
      expect(result.objects[1].lineOf('metadata.name')).toBe(10);
    });

    test('items of a typed list without kind or apiVersion take them from the list', () => {
      const file = write('ns.json', JSON.stringify({
        kind: 'NamespaceList',
        apiVersion: 'v1',
        items: [{ metadata: { name: 'a' } }, { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'b' } }],
      }, undefined, 2));
      const result = loadManifests([file]);
      expect(result.problems).toEqual([]);
      expect(result.objects.map((o) => o.object)).toEqual([
        { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'a' } },
        { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'b' } },
      ]);
    });

    test('items of a plain List still need their own kind', () => {
      const file = write('list.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - metadata: {name: a}\n');
      expect(loadManifests([file]).problems).toEqual([
        { file, line: 4, message: 'skipped: document has no kind, so it is not a Kubernetes object', fatal: false },
      ]);
    });

    test('a tab at the start of a line inside a flow list is read as a space, with a warning', () => {
      const file = write('tabs.yaml', [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - name: c',
        '      args:',
        '        [',
        '          "-a",',
        '\t        "-b",',
        '        ]',
        '',
      ].join('\n'));
      const result = loadManifests([file]);
      expect(result.problems).toEqual([
        { file, line: 10, message: 'tab used as indentation; read as a space, as kubectl does', fatal: false },
      ]);
      expect(result.objects[0].object.spec).toEqual({ containers: [{ name: 'c', args: ['-a', '-b'] }] });
    });

    test('field paths map to the line of the field, or of the deepest part that exists', () => {
      const result = loadManifests([path.join(FIXTURES, 'bad', 'invalid-policies.yaml')]);
      const bad = result.objects[1];
      expect(bad.lineOf('spec.ingress[0].ports[0].port')).toBe(18);
      expect(bad.lineOf('spec.ingress[0].ports[1].endPort')).toBe(20);
      expect(bad.lineOf('spec.ingress[0].ports[1]')).toBe(19);
      expect(bad.lineOf('spec.egress[0].to[0]')).toBe(14);
      expect(bad.lineOf('')).toBe(9);
    });
  });

  describe('bad input', () => {
    test('malformed YAML is reported with its line and the valid documents before it are kept', () => {
      const file = path.join(FIXTURES, 'bad', 'malformed.yaml');
      const result = loadManifests([file]);
      expect(result.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['fine']);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ file, fatal: true });
      expect(result.problems[0].line).toBeGreaterThanOrEqual(9);
      expect(formatProblem(result.problems[0])).toMatch(/^.*malformed\.yaml:\d+: invalid YAML: /);
    });

    test('an empty file is a fatal problem', () => {
      const file = path.join(FIXTURES, 'bad', 'empty.yaml');
      expect(loadManifests([file]).problems).toEqual([
        { file, message: 'file is empty: expected YAML or JSON Kubernetes objects', fatal: true },
      ]);
    });

    test('a file with only comments is a fatal problem', () => {
      const file = write('comments.yaml', '# nothing here\n---\n# nor here\n');
      expect(loadManifests([file]).problems).toEqual([
        { file, message: 'file holds no YAML document (only comments or separators)', fatal: true },
      ]);
    });

    test('a binary file is refused without being parsed', () => {
      const file = write('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      expect(loadManifests([file]).problems).toEqual([
        { file, message: 'file is binary (it contains NUL bytes), not YAML or JSON', fatal: true },
      ]);
    });

    test('a missing path is a fatal problem and other paths are still read', () => {
      const missing = path.join(tmp, 'nope.yaml');
      const good = write('ok.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n');
      const result = loadManifests([missing, good]);
      expect(result.problems).toEqual([{ file: missing, message: 'cannot read: no such file or folder', fatal: true }]);
      expect(result.objects).toHaveLength(1);
    });

    test('a device or pipe is refused instead of read', () => {
      expect(loadManifests(['/dev/zero']).problems).toEqual([
        { file: '/dev/zero', message: 'cannot read: not a regular file or folder', fatal: true },
      ]);
    });

    test('symbolic links to files are read and links to folders are not followed', () => {
      const real = write('real/ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
      fs.mkdirSync(path.join(tmp, 'scan'));
      fs.symlinkSync(real, path.join(tmp, 'scan', 'link.yaml'));
      fs.symlinkSync(path.join(tmp, 'scan'), path.join(tmp, 'scan', 'loop.yaml'));
      const result = loadManifests([path.join(tmp, 'scan')]);
      expect(result.objects).toHaveLength(1);
      expect(result.problems).toEqual([{
        file: path.join(tmp, 'scan', 'loop.yaml'),
        message: 'skipped: a symbolic link to something other than a file',
        fatal: false,
      }]);
    });

    test('a file over a size limit set with --max-file-size is refused with the limit in the message', () => {
      const file = write('big.yaml', 'x'.repeat(4096));
      const result = loadManifests([file], { limits: { maxFileBytes: 1024 } });
      expect(result.objects).toEqual([]);
      expect(result.problems[0].message).toBe('file is 4.0 KiB, larger than the limit of 1.0 KiB set by --max-file-size');
    });

    test('a mapping of 200,000 repeated keys is read, and its duplicate key found (the check is not quadratic)', () => {
      const file = write('huge.yaml', 'a: b\n'.repeat(200_000));
      const result = loadManifests([file]);
      expect(result.problems).toEqual([{ file, line: 2, message: 'invalid YAML: Map keys must be unique', fatal: true }]);
    });

    test('a ConfigMap of 200,000 distinct keys read the full way (a directive sends it there) is read whole', () => {
      const keys = Array.from({ length: 200_000 }, (_, i) => `  key-${i}: value-${i}\n`).join('');
      const file = write('big-configmap.yaml', `%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${keys}`);
      const result = loadManifests([file]);
      expect(result.problems).toEqual([]);
      expect(Object.keys(result.objects[0].object.data as object)).toHaveLength(200_000);
    });

    test('there is no size limit by default: a 12 MiB file of many documents is read whole', () => {
      const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: "' + 'x'.repeat(4000) + '"}\n---\n';
      const file = write('big-default.yaml', doc.repeat(3000));
      const result = loadManifests([file]);
      expect(result.problems).toEqual([]);
      expect(result.objects).toHaveLength(3000);
    });

    test('a file of many small documents is read completely', () => {
      const doc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: a, tier: b}\n---\n';
      const file = write('many.yaml', doc.repeat(3000));
      const result = loadManifests([file]);
      expect(result.problems).toEqual([]);
      expect(result.objects).toHaveLength(3000);
      expect(result.objects[2999].source.line).toBe(2999 * 6 + 1);
    });

    test('documents that are not Kubernetes objects are skipped with a warning, not a failure', () => {
      const file = path.join(FIXTURES, 'bad', 'not-kubernetes.json');
      expect(loadManifests([file]).problems).toEqual([{
        file,
        line: 1,
        message: 'skipped: expected a Kubernetes object (a mapping with apiVersion and kind), found a list',
        fatal: false,
      }]);
      const noKind = write('nokind.yaml', 'apiVersion: v1\nmetadata: {name: x}\n');
      expect(loadManifests([noKind]).problems).toEqual([
        { file: noKind, line: 1, message: 'skipped: document has no kind, so it is not a Kubernetes object', fatal: false },
      ]);
    });

    test('a Kubernetes object of the wrong shape is a fatal problem at the offending field', () => {
      const file = path.join(FIXTURES, 'bad', 'wrong-shape.yaml');
      expect(loadManifests([file]).problems).toEqual([
        { file, line: 3, message: 'List.items must be a list, found the string "not-a-list"', fatal: true },
      ]);
      const nullMeta = write('null-meta.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n');
      expect(loadManifests([nullMeta]).problems).toEqual([]);
      const meta = write('meta.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: 12\n');
      expect(loadManifests([meta]).problems).toEqual([
        { file: meta, line: 3, message: 'metadata must be a mapping, found the number 12', fatal: true },
      ]);
    });

    test('duplicate keys and alias bombs are reported, not expanded', () => {
      const dup = write('dup.yaml', 'apiVersion: v1\nkind: Pod\nkind: Service\n');
      expect(loadManifests([dup]).problems[0]).toMatchObject({ file: dup, line: 3, fatal: true });
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 0; i < 8; i++) {
        const prev = String.fromCharCode(97 + i);
        const next = String.fromCharCode(98 + i);
        bomb.push(`${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
      }
      const file = write('bomb.yaml', 'apiVersion: v1\nkind: ConfigMap\n' + bomb.join('\n') + '\n');
      const result = loadManifests([file]);
      expect(result.objects).toEqual([]);
      expect(result.problems[0]).toMatchObject({ file, fatal: true });
      expect(result.problems[0].message).toMatch(/^cannot read document: /);
    });
  });
});
