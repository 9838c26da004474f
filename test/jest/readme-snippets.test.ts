import * as fs from 'fs';
import * as path from 'path';
import '../../src/jest';
import { Endpoint, Port, Reachability } from '../../src';
import { shopApp } from '../testing/shop-app';

const docPath = path.join(__dirname, '..', '..', 'docs', 'testing-reachability.md');

/** The TypeScript blocks after the first (which readme-example.test.ts runs as a whole file). */
function snippets(): string[] {
  const blocks = [...fs.readFileSync(docPath, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.slice(1);
}

describe('the smaller snippets of docs/testing-reachability.md', () => {
  test('there are two of them', () => {
    expect(snippets()).toHaveLength(2);
  });

  test.each(snippets().map((code, i) => [i + 1, code]))('snippet %d runs against the shop app without failing', (_, code) => {
    // The snippets are plain JavaScript apart from the imports they assume, which are passed in.
    const run = new Function('app', 'Reachability', 'Endpoint', 'Port', 'expect', code as string);

    expect(() => run(shopApp().app, Reachability, Endpoint, Port, expect)).not.toThrow();
  });

  test('the verdict fields the last snippet mentions have the documented values', () => {
    const reach = Reachability.of(shopApp().app);

    const verdict = reach.verdict(Endpoint.ip('203.0.113.7'), Endpoint.workload('shop/web'), Port.tcp(8080));

    expect(verdict.ingress.allowedBy).toEqual(['shop/lb-to-web spec.ingress[0].from[0] + spec.ingress[0].ports[0]']);
    expect(fs.readFileSync(docPath, 'utf8')).toContain("// e.g. ['shop/lb-to-web spec.ingress[0].from[0] + spec.ingress[0].ports[0]']");
  });
});
