// The jest example of docs/testing-reachability.md ("Testing reachability" in the README),
// verbatim except that the package imports point at the sources. The last test keeps the two
// identical, so the documented example always runs as written.
import * as fs from 'fs';
import * as path from 'path';
// example:start
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, NamespaceBaseline, Pods, Port, Reachability } from '../../src';
import '../../src/jest';

function shop(): App {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'shop/web', portNumber: 8080 }] });
  const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'shop/api', portNumber: 8080 }] });
  new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres', portNumber: 5432 }] });

  new NamespaceBaseline(chart, 'baseline'); // deny everything, then allow DNS
  // api accepts web on 8080, and web may send it (both ends: web's egress is locked down too)
  new AllowFrom(chart, 'web-to-api', { destinations: Pods.of(api), sources: [Pods.of(web)], ports: [Port.tcp(8080)] });
  return app;
}

test('web reaches the api, and nothing else is open', () => {
  const app = shop();

  expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080));
  expect(app).toDeny('shop/web', 'shop/db', Port.POSTGRES);
  expect(app).toDeny('shop/api', 'shop/web', Port.tcp(8080));
  expect(app).toDeny('internet', 'shop/web', Port.tcp(8080));
  expect(app).toDeny('shop/api', 'internet', Port.HTTPS);
});

test('the reachability matrix', () => {
  const matrix = Reachability.of(shop()).matrix();

  expect(matrix).toContain('shop/web[Deployment] -> shop/api[Deployment] : TCP 8080\n');
  expect(matrix).toMatchSnapshot();
});
// example:end

describe('the documented example', () => {
  test('is the first TypeScript block of docs/testing-reachability.md, with the package imports mapped to the sources', () => {
    const docPath = path.join(__dirname, '..', '..', 'docs', 'testing-reachability.md');
    const documented = /```ts\n([\s\S]*?)```/.exec(fs.readFileSync(docPath, 'utf8'))![1]
      .replace("'cdk8s-netpol/jest'", "'../../src/jest'")
      .replace("'cdk8s-netpol'", "'../../src'");
    const source = fs.readFileSync(__filename, 'utf8');
    const example = source.slice(source.indexOf('// example:start\n') + '// example:start\n'.length, source.indexOf('// example:end'));

    expect(example).toBe(documented);
  });

  test('is also the jest example of the README', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Testing reachability'));
    const inReadme = /```ts\n([\s\S]*?)```/.exec(section)![1];
    const inDocs = /```ts\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'testing-reachability.md'), 'utf8'))![1];

    expect(inReadme).toBe(inDocs);
  });

  test('prints the failure the README shows', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const documented = /A failing assertion explains itself[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1];

    expect(() => expect(shopWithoutBothEnds()).toAllow('shop/web', 'shop/api', Port.tcp(8080))).toThrow(documented.trimEnd());
  });

  test('prints the documented failure when web may not send to the api', () => {
    const docPath = path.join(__dirname, '..', '..', 'docs', 'testing-reachability.md');
    const documented = /With a one-sided allow[\s\S]*?```\n([\s\S]*?)```/.exec(fs.readFileSync(docPath, 'utf8'))![1];

    expect(() => expect(shopWithoutBothEnds()).toAllow('shop/web', 'shop/api', Port.tcp(8080))).toThrow(documented.trimEnd());
  });
});

/** The documented app with a one-sided allow (`bothEnds: false`). */
function shopWithoutBothEnds(): App {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'shop/web', portNumber: 8080 }] });
  const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'shop/api', portNumber: 8080 }] });
  new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres', portNumber: 5432 }] });
  new NamespaceBaseline(chart, 'baseline');
  new AllowFrom(chart, 'web-to-api', { destinations: Pods.of(api), sources: [Pods.of(web)], ports: [Port.tcp(8080)], bothEnds: false });
  return app;
}
