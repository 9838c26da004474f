import * as fs from 'fs';
import * as path from 'path';
// The benchmark is a development tool: it may use the TypeScript compiler the project builds with.
// eslint-disable-next-line import/no-extraneous-dependencies
import * as ts from 'typescript';

/** The repository root (bench/..). */
export const REPO_ROOT = path.resolve(__dirname, '..');
/** Where the benchmark puts its compiled JavaScript (ignored by git). */
export const OUT_DIR = path.join(REPO_ROOT, 'bench', 'out', 'js');

/**
 * Transpiles src/, bench/ and the reference evaluator (a test oracle in test/) to plain JavaScript under bench/out/js (same target and module
 * format as the published build), so that measured child processes run on plain `node`:
 * no TypeScript compiler in their memory or start-up time. Module imports such as `yaml`
 * still resolve to the repository's node_modules, as bench/out is inside the repository.
 */
export function compileForChildren(): void {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    experimentalDecorators: true,
    resolveJsonModule: true,
  };
  const files = [
    ...tsFiles(path.join(REPO_ROOT, 'src')),
    ...tsFiles(path.join(REPO_ROOT, 'bench')),
    path.join(REPO_ROOT, 'test', 'eval', 'reference-evaluator.ts'),
  ];
  {
    for (const file of files) {
      const relative = path.relative(REPO_ROOT, file);
      const target = path.join(OUT_DIR, relative.replace(/\.ts$/, '.js'));
      const output = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    }
  }
}

function tsFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'out') found.push(...tsFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      found.push(full);
    }
  }
  return found;
}
