/**
 * Discrepancies between the library and Kubernetes that the audit found, each pinned by the
 * test that reproduced it and names the docs/semantics.md section or upstream source it relies on.
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { endpoint, namespace, pod, policy } from './objects';
import { Describe } from '../../src/describe/describe';
import { Reachability } from '../../src/testing/reachability';
import { HostNetworkMode } from '../../src/testing/reachability-options';
import { NetworkPolicyValidator } from '../../src/validation/validator';
import { Port } from '../../src/values/port';
import { runCli } from '../cli/run-cli';

/**
 * The API server decodes JSON null inside a map[string]string or []string as "" (Go
 * encoding/json semantics, which sigs.k8s.io/json keeps; kubernetes/kubernetes#129257 makes
 * kubectl coerce null label values to "" "to match json decoding behavior and server-side
 * behavior"). So `matchLabels: {env: }` in YAML is stored as `env: ""` and matches pods whose
 * env label is the empty string (docs/semantics.md#label-selectors). The validator already accepts these selectors, and
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

  test('describe prints a=null where the evaluator uses "": a null label value reads as the empty string', () => {
    const run = runCli('describe', path.join(__dirname, 'fixtures', 'null-label-value.yaml'));
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/=null|\(null/);
    expect(run.stdout).toContain('env=""');
  });

  test('describe reads matchExpressions values [null] as "" too', () => {
    const text = Describe.manifest(policy('x/p', {
      podSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: [null] }] },
    }));
    expect(text).not.toMatch(/=null|\(null/);
    expect(text).toContain('env=""');
  });
});

/**
 * A NetworkPolicy the API server rejects never exists in a cluster, so it can neither isolate
 * nor allow anything (docs/semantics.md#defaulting). `cdk8s-netpol connlist` leaves such policies out
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

  test('written by cdk8s-plus (NetworkPolicyPort.allTcp() emits port: 0) makes Reachability.of(app) throw with the error', () => {
    // Spec C.2: allTcp() renders {port: 0, endPort: 65535}, which the API server rejects
    // (cdk8s-team/cdk8s-plus#4395). Reachability.of(app) answers as if the policy existed.
    const app = new App();
    const chart = new Chart(app, 'c', { namespace: 'x' });
    const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'w', portNumber: 8080 }] });
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'a', portNumber: 8080 }] });
    const np = new kplus.NetworkPolicy(chart, 'np', { metadata: { name: 'api-in' }, selector: api, ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY } });
    np.addIngressRule(web, [kplus.NetworkPolicyPort.allTcp()]);
    const rendered = app.synthYaml();
    expect(rendered).toContain('port: 0');
    expect(() => Reachability.of(app)).toThrow(/c\/np\/Resource\] spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 0/);
  });
});

/**
 * With `hostNetwork: AS_NODE` a hostNetwork pod is node traffic (docs/semantics.md#special-traffic, docs/evaluator.md:
 * "their traffic is node traffic that only ipBlocks on their IPs can match"), and a node has
 * no named ports (docs/semantics.md#named-ports: "Destinations with no pod (ipBlock peers, external IPs, nodes) have
 * no named ports, so a named-port entry never matches them"). The evaluator still resolves a
 * named port on the hostNetwork pod's container ports when an ipBlock selects it as an egress
 * destination, so the same address is allowed as a "pod" and denied as an address.
 */
describe('hostNetwork AS_NODE: a hostNetwork pod has no named ports', () => {
  const objects = [
    namespace('x'),
    pod('x/a', { pod: 'a' }),
    pod('x/h', { pod: 'h' }, { hostNetwork: true, ips: ['192.168.0.2'], containers: [[{ containerPort: 8080, name: 'http' }]] }),
    policy('x/p', {
      podSelector: { matchLabels: { pod: 'a' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '192.168.0.0/24' } }], ports: [{ port: 'http' }] }],
    }),
  ];

  test('an egress named port does not open TCP 8080 to the hostNetwork pod, as it does not to its address', () => {
    const reach = Reachability.fromManifests(objects, { hostNetwork: HostNetworkMode.AS_NODE });
    expect(reach.isAllowed(endpoint('x/a'), endpoint('192.168.0.2'), Port.tcp(8080))).toBe(false);
    expect(reach.isAllowed(endpoint('x/a'), endpoint('x/h'), Port.tcp(8080))).toBe(false);
  });
});

/**
 * docs/cli.md, "Exit codes": for `explain`, 1 means "the connection is denied". When the input
 * holds a NetworkPolicy that is left out as invalid, `explain` returns the loader's code 1 even
 * though it prints ALLOWED, so a script reading the exit code takes an allowed connection for a
 * denied one. (0, or a code that does not mean "denied", would keep the documented contract.)
 */
describe('explain exit code with an invalid policy in the input', () => {
  test('an ALLOWED verdict never exits with the "denied" code 1', () => {
    const run = runCli('explain', path.join(__dirname, 'fixtures', 'invalid-policy.yaml'), '--from', 'x/b', '--to', 'x/a', '--port', 'tcp/80');
    expect(run.stdout).toMatch(/^TCP\/80 from x\/b\[Pod\] .* to x\/a\[Pod\] .*: ALLOWED\n/);
    expect(run.stderr).toContain('invalid NetworkPolicy left out');
    expect(run.code).not.toBe(1);
  });
});
