/**
 * kubectl's decoding, rule by rule. `kubectl apply -f` converts YAML to JSON with sigs.k8s.io/yaml
 * (yaml.go, `yamlToJSON`), which reads YAML with go-yaml v2 (YAML 1.1 rules) and turns the result
 * into JSON (`convertToJSONableObject`, `json.Marshal`); the API server then decodes the JSON into
 * typed Go structs. Each row names the source it follows. Every input is read by both reader
 * routes (js-yaml without positions, the `yaml` package with them), by `validate`, by `connlist`
 * and by the library's `Reachability.fromYaml`, which must all agree.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import * as jsyaml from 'js-yaml';
import * as YAML from 'yaml';
import { readDocumentsFast } from '../../src/reader/fast-yaml';
import { parseYamlStream } from '../../src/reader/full-yaml';
import { readYamlText } from '../../src/reader/read-text';
import { documentToJs } from '../../src/reader/to-js';
import { Endpoint } from '../../src/testing/endpoint';
import { Reachability } from '../../src/testing/reachability';
import { Port } from '../../src/values/port';
import { runCli } from '../cli/run-cli';

const RESOLVE = 'go-yaml v2 resolve.go, resolve()';
const RESOLVE_MAP = 'go-yaml v2 resolve.go, init(): resolveMapList';
const PARSE_INT = `${RESOLVE}: strings.Replace(in, "_", "", -1), then strconv.ParseInt(plain, 0, 64)`;
const STYLE_FLOAT = `${RESOLVE}: yamlStyleFloat ^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$ on the text without "_"`;

interface ScalarRule {
  readonly text: string;
  /** What kubectl reads it as. */
  readonly value: unknown;
  readonly source: string;
  /** Whether the `yaml` package's YAML 1.1 schema (`version: '1.1'`) reads it otherwise. */
  readonly yaml11Differs?: boolean;
}

/** Plain scalars, as go-yaml v2 resolves them. */
const SCALARS: ScalarRule[] = [
  { text: '010', value: 8, source: `${PARSE_INT} (a leading 0 is octal)` },
  { text: '-010', value: -8, source: PARSE_INT },
  { text: '0o10', value: 8, source: `${PARSE_INT} (Go's 0o prefix)`, yaml11Differs: true },
  { text: '0O10', value: 8, source: `${PARSE_INT} (prefixes in either case)`, yaml11Differs: true },
  { text: '0x1F', value: 31, source: PARSE_INT },
  { text: '0X1F', value: 31, source: PARSE_INT, yaml11Differs: true },
  { text: '-0x1F', value: -31, source: PARSE_INT },
  { text: '0b1010', value: 10, source: PARSE_INT },
  { text: '-0b11', value: -3, source: PARSE_INT },
  { text: '1_000', value: 1000, source: PARSE_INT },
  { text: '0x_1F', value: 31, source: PARSE_INT },
  { text: '1_', value: 1, source: PARSE_INT },
  { text: '+1', value: 1, source: PARSE_INT },
  { text: '08', value: 8, source: `${STYLE_FLOAT} (not octal: a float)` },
  { text: '1e3', value: 1000, source: STYLE_FLOAT },
  { text: '1.10', value: 1.1, source: STYLE_FLOAT },
  { text: '1.', value: 1, source: STYLE_FLOAT },
  { text: '-.5', value: -0.5, source: STYLE_FLOAT },
  { text: '0.1e1_0', value: 1e9, source: `${STYLE_FLOAT} (underscores removed first)`, yaml11Differs: true },
  { text: '.5', value: 0.5, source: `${RESOLVE}: hint '.', strconv.ParseFloat` },
  { text: '99999999999999999999', value: 1e20, source: `${RESOLVE}: beyond 64 bits ParseInt and ParseUint fail; yamlStyleFloat` },
  { text: '1:20', value: '1:20', source: `${RESOLVE}: "Base 60 floats ... are purposefully unsupported"`, yaml11Differs: true },
  { text: '190:20:30.15', value: '190:20:30.15', source: `${RESOLVE}: no base 60`, yaml11Differs: true },
  { text: '2001-12-14', value: '2001-12-14', source: 'go-yaml v2 decode.go, scalar(): a timestamp decoded into interface{} keeps its text', yaml11Differs: true },
  { text: '2001-12-14T21:59:43Z', value: '2001-12-14T21:59:43Z', source: 'go-yaml v2 decode.go, scalar(): timestamps stay strings', yaml11Differs: true },
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((text) => ({ text, value: true, source: RESOLVE_MAP })),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((text) => ({ text, value: false, source: RESOLVE_MAP })),
  ...['tRUE', 'oN', 'yES', 'nO'].map((text) => ({ text, value: text, source: `${RESOLVE_MAP}: exact spellings only` })),
  ...['~', 'null', 'Null', 'NULL'].map((text) => ({ text, value: null, source: RESOLVE_MAP })),
  { text: 'nULL', value: 'nULL', source: RESOLVE_MAP },
  { text: '.inf', value: Infinity, source: RESOLVE_MAP },
  { text: '-.Inf', value: -Infinity, source: RESOLVE_MAP },
  { text: '.NaN', value: NaN, source: RESOLVE_MAP },
  { text: '-.nan', value: '-.nan', source: RESOLVE_MAP },
  { text: '<<', value: '<<', source: 'go-yaml v2 decode.go, isMerge(): only a key merges; resolve() reads << as a string' },
  { text: '"on"', value: 'on', source: 'go-yaml v2 decode.go, scalar(): a quoted scalar is not implicit, so never resolved' },
  { text: "'010'", value: '010', source: 'go-yaml v2 decode.go, scalar()' },
  { text: '!!str 10', value: '10', source: `${RESOLVE}: any data is accepted as a !!str` },
  { text: '!!int "12"', value: 12, source: `${RESOLVE}: an explicit tag resolves even a quoted scalar` },
  { text: '!!float 1', value: 1, source: `${RESOLVE}, deferred func: an int is accepted as a !!float`, yaml11Differs: true },
];

/** Both routes' values of a text's documents; the fast one may step aside (undefined). */
function readBothRoutes(text: string): { fast: unknown[] | undefined; full: unknown[] } {
  const fast = readDocumentsFast(text)?.map((d) => d.value);
  const stream = parseYamlStream(text);
  const errors = stream.documents.flatMap((d) => d.errors);
  if (errors.length > 0) throw new Error(errors[0].message);
  return { fast, full: stream.documents.map((d) => documentToJs(d, 1000)) };
}

describe('scalars: both routes read each as go-yaml v2 resolves it', () => {
  test.each(SCALARS.map((r) => [r.text, r.value, r.source] as const))('%s is %p (%s)', (text, value) => {
    const { fast, full } = readBothRoutes(`v: ${text}\n`);
    expect(full).toEqual([{ v: value }]);
    // Only explicit tags js-yaml does not know send a document to the full route.
    if (!text.startsWith('!!float')) expect(fast).toEqual(full);
    if (typeof value === 'number' && !Number.isFinite(value)) expect(() => readYamlText(`v: ${text}\n`)).toThrow('json: unsupported value');
    else expect(readYamlTextValue(`v: ${text}\n`)).toEqual(full);
  });

  test.each(SCALARS.map((r) => [r.text, r.value, r.yaml11Differs === true] as const))(
    '%s: the yaml package\'s YAML 1.1 schema differs from go-yaml v2 here: %#',
    (text, value, differs) => {
      let yaml11: unknown;
      try {
        yaml11 = YAML.parse(`v: ${text}\n`, { version: '1.1' }).v;
      } catch {
        yaml11 = 'refused';
      }
      // The differences this reader corrects, each a row above; the rest the schema gets right.
      expect(sameValue(yaml11, value)).toBe(!differs);
    },
  );

  test('js-yaml\'s default schema differs from go-yaml v2 on the YAML 1.1 booleans, octals and underscores', () => {
    const read = (text: string) => (jsyaml.load(`v: ${text}\n`) as { v: unknown }).v;
    expect([read('on'), read('y'), read('010'), read('1_000')]).toEqual(['on', 'y', 10, '1_000']);
    expect(readYamlTextValue('v: [on, y, 010, 1_000]\n')).toEqual([{ v: [true, true, 8, 1000] }]);
  });
});

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (a === b);
}

function readYamlTextValue(text: string): unknown[] {
  return readYamlText(text).map((d) => d.value);
}

describe('map keys: sigs.k8s.io/yaml turns go-yaml\'s keys into JSON keys (yaml.go, convertToJSONableObject)', () => {
  test.each([
    ['on: x', { true: 'x' }, 'a bool key is "true" or "false"'],
    ['n: x', { false: 'x' }, 'n is the boolean false, even as a key'],
    ['010: x', { 8: 'x' }, 'an int key in decimal: strconv.Itoa'],
    ['1.10: x', { 1.1: 'x' }, 'a float key: strconv.FormatFloat(f, \'g\', -1, 32)'],
    ['1e6: x', { '1e+06': 'x' }, 'FormatFloat \'g\' uses an exponent from 1e6 on'],
    ['123456789.0: x', { '1.2345679e+08': 'x' }, 'FormatFloat with bitSize 32 rounds to a 32-bit float'],
    ['"on": x', { on: 'x' }, 'a quoted key stays a string'],
  ])('%s gives %p (%s)', (text, expected, _why) => {
    const { fast, full } = readBothRoutes(`${text}\n`);
    expect(full).toEqual([expected]);
    if (fast !== undefined) expect(fast).toEqual(full);
  });

  test.each(['~: x', 'null: x', '? \n: x'])('a null key (%j) is refused: "Unsupported map key of type: %%!s(<nil>)"', (text) => {
    expect(() => readYamlText(`${text}\n`)).toThrow(/line 1: cannot read document: error converting YAML to JSON: Unsupported map key of type: %!s\(<nil>\)/);
    expect(readDocumentsFast(`${text}\n`)).toBeUndefined();
  });
});

describe('merge keys: go-yaml v2 decode.go, mapping() and merge()', () => {
  test.each([
    ['a key before << is replaced by the merged one (merges write in document order)', 'b: &b {a: 1, c: 1}\nx:\n  a: 0\n  <<: *b\n', { a: 1, c: 1 }],
    ['a key after << replaces the merged one', 'b: &b {a: 1, c: 1}\nx:\n  <<: *b\n  a: 0\n', { a: 0, c: 1 }],
    ['of a list of maps, the earlier maps win ("Step backwards as earlier nodes take precedence")', 'x:\n  <<: [{a: 1}, {a: 2, c: 2}]\n', { a: 1, c: 2 }],
    ['a merged map\'s own merges apply first', 'b: &b {<<: {a: 1}, c: 1}\nx: {<<: *b, d: 1}\n', { a: 1, c: 1, d: 1 }],
    ['a quoted "<<" is an ordinary key', 'x: {"<<": {a: 1}}\n', { '<<': { a: 1 } }],
  ])('%s', (_name, text, x) => {
    const { fast, full } = readBothRoutes(text);
    expect((full[0] as { x: unknown }).x).toEqual(x);
    if (fast !== undefined) expect(fast).toEqual(full);
  });

  test('the YAML 1.1 merge of js-yaml and the yaml package keeps a key written before <<, unlike go-yaml v2', () => {
    const text = 'b: &b {a: 1}\nx:\n  a: 0\n  <<: *b\n';
    expect((jsyaml.load(text) as { x: unknown }).x).toEqual({ a: 0 });
    expect(YAML.parse(text, { version: '1.1', merge: true }).x).toEqual({ a: 0 });
    expect((readYamlTextValue(text)[0] as { x: unknown }).x).toEqual({ a: 1 });
  });

  test.each(['x: {<<: 1}\n', 'x: {<<: [1]}\n', 'l: &l [1]\nx: {<<: *l}\n'])(
    'a merge of anything but a map or a list of maps is refused (%j)',
    (text) => {
      expect(() => readYamlText(text)).toThrow('error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value');
    },
  );
});

describe('tabs: go-yaml v2 scannerc.go, yaml_parser_scan_to_next_token ("Tabs are allowed: in the flow context; in the block context, but not at the beginning of the line or after \'-\', \'?\', or \':\'")', () => {
  test.each([
    ['a:\tb\n', 'after ":"'],
    ['a:\n\tb: 1\n', 'at the start of a line'],
    ['- \tb\n', 'after "-"'],
    ['? \ta\n: b\n', 'after "?"'],
    ['a: 1\n\t\nb: 2\n', 'at the start of a line'],
    ['a: 1\n\t# comment\n', 'at the start of a line'],
  ])('%j is refused: a tab %s', (text, where) => {
    expect(() => readYamlText(text)).toThrow(`invalid YAML: found character that cannot start any token: a tab ${where}`);
  });

  test.each([
    ['a: b\t# comment\n', { a: 'b' }],
    ['a: [1,\n\t2]\n', { a: [1, 2] }],
    ['a: {b: 1,\tc: 2}\n', { a: { b: 1, c: 2 } }],
    ['a: "x\ty"\n', { a: 'x\ty' }],
    ['a: |\n  x\ty\n', { a: 'x\ty\n' }],
    ['a: b\t\n', { a: 'b' }],
    ['# a\tcomment\na: 1\n', { a: 1 }],
  ])('%j is read: the tab is text, flow-context space, or after a value', (text, value) => {
    expect(readYamlTextValue(text)).toEqual([value]);
  });
});

describe('tabs inside scalars\' indentation: go-yaml v2 scannerc.go, yaml_parser_scan_block_scalar_breaks and yaml_parser_scan_plain_scalar', () => {
  test.each([
    ['a: |\n\tx\n', 'found a tab character where an indentation space is expected: a tab in the indentation of a block scalar'],
    ['a: |\n  \tx\n', 'found a tab character where an indentation space is expected: a tab in the indentation of a block scalar'],
    ['a: >\n  x\n \ty\n', 'found a tab character where an indentation space is expected: a tab in the indentation of a block scalar'],
    ['a: |2\n \tx\n', 'found a tab character where an indentation space is expected: a tab in the indentation of a block scalar'],
    ['a: x\n\ty\n', 'found a tab character that violates indentation: a tab in the indentation of a multi-line plain scalar'],
    ['b:\n  a: x\n  \ty\n', 'found a tab character that violates indentation: a tab in the indentation of a multi-line plain scalar'],
  ])('%j is refused', (text, message) => {
    expect(() => readYamlText(text)).toThrow(`invalid YAML: ${message}`);
  });

  test.each([
    ['a: |\n  x\n  \ty\n', { a: 'x\n\ty\n' }],
    ['a: |2\n  \tx\n', { a: '\tx\n' }],
    ['a: x\n \ty\n', { a: 'x y' }],
    ['b:\n  a: x\n   \ty\n', { b: { a: 'x y' } }],
  ])('%j is read: the tab comes after the indentation, so it is text or space', (text, value) => {
    expect(readYamlTextValue(text)).toEqual([value]);
  });
});

describe('anchor and alias names: go-yaml v2 scannerc.go, yaml_parser_scan_anchor (letters, digits, "-" and "_")', () => {
  test.each([
    ['a: &x.y 1\nb: *x.y\n', 'the anchor name "x.y"'],
    ['a: &x 1\nb: *x\nc: &é 2\n', 'the anchor name "é"'],
  ])('%j is refused', (text, what) => {
    expect(() => readYamlText(text)).toThrow(`invalid YAML: did not find expected alphabetic or numeric character: ${what}`);
  });

  test('names of letters, digits, "-" and "_" are read', () => {
    expect(readYamlTextValue('a: &x-1_Y 1\nb: *x-1_Y\n')).toEqual([{ a: 1, b: 1 }]);
  });
});

describe('JSON: sigs.k8s.io/yaml ends with json.Marshal, which has no number for .inf or .nan', () => {
  test.each([['.inf', '+Inf'], ['-.inf', '-Inf'], ['.nan', 'NaN']])('%s is refused as kubectl refuses it', (text, go) => {
    expect(() => readYamlText(`a:\n  b: ${text}\n`)).toThrow(`line 2: error converting YAML to JSON: json: unsupported value: ${go}`);
  });
});

/**
 * The same inputs through `validate`, `connlist` and `Reachability.fromYaml`: a label value, a
 * port and a replica count, each written so YAML types it.
 */
describe('the same files through validate, connlist and Reachability.fromYaml', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-decoding-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function cluster(labelValue: string, port: string, replicas = '1'): string {
    return [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, namespace: shop}',
      'spec:', `  replicas: ${replicas}`, '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: c}]}',
      '---',
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api, namespace: shop}',
      'spec:', '  template:', '    metadata: {labels: {app: api, canary: "on"}}', '    spec: {containers: [{name: c}]}',
      '---',
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: api, namespace: shop}',
      'spec:', '  podSelector:', '    matchLabels:', '      app: api', `      canary: ${labelValue}`,
      '  ingress:', '    - from: [{podSelector: {matchLabels: {app: web}}}]', `      ports: [{port: ${port}}]`, '',
    ].join('\n');
  }

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  // A label value YAML reads as a non-string: kubectl's decoding refuses the policy.
  test.each([
    ['on', 'bool', 'the boolean true'],
    ['yes', 'bool', 'the boolean true'],
    ['n', 'bool', 'the boolean false'],
    ['1.10', 'number 1.1', 'the number 1.1'],
    ['010', 'number 8', 'the number 8'],
  ])('canary: %s is refused, and the fix quotes it as written', (text, goValue, became) => {
    const file = write(`label-${text}.yaml`, cluster(text, '80'));
    const message = `json: cannot unmarshal ${goValue} into Go struct field LabelSelector.spec.podSelector.matchLabels.canary of type string`;
    const fix = `quote the value: canary: ${JSON.stringify(text)} (unquoted, ${text} is read as ${became})`;

    const validated = runCli('validate', file);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`${file}:25: shop/api: spec.podSelector.matchLabels.canary: ${message}\n    fix: ${fix}\n`);

    const listed = runCli('connlist', file);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`${message}\n    fix: ${fix}\n`);
    expect(listed.stdout).not.toContain('shop/web[Deployment] => shop/api[Deployment] : TCP');

    const reach = Reachability.fromYaml(fs.readFileSync(file, 'utf8'));
    expect(reach.warnings.join('\n')).toContain(`NetworkPolicy shop/api is left out: the API server would reject it (spec.podSelector.matchLabels.canary: ${message} Fix: ${fix})`);
  });

  test.each([
    ['"on"', 'on'],
    ['canary', 'canary'],
    ['~', ''],
  ])('canary: %s is a string (or null, the empty string): accepted by all three', (text) => {
    const file = write(`label-ok-${text.replace(/\W/g, '_')}.yaml`, cluster(text, '80'));
    expect(runCli('validate', file).code).toBe(0);
    expect(runCli('connlist', file).code).toBe(0);
    expect(Reachability.fromYaml(fs.readFileSync(file, 'utf8')).warnings).toEqual([]);
  });

  // A port YAML reads as a number other than the digits suggest: all three evaluate that number.
  test.each([
    ['010', 8],
    ['0x50', 80],
    ['8_080', 8080],
    ['1e3', 1000],
  ])('port: %s is port %d', (text, port) => {
    const file = write(`port-${text}.yaml`, cluster('"on"', text));
    expect(runCli('validate', file).code).toBe(0);
    const listed = runCli('connlist', file);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`shop/web[Deployment] => shop/api[Deployment] : TCP ${port}\n`);
    const reach = Reachability.fromYaml(fs.readFileSync(file, 'utf8'));
    expect(reach.isAllowed(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(port))).toBe(true);
  });

  test('port: 80.5 is refused where an int32 (or IntOrString) belongs', () => {
    const file = write('port-float.yaml', cluster('"on"', '80.5'));
    const validated = runCli('validate', file);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('json: cannot unmarshal number 80.5 into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type intstr.IntOrString');
    expect(runCli('connlist', file).code).toBe(1);
    expect(Reachability.fromYaml(fs.readFileSync(file, 'utf8')).warnings.join('\n')).toContain('NetworkPolicy shop/api is left out');
  });

  test('replicas: 1.10 on a Deployment is refused by all three, with the text as written in the fix', () => {
    const file = write('replicas.yaml', cluster('"on"', '80', '1.10'));
    const message = 'json: cannot unmarshal number 1.1 into Go struct field DeploymentSpec.spec.replicas of type int32';
    const fix = 'replicas: 1.10 is read as the number 1.1; use a whole number, e.g. replicas: 1';
    const validated = runCli('validate', file);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`${file}:5: Deployment shop/web: spec.replicas: ${message}\n    fix: ${fix}\n`);
    const listed = runCli('connlist', file);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`${file}:5: Deployment shop/web: spec.replicas: ${message}\n    fix: ${fix}\n`);
    expect(listed.stderr).toContain('error: an object left out, as the API server would refuse it (a value of the wrong type, see above): Deployment shop/web');
    const reach = Reachability.fromYaml(fs.readFileSync(file, 'utf8'));
    expect(reach.warnings.join('\n')).toContain(`Deployment shop/web is left out: the API server would refuse it (spec.replicas: ${message} Fix: ${fix})`);
    expect(reach.workloads()).toEqual(['shop/api[Deployment]']);
  });

  test('a Pod label written `tier: off` is refused; Reachability.fromManifests, given the values, refuses it too', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\n  labels:\n    tier: off\nspec: {containers: [{name: c}]}\n';
    const file = write('pod.yaml', pod);
    const message = 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels.tier of type string';
    expect(runCli('validate', file).stdout).toContain(`${file}:7: Pod shop/p: metadata.labels.tier: ${message}\n    fix: quote the value: tier: "off"`);
    expect(runCli('connlist', file).stderr).toContain(`${file}:7: Pod shop/p: metadata.labels.tier: ${message}`);
    expect(Reachability.fromYaml(pod).warnings.join('\n')).toContain('Pod shop/p is left out');
    const values = readYamlTextValue(pod);
    expect(Reachability.fromManifests(values).warnings.join('\n')).toContain(`Pod shop/p is left out: the API server would refuse it (metadata.labels.tier: ${message} Fix: quote the value: tier: "false"`);
  });

  test('a misplaced tab stops validate and connlist with the line, and Reachability.fromYaml with an error', () => {
    const text = cluster('"on"', '80').replace('  podSelector:', '  podSelector:\t');
    const file = write('tab.yaml', text);
    for (const command of ['validate', 'connlist']) {
      const run = runCli(command, file);
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).toContain(`${file}:22: invalid YAML: found character that cannot start any token: a tab after ":"`);
    }
    expect(() => Reachability.fromYaml(text)).toThrow('line 22: invalid YAML: found character that cannot start any token');
  });

  test('a merge key writes over an earlier key in all three (go-yaml v2 order)', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny, namespace: shop}',
      'spec:', '  podSelector:', '    matchLabels:', '      app: web', '      <<: {app: api}', '  policyTypes: [Ingress]', '',
    ].join('\n');
    const deployments = cluster('"on"', '80').split('---\n').slice(0, 2).join('---\n');
    const file = write('merge.yaml', `${deployments}---\n${text}`);
    expect(runCli('validate', file).code).toBe(0);
    // The policy isolates app: api (merged last, over app: web): web stays open, api is closed.
    const listed = runCli('connlist', file);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('shop/api[Deployment] => shop/web[Deployment] : All Connections\n');
    expect(listed.stdout).not.toContain('shop/web[Deployment] => shop/api[Deployment]');
    const reach = Reachability.fromYaml(fs.readFileSync(file, 'utf8'));
    expect(reach.isAllowed(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(80))).toBe(false);
    expect(reach.isAllowed(Endpoint.workload('shop/api'), Endpoint.workload('shop/web'), Port.tcp(80))).toBe(true);
  });
});

describe('both routes agree on any scalar, as a value and as a key', () => {
  // Characters that make numbers, booleans and nulls, and YAML's indicators (quotes, anchors, tags, flow collections, comments).
  const scalar = fc.stringMatching(/^[-+0-9._xXoObBeE:yYnNtTfF~<a "#'&*!{}[\],|>?\\]{1,8}$/);

  function bothRoutes(text: string): { fast: unknown; full: unknown } | undefined {
    let full: unknown;
    try {
      full = readBothRoutes(text).full;
    } catch {
      // What the full route refuses, the fast route must refuse too.
      return { fast: readDocumentsFast(text), full: undefined };
    }
    const fast = readDocumentsFast(text);
    return fast === undefined ? undefined : { fast: fast.map((d) => d.value), full };
  }

  test('property: a plain scalar reads the same by both routes, or the fast route steps aside', () => {
    let compared = 0;
    fc.assert(fc.property(scalar, scalar, (value, key) => {
      for (const text of [`v: ${value}\n`, `${key}: v\n`, `m: {${key}: [${value}]}\n`]) {
        const read = bothRoutes(text);
        if (read) {
          expect(read.fast).toEqual(read.full);
          compared++;
        }
      }
    }), { numRuns: 2000 });
    // Most inputs are read by the fast route: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(1000);
  });
});
