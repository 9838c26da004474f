#!/usr/bin/env bash
# The library as a user gets it: pack it, install the tarball into a fresh cdk8s app (with
# cdk8s, cdk8s-plus-28, constructs, jest, ts-jest and TypeScript from the npm registry),
# synthesize a small app built with the constructs, run a jest test that uses the matchers
# (`import 'cdk8s-netpol/jest'`), import both entry points from a native ES module, and run
# the CLI on the synthesized YAML.
#
# Usage: scripts/consumer-app.sh [work-dir]
#   work-dir defaults to $TMPDIR/cdk8s-netpol-consumer-app; it is emptied first, so runs are
#   independent of each other. Set CONSUMER_KEEP=1 to keep it afterwards.
# Needs node, npm and the npm registry; exits 0 with a message when node or npm is missing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/cdk8s-netpol-consumer-app}"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "consumer-app: skipped, $tool is not installed"
    exit 0
  fi
done

step() { echo "consumer-app: $*"; }

rm -rf "$work"
mkdir -p "$work/pack" "$work/app/src" "$work/app/test" "$work/app/esm"
[ "${CONSUMER_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

step "packing the library (npm pack builds it with jsii first)"
(cd "$repo" && npm pack --silent --pack-destination "$work/pack" >/dev/null)
tarball="$(ls "$work"/pack/cdk8s-netpol-*.tgz)"
if tar -tzf "$tarball" | grep -E '^package/(cdk8s\.out|src|test|examples|bench|coverage|test-reports)/' >/dev/null; then
  echo "consumer-app: FAILED: the tarball holds files that are not part of the library:" >&2
  tar -tzf "$tarball" | grep -E '^package/(cdk8s\.out|src|test|examples|bench|coverage|test-reports)/' | head >&2
  exit 1
fi

cd "$work/app"
cat > package.json <<JSON
{
  "name": "netpol-consumer-app",
  "version": "0.0.0",
  "private": true,
  "scripts": {
    "synth": "tsc -p . && node dist/src/main.js",
    "test": "jest"
  },
  "dependencies": {
    "cdk8s": "^2.70.0",
    "cdk8s-netpol": "file:$tarball",
    "cdk8s-plus-28": "^2.5.6",
    "constructs": "^10.8.1"
  },
  "devDependencies": {
    "@types/jest": "^30",
    "@types/node": "^20",
    "jest": "^30",
    "ts-jest": "^29.4",
    "typescript": "~6.0.3"
  },
  "jest": {
    "preset": "ts-jest",
    "testEnvironment": "node",
    "testMatch": ["<rootDir>/test/**/*.test.ts"]
  }
}
JSON

cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "node16",
    "moduleResolution": "node16",
    "strict": true,
    "isolatedModules": true,
    "esModuleInterop": true,
    "skipLibCheck": true,
    "rootDir": ".",
    "outDir": "dist",
    "types": ["jest", "node"]
  },
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
JSON

cat > src/shop.ts <<'TS'
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, AllowTo, MonitoringPort, NamespaceBaseline, Namespaces, Peer, Pods, Port } from 'cdk8s-netpol';

/** A shop namespace: web calls api, api calls a payment provider, Prometheus scrapes both. */
export function shopApp(outdir = 'dist/manifests'): App {
  const app = new App({ outdir });
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  const metrics = { number: 9100, name: 'metrics' };
  const web = new kplus.Deployment(shop, 'web', {
    metadata: { name: 'web' },
    containers: [{ image: 'shop/web', portNumber: 8080, ports: [metrics] }],
  });
  const api = new kplus.Deployment(shop, 'api', {
    metadata: { name: 'api' },
    containers: [{ image: 'shop/api', portNumber: 8080, ports: [metrics] }],
  });

  new NamespaceBaseline(shop, 'baseline');
  new AllowFrom(shop, 'web-to-api', { destinations: Pods.of(api), sources: [Pods.of(web)], ports: [Port.tcp(8080)] });
  new AllowTo(shop, 'api-to-provider', { sources: Pods.of(api), destinations: [Peer.ipBlock('203.0.113.0/24')], ports: [Port.HTTPS] });
  new MonitoringPort(shop, 'metrics', {
    port: Port.named('metrics'),
    scrapers: [Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))],
  });
  return app;
}
TS

cat > src/main.ts <<'TS'
import { shopApp } from './shop';

shopApp().synth();
TS

cat > test/shop.test.ts <<'TS'
import { Endpoint, Port, Reachability } from 'cdk8s-netpol';
import 'cdk8s-netpol/jest';
import { shopApp } from '../src/shop';

test('web reaches the api, and nothing else is open', () => {
  const app = shopApp();

  expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080));
  expect(app).toDeny('shop/api', 'shop/web', Port.tcp(8080));
  expect(app).toAllow('shop/api', '203.0.113.9', Port.HTTPS);
  expect(app).toDeny('shop/web', 'internet', Port.HTTPS);
});

test('a failing matcher explains itself', () => {
  expect(() => expect(shopApp()).toAllow('shop/api', 'shop/web', Port.tcp(8080)))
    .toThrow(/to be allowed, but it is denied/);
});

test('the jsii API answers the same', () => {
  const reach = Reachability.of(shopApp());
  expect(reach.isAllowed(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(8080))).toBe(true);
});
TS

cat > esm/package.json <<'JSON'
{ "name": "netpol-esm-check", "private": true, "type": "module" }
JSON
cat > esm/check.js <<'JS'
// Native ESM: both entry points resolve through the package's exports map. Plain JavaScript,
// as a user without TypeScript writes it: a cdk8s-plus workload passed as a peer as it is.
import 'cdk8s-netpol/jest';
import * as matchers from 'cdk8s-netpol/jest';
import { AllowFrom, NamespaceBaseline, Port } from 'cdk8s-netpol';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

function fail(message) {
  console.error(`consumer-app: FAILED: ${message}`);
  process.exit(1);
}

if (typeof AllowFrom !== 'function' || Port.tcp(8080).toString() !== 'TCP 8080' || typeof matchers.toAllow !== 'function') {
  fail('the ES module imports do not expose the library');
}
const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web' }] });
const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8080 }] });
new NamespaceBaseline(chart, 'baseline');
new AllowFrom(chart, 'web-to-api', { destinations: api, sources: [web], ports: [Port.tcp(8080)] });
const names = Testing.synth(chart).filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata.name).filter((n) => n.startsWith('web-to-api'));
if (names.sort().join(',') !== 'web-to-api,web-to-api-egress') fail(`expected both ends for plain workloads, got ${names}`);
try {
  new AllowFrom(chart, 'open', { destinations: api, ports: [Port.tcp(5432)] });
  fail('a missing sources prop was accepted');
} catch (e) {
  if (!/shop\/open: AllowFrom sources: is undefined/.test(e.message)) fail(`unexpected error: ${e.message}`);
}
console.log('consumer-app: ESM import of cdk8s-netpol and cdk8s-netpol/jest, workloads as peers, missing props refused: ok');
JS

step "installing the tarball and the app's dependencies from the npm registry"
# Fresh package metadata (--prefer-online): a cached list of a package's versions can be older
# than a package that needs a newer one (seen: ETARGET for @babel/types@^7.29.17 from a cache of
# the week before); a registry that stumbles gets two more tries.
installed=false
for attempt in 1 2 3; do
  if npm install --prefer-online --no-audit --no-fund --loglevel=error >install.log 2>&1; then installed=true; break; fi
  echo "consumer-app: npm install failed (attempt $attempt of 3)" >&2
  sleep $((attempt * 10))
done
$installed || { cat install.log >&2; echo "consumer-app: FAILED: npm install" >&2; exit 1; }

step "synthesizing"
npm run --silent synth
count="$(grep -c '^kind: NetworkPolicy' dist/manifests/*.yaml | awk -F: '{ s += $NF } END { print s }')"
if [ "$count" -lt 5 ]; then
  echo "consumer-app: FAILED: expected at least 5 NetworkPolicies in dist/manifests, found $count" >&2
  exit 1
fi
step "synthesized $count NetworkPolicies"

step "running jest with the matchers"
npx jest --ci 2>&1

step "importing from a native ES module"
node esm/check.js

step "running the CLI on the synthesized YAML"
npx cdk8s-netpol validate dist/manifests
npx cdk8s-netpol connlist dist/manifests >/dev/null

step "passed"
