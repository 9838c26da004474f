import { cdk8s, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const quietJsii = { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-netpol',
  description:
    'Kubernetes NetworkPolicies as typed cdk8s constructs: validated at synth time, with an embedded evaluator, reachability assertions and a CLI.',
  author: 'cdk8s-netpol authors',
  authorAddress: 'cdk8s-netpol@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk8s-netpol/cdk8s-netpol.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdk8s', 'kubernetes', 'networkpolicy', 'network-policy', 'security', 'jsii'],
  license: 'Apache-2.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.3',
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.8.1',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  devDeps: [
    'cdk8s-plus-28@2.5.6',
    'fast-check@^4',
    '@types/js-yaml@^4',
    // The reference evaluator (a test oracle) parses addresses with a library of its own.
    'ipaddr.js@^2',
    // A second opinion on cluster-policy validation: the upstream CRDs' openAPIV3Schema, checked by a JSON-schema validator.
    'ajv@^8',
    'jsii-rosetta@~6.0.0',
    'jsii-docgen@^10',
    'jsii-pacmak@^1.140',
    '@types/node@^20',
    // Mutation testing (`npm run mutation`); 9.x is the last line that runs on Node 20.
    // Unused files, exports and dependencies (part of the eslint step).
    'knip@^6',
    '@stryker-mutator/core@~9.6.1',
    '@stryker-mutator/jest-runner@~9.6.1',
    // scripts/mutation-sample.mjs lists the mutants with Stryker's instrumenter and adds an ignorer plugin.
    '@stryker-mutator/instrumenter@~9.6.1',
    '@stryker-mutator/api@~9.6.1',
    // Drives Debian's chromium in the HTML report's browser tests (test/browser, scripts/ci-browser.sh).
    'playwright-core@^1.50',
    // Renders the Mermaid output in chromium in the browser tests, as GitHub would (the dist bundle, loaded from disk).
    'mermaid@^11',
  ],
  // @viz-js/viz: Graphviz compiled to WebAssembly for `--format svg|html`, so no system Graphviz
  // is needed. Chosen over @hpcc-js/wasm-graphviz because it ships a CommonJS build (jsii output
  // is CommonJS), has no dependencies and inlines its WASM, so bundling it needs no extra files.
  // @streamparser/json: a synchronous streaming JSON parser (the CLI reads synchronously), for JSON files over Node's string limit.
  bundledDeps: ['yaml@^2', 'js-yaml@^4', 'commander@^14', '@viz-js/viz@^3', '@streamparser/json@^0.0.26'],
  bin: { 'cdk8s-netpol': 'bin/cdk8s-netpol' },

  // The other jsii languages: `npm run package-all` builds each into dist/ (see scripts/ci-languages.sh).
  publishToPypi: { distName: 'cdk8s-netpol', module: 'cdk8s_netpol' },
  publishToMaven: { mavenGroupId: 'io.github.cdk8s-netpol', mavenArtifactId: 'cdk8s-netpol', javaPackage: 'io.github.cdk8snetpol' },
  publishToGo: { moduleName: 'github.com/cdk8s-netpol/cdk8s-netpol-go' },
  publishToNuget: { dotNetNamespace: 'Cdk8sNetpol', packageId: 'Cdk8sNetpol' },

  // Nothing here can reach GitHub or a package registry for publishing.
  github: false,
  release: false,
  depsUpgrade: false,
  clobber: false,
  compat: false,
  package: false,

  // `npm test` runs eslint as a check only: a test command must never rewrite the tree (`npm run eslint:fix` fixes).
  // The cache (under node_modules, so never committed and empty on a fresh clone) keeps the local loop short.
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'build-tools', 'projenrc'],
    commandOptions: { fix: false, extraArgs: ['--cache', '--cache-location', 'node_modules/.cache/eslint/'] },
  },

  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
      // The Python, Java and Go smoke suites are run by scripts/ci-languages.sh, not by jest.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/languages/(python|java|go)/'],
      modulePathIgnorePatterns: ['<rootDir>/test/languages/(python|java|go)/', '<rootDir>/dist/'],
      // jest's default leaves one core idle; on a 2-core machine that doubles the suite's time.
      maxWorkers: '100%',
    },
  },
  tsconfigDev: {
    compilerOptions: {},
    include: ['../examples/**/*.ts', '../bench/**/*.ts'],
  },
  gitignore: ['cdk8s.out/', '/bench/out/', '.jsii.tabl.json', 'reports/mutation/', '.stryker-tmp/'],
});

// jsii prints a long end-of-life banner on Node 20; it drowns real warnings.
for (const [key, value] of Object.entries(quietJsii)) project.tasks.addEnvironment(key, value);

// The rooms of src/, from the bottom up: a room imports only rooms below it (checked by eslint).
const rooms = ['net', 'reader', 'model', 'validation', 'phrases', 'describe', 'eval', 'report', 'values', 'testing', 'lint', 'constructs', 'jest', 'cli'];
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: rooms.map((room, index) => ({
      target: `./src/${room}`,
      from: rooms.slice(index + 1).map((above) => `./src/${above}`),
      message: `src/${room} sits below these rooms and must not import them (see .projenrc.ts)`,
    })),
  }],
});

// Coverage is two thirds of the suite's time: it is collected in CI only (CI=true), so the local loop stays short.
project.testTask.reset('bash -c \'jest --passWithNoTests --ci --coverage=${CI:-false} "$@"\' jest', { receiveArgs: true });
project.testTask.spawn(project.tasks.tryFind('eslint')!);
// Unused files, exports and dependencies fail the tests, as lint errors do.
project.testTask.spawn(project.addTask('knip', { description: 'Find unused files, exports and dependencies', exec: 'knip --no-progress' }));

for (const path of ['/examples/', '/bench/', '/docs/', '/.ci/', '/scripts/']) project.addPackageIgnore(path);

project.addTask('eslint:fix', {
  description: 'Runs eslint and fixes what it can (the `eslint` task, which `npm test` runs, only checks)',
  exec: 'eslint --ext .ts,.tsx --fix --no-error-on-unmatched-pattern src test build-tools projenrc .projenrc.ts',
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
});

// Entry points: the library and `cdk8s-netpol/jest`, for CommonJS `require` and native ESM `import`
// alike (the files are CommonJS; Node's ESM loader reads their named exports). `./lib/*` keeps deep
// imports of compiled modules working, `./.jsii` is the assembly that jsii tooling reads.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './jest': { types: './jest.d.ts', default: './jest.js' },
  './jest.js': { types: './jest.d.ts', default: './jest.js' },
  './lib/*.js': './lib/*.js',
  './lib/*': './lib/*.js',
  './package.json': './package.json',
  './.jsii': './.jsii',
});

// What the tarball holds, as an allow-list: build output, the entry points and the docs, never
// local leftovers such as cdk8s.out/ from `npm run examples` (bundled dependencies are added by npm).
project.package.addField('files', [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  'bin/',
  'jest.js',
  'jest.d.ts',
  '.jsii',
  'API.md',
]);

project.addTask('examples', {
  description: 'Synthesize every example into cdk8s.out/ and print its reachability',
  exec: 'ts-node --project test/tsconfig.json examples/run-all.ts',
});

project.addTask('bench', {
  description: 'Benchmark the evaluator, synthesis and the CLI (pass -- --quick for a short run)',
  exec: 'ts-node --transpile-only --project test/tsconfig.json bench/bench.ts',
  receiveArgs: true,
});

project.addTask('consumer-app', {
  description: 'Pack the library, install it into a fresh cdk8s app, synthesize, run jest with the matchers and an ESM import (needs the npm registry)',
  exec: 'bash scripts/consumer-app.sh',
  receiveArgs: true,
});

project.addTask('mutation', {
  description: 'Mutation testing of the evaluator, the query API, the matchers and validation (slow; not part of CI)',
  exec: 'stryker run',
  receiveArgs: true,
});

project.addTask('mutation:sample', {
  description: 'Mutation score of a seeded random sample of the mutants `mutation` tests (`-- --size 400 --seed 1 --minutes 60`), with its 95% interval; resumes at the next batch',
  exec: 'node scripts/mutation-sample.mjs',
  receiveArgs: true,
});

project.addTask('conformance', {
  description: "Compare `connlist` with netpol-analyzer's expected connectivity (needs ../shared/oracle)",
  exec: 'bash scripts/conformance.sh',
  receiveArgs: true,
});

// The version `cdk8s-netpol --version` prints and the packages carry (no release tooling runs here).
project.package.addVersion('0.5.0');

// `npx cdk8s-netpol` must work right after `npm ci`, so the library is compiled on install.
project.package.setScript('prepare', 'JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 jsii --silence-warnings=reserved-word');

// One pacmak run builds the wheel, the jar and the Go module side by side (one npm pack, targets in
// parallel); .NET is generated only (`--code-only`), since no .NET SDK is assumed to build it.
// Maven Central as reached here lacks cdk8s-plus-28 and the Go module proxy lacks cdk8s-core-go, so
// those bindings are generated from the npm packages' jsii assemblies next to ours (dist/java is a
// Maven repository, dist/go holds both Go modules); the smoke suites in test/languages use them.
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
packageAll.spawn(project.tasks.tryFind('package:js')!);
packageAll.spawn(project.tasks.tryFind('package:python')!);
packageAll.spawn(project.tasks.tryFind('package:java')!);
packageAll.spawn(project.tasks.tryFind('package:go')!);
packageAll.spawn(project.tasks.tryFind('package:dotnet')!);
// Takes pacmak options, e.g. `--maven-local-repository DIR` (scripts/ci-languages.sh passes MAVEN_REPO_LOCAL).
project.tasks.tryFind('package:java')!.reset('jsii-pacmak -v --target java --outdir dist . node_modules/cdk8s-plus-28', { receiveArgs: true });
project.tasks.tryFind('package:go')!.reset('jsii-pacmak -v --code-only --target go --outdir dist . node_modules/cdk8s node_modules/cdk8s-plus-28');
// `npm run build` packages the npm tarball only, so it needs no Python, Maven or Go; the other
// languages are built by `npm run package-all` (or scripts/ci-languages.sh, which also tests them).
const packageTask = project.tasks.tryFind('package')!;
packageTask.reset();
packageTask.spawn(project.tasks.tryFind('package:js')!);
// No .NET SDK is assumed: the C# code is generated, not built.
project.tasks.tryFind('package:dotnet')!.reset('jsii-pacmak -v --code-only --target dotnet');

// No published version to compare against, and no registry to publish to.
project.removeTask('compat');
project.deps.removeDependency('jsii-diff');

project.synth();
