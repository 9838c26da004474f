/** Change review in unit tests: Reachability.diff, toWidenOnly and the snapshot serializer. */
import { Reachability } from '../../src';
import { reachabilitySnapshot } from '../../src/jest';

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name, ports: [{ containerPort: 8080 }] }] } } },
});
const allowIn = (to: string, from: string, port: number) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: `${from}-to-${to}`, namespace: 'shop' },
  spec: { podSelector: { matchLabels: { app: to } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: from } } }], ports: [{ port }] }] },
});
const denyIngress = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny', namespace: 'shop' },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
};
const base = [deployment('web'), deployment('api'), deployment('db'), denyIngress, allowIn('api', 'web', 8080)];
const before = () => Reachability.fromManifests(base);
const after = () => Reachability.fromManifests([...base, allowIn('db', 'api', 5432), allowIn('db', 'web', 5432)]);

test('Reachability.diff lists each changed pair with the connections before and after', () => {
  const diff = Reachability.diff(before(), after());
  expect(diff.changes.map((c) => c.toString())).toEqual([
    'diff-type: added, source: shop/api[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: TCP 5432',
    'diff-type: added, source: shop/web[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: TCP 5432',
  ]);
  expect(diff.widenings).toHaveLength(2);
  expect(Reachability.diff(after(), before()).widenings).toEqual([]);
  expect(Reachability.diff(before(), before()).isEmpty).toBe(true);
});

test('a diff prints as netpol-analyzer\'s diff, and as nothing when nothing changed', () => {
  expect(Reachability.diff(before(), after()).toString()).toBe([
    'Connectivity diff:',
    'diff-type: added, source: shop/api[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: TCP 5432',
    'diff-type: added, source: shop/web[Deployment], destination: shop/db[Deployment], ref1: No Connections, ref2: TCP 5432',
    '',
  ].join('\n'));
  expect(Reachability.diff(before(), before()).toString()).toBe('');
});

test('a diff draws itself as Mermaid and DOT, its added edges styled as added', () => {
  const diff = Reachability.diff(before(), after());
  const mermaid = diff.toMermaid().split('\n');
  expect(mermaid[0]).toBe('flowchart LR');
  expect(mermaid).toContain('    n0["api[Deployment]"]');
  expect(mermaid).toContain('  n0 ==>|"TCP 5432"| n1');
  expect(mermaid).toContain('  n2 ==>|"TCP 5432"| n1');
  expect(mermaid).toContain('  linkStyle 0 stroke:#1a7f37,stroke-width:2px');
  expect(diff.toDot()).toContain('"shop/web[Deployment]" -> "shop/db[Deployment]" [label="TCP 5432", color="#1a7f37", fontcolor="#1a7f37", style=solid, penwidth=2];');
});

test('toWidenOnly passes when every widening is expected, and fails listing the others', () => {
  expect(after()).toWidenOnly(before(), ['shop/api -> shop/db', 'shop/web -> shop/db']);
  expect(() => expect(after()).toWidenOnly(before(), ['shop/api -> shop/db'])).toThrow(
    'Expected the change to widen only shop/api -> shop/db, but it also allows:\n  shop/web[Deployment] -> shop/db[Deployment]: No Connections => TCP 5432',
  );
  expect(before()).toWidenOnly(after(), []);
  expect(() => expect(after()).toWidenOnly(before(), ['shop/api'])).toThrow('is not "source -> destination"');
});

test('toWidenOnly with nothing expected fails listing every widening, one per line', () => {
  expect(() => expect(after()).toWidenOnly(before(), [])).toThrow(
    'Expected the change to widen only nothing, but it also allows:\n'
    + '  shop/api[Deployment] -> shop/db[Deployment]: No Connections => TCP 5432\n'
    + '  shop/web[Deployment] -> shop/db[Deployment]: No Connections => TCP 5432',
  );
});

test('.not.toWidenOnly fails when the change widens no more than listed, saying so', () => {
  expect(after()).not.toWidenOnly(before(), ['shop/api -> shop/db']);
  expect(() => expect(after()).not.toWidenOnly(before(), ['shop/api -> shop/db', 'shop/web -> shop/db'])).toThrow(
    'Expected the change to widen more than shop/api -> shop/db, shop/web -> shop/db, but it widens only that.',
  );
  expect(() => expect(before()).not.toWidenOnly(before(), [])).toThrow(
    'Expected the change to widen more than nothing, but it widens only that.',
  );
});

test('toWidenOnly matches a listed workload with any kind, and a listed kind exactly', () => {
  expect(after()).toWidenOnly(before(), ['shop/api[Deployment] -> shop/db', 'shop/web -> shop/db[Deployment]']);
  expect(() => expect(after()).toWidenOnly(before(), ['shop/api[StatefulSet] -> shop/db', 'shop/web -> shop/db']))
    .toThrow('but it also allows:\n  shop/api[Deployment] -> shop/db[Deployment]');
});

test.each([
  ['no arrow', 'shop/api'],
  ['no destination', 'shop/api -> '],
  ['no source', ' -> shop/db'],
  ['two arrows', 'shop/web -> shop/api -> shop/db'],
  ['not a string', 42],
])('toWidenOnly refuses an expected pair with %s', (_name, text) => {
  expect(() => expect(after()).toWidenOnly(before(), [text as string]))
    .toThrow(`toWidenOnly: ${JSON.stringify(text)} is not "source -> destination", e.g. "shop/web -> shop/db".`);
});

test('toWidenOnly needs an App, a Chart or a Reachability on both sides', () => {
  expect(() => expect(after()).toWidenOnly({} as Reachability, [])).toThrow('expect(...).toWidenOnly() needs a cdk8s App, a Chart or a Reachability');
  expect(() => expect('after').toWidenOnly(before(), [])).toThrow('expect(...).toWidenOnly() needs a cdk8s App, a Chart or a Reachability, but got string "after"');
});

test('the snapshot serializer stores the sorted matrix, so a widening is an added line', () => {
  expect(reachabilitySnapshot.test(before())).toBe(true);
  expect(reachabilitySnapshot.test('text')).toBe(false);
  const lines = (r: Reachability) => reachabilitySnapshot.serialize(r).split('\n');
  const added = lines(after()).filter((l) => !lines(before()).includes(l));
  expect(added).toEqual(['shop/api[Deployment] -> shop/db[Deployment] : TCP 5432', 'shop/web[Deployment] -> shop/db[Deployment] : TCP 5432']);
  expect(lines(before())[0]).toBe('Reachability');
  expect(reachabilitySnapshot.serialize(before())).toBe([
    'Reachability',
    'shop/api[Deployment] -> internet : All Connections',
    'shop/db[Deployment] -> internet : All Connections',
    'shop/web[Deployment] -> internet : All Connections',
    'shop/web[Deployment] -> shop/api[Deployment] : TCP 8080',
  ].join('\n'));
});
