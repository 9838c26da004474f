/**
 * Confirmed discrepancies between the library and Kubernetes. These tests state what
 * Kubernetes does and FAIL until the library is fixed; each names the spec section or upstream
 * source it relies on.
 */
import * as path from 'path';
import { endpoint, namespace, pod, policy } from './objects';
import { Reachability } from '../../src/testing/reachability';
import { NetworkPolicyValidator } from '../../src/validation/validator';
import { Port } from '../../src/values/port';
import { runCli } from '../cli/run-cli';

/**
 * The API server decodes JSON null inside a map[string]string or []string as "" (Go
 * encoding/json semantics, which sigs.k8s.io/json keeps; kubernetes/kubernetes#129257 makes
 * kubectl coerce null label values to "" "to match json decoding behavior and server-side
 * behavior"). So `matchLabels: {env: }` in YAML is stored as `env: ""` and matches pods whose
 * env label is the empty string (spec B.5). The validator already accepts these selectors, and
 * the cluster model already reads a null *pod* label as "".
 */
describe('null inside a selector reads as the empty string', () => {
  const cluster = (peerSelector: any): any[] => [
    namespace('x'),
    pod('x/a', { pod: 'a' }),
    pod('x/b', { pod: 'b', env: '' }),
    pod('x/c', { pod: 'c' }),
    policy('x/p', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: peerSelector }] }] }),
  ];

  test('matchLabels {env: null} admits a pod labelled env="" (and not a pod without env)', () => {
    const selector = { matchLabels: { env: null } };
    expect(NetworkPolicyValidator.isValid(policy('x/p', { podSelector: selector }))).toBe(true);
    const reach = Reachability.fromManifests(cluster(selector));
    expect(reach.isAllowed(endpoint('x/b'), endpoint('x/a'), Port.tcp(80))).toBe(true);
    expect(reach.isAllowed(endpoint('x/c'), endpoint('x/a'), Port.tcp(80))).toBe(false);
  });

  test('matchExpressions In with values [null] admits a pod labelled env=""', () => {
    const selector = { matchExpressions: [{ key: 'env', operator: 'In', values: [null] }] };
    expect(NetworkPolicyValidator.isValid(policy('x/p', { podSelector: selector }))).toBe(true);
    const reach = Reachability.fromManifests(cluster(selector));
    expect(reach.isAllowed(endpoint('x/b'), endpoint('x/a'), Port.tcp(80))).toBe(true);
    expect(reach.isAllowed(endpoint('x/c'), endpoint('x/a'), Port.tcp(80))).toBe(false);
  });

  test('connlist: a YAML selector `env:` with no value admits the pod labelled env: ""', () => {
    const run = runCli('connlist', path.join(__dirname, 'fixtures', 'null-label-value.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('x/b[Pod] => x/a[Pod] : All Connections\n');
  });
});

/**
 * A NetworkPolicy the API server rejects never exists in a cluster, so it can neither isolate
 * nor allow anything (spec A.0 step 3). `cdk8s-netpol connlist` leaves such policies out
 * (docs/cli.md); Reachability.fromManifests evaluates them anyway (the invalid port entry
 * degrades to "matches nothing" but the policy still isolates its pods) and says nothing in
 * `warnings`, so the same YAML answers differently in the CLI and in a unit test.
 */
describe('a policy the API server rejects', () => {
  const objects = [
    namespace('x'),
    pod('x/a', { pod: 'a' }),
    pod('x/b', { pod: 'b' }),
    policy('x/bad', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 0 }] }] }),
  ];

  test('does not isolate its pods in Reachability.fromManifests, as in connlist', () => {
    expect(NetworkPolicyValidator.isValid(objects[3])).toBe(false);
    const reach = Reachability.fromManifests(objects);
    expect(reach.isAllowed(endpoint('x/b'), endpoint('x/a'), Port.tcp(80))).toBe(true);
  });

  test('is at least reported in Reachability.warnings', () => {
    const reach = Reachability.fromManifests(objects);
    expect(reach.warnings.join('\n')).toContain('x/bad');
  });
});
