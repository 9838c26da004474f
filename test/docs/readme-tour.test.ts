import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import * as netpol from '../../src';
import { Lint } from '../../src';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The first TypeScript block of a README section, run with the package imports mapped to the sources; returns its `app`. */
function runSection(heading: string): App {
  const section = readme.slice(readme.indexOf(heading));
  const code = /```ts\n([\s\S]*?)```/.exec(section)![1].replace(/^app\.synth\(\);$/m, '') + '\nexports.app = app;\n';
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: { [name: string]: unknown } = {
    'cdk8s': cdk8s,
    'cdk8s-plus-28': kplus,
    'cdk8s-netpol': netpol,
  };
  const exported: { app?: App } = {};
  new Function('require', 'exports', js)((name: string) => modules[name], exported);
  return exported.app!;
}

describe('the README', () => {
  test('trap: the tour of the constructs triggered a named-port-not-declared warning; it is warning-free', () => {
    const app = runSection('## A tour of the constructs');

    expect(Lint.of(app).filter((f) => f.severity !== 'info').map(Lint.format)).toEqual([]);
    expect(app.synthYaml()).toContain('name: web-to-api-egress');
  });

  test('shows the errors the constructs really throw for missing and unknown props', () => {
    const chart = new cdk8s.Chart(new App(), 'shop', { namespace: 'shop' });
    const section = readme.slice(readme.indexOf('### Props are checked when a construct is created'));
    const documented = /```\n([\s\S]*?)```/.exec(section)![1].trimEnd().split('\n');

    const errors = [
      () => new netpol.AllowFrom(chart, 'x', { destinations: netpol.Pods.all() } as unknown as netpol.AllowFromProps),
      () => new netpol.NetworkPolicy(chart, 'p', { podSelector: netpol.Pods.all() } as unknown as netpol.NetworkPolicyProps),
    ].map((build) => {
      try {
        build();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    });
    expect(errors).toEqual(documented);
  });
});
