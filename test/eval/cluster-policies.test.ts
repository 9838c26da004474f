import { ClusterPolicyOrderError, compareEvaluationOrder, domainMatches, portsAdmit, portsConnections } from '../../src/eval/compiled-cluster-policies';
import { Evaluator } from '../../src/eval/evaluator';
import { portEntryAdmits } from '../../src/eval/ports';
import { EvaluatorOptions, Query, QueryEnd, Verdict } from '../../src/eval/types';
import { Cluster } from '../../src/model/cluster';
import { clusterFromManifests } from '../../src/model/cluster-from-manifests';
import { ClusterPolicyPort, ClusterPolicySpec, readClusterPolicy } from '../../src/model/cluster-policy';
import { NormalizedPort } from '../../src/model/normalize';
import { Protocol } from '../../src/model/protocol';

/**
 * One test per rule of Part B of the cluster policy semantics (B1–B37), each asserting verdicts
 * of the evaluator on a small cluster written as manifests.
 */

type Obj = Record<string, unknown>;

const ns = (name: string, labels: Record<string, string> = {}): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

interface PodOptions {
  readonly ip?: string;
  readonly ports?: readonly { name?: string; containerPort: number; protocol?: string }[];
  readonly hostNetwork?: boolean;
}

const pod = (namespace: string, name: string, labels: Record<string, string> = {}, options: PodOptions = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'c', ports: options.ports ?? [] }], ...(options.hostNetwork ? { hostNetwork: true } : {}) },
  ...(options.ip ? { status: { podIP: options.ip } } : {}),
});

interface Rules {
  readonly ingress?: readonly Obj[];
  readonly egress?: readonly Obj[];
}

const cnp = (name: string, tier: 'Admin' | 'Baseline', priority: number, subject: Obj, rules: Rules): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name },
  spec: { tier, priority, subject, ...rules },
});

const anp = (name: string, priority: number, subject: Obj, rules: Rules): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'AdminNetworkPolicy',
  metadata: { name },
  spec: { priority, subject, ...rules },
});

const banp = (subject: Obj, rules: Rules): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'BaselineAdminNetworkPolicy',
  metadata: { name: 'default' },
  spec: { subject, ...rules },
});

const np = (namespace: string, name: string, spec: Obj): Obj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});

const ALL_NAMESPACES = { namespaces: {} };
const inNamespace = (name: string) => ({ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
const podsWith = (labels: Record<string, string>, namespaceSelector?: Obj) => ({
  pods: { podSelector: { matchLabels: labels }, ...(namespaceSelector ? { namespaceSelector } : {}) },
});
const rule = (action: string, peers: readonly Obj[], direction: 'ingress' | 'egress', extra: Obj = {}): Obj => ({
  action,
  [direction === 'ingress' ? 'from' : 'to']: peers,
  ...extra,
});
const tcp = (port: number) => ({ tcp: { destinationPort: { number: port } } });

/** A NetworkPolicy isolating every pod of a namespace in one direction, allowing nothing. */
const denyAll = (namespace: string, type: 'Ingress' | 'Egress'): Obj => np(namespace, `deny-${type.toLowerCase()}`, { podSelector: {}, policyTypes: [type] });

function clusterOf(objects: readonly Obj[]): Cluster {
  const { cluster, warnings } = clusterFromManifests(objects.map((object) => ({ object })));
  expect(warnings).toEqual([]);
  return cluster;
}

const BASE = [
  ns('shop', { team: 'shop' }),
  ns('tenant', { team: 'tenant' }),
  pod('shop', 'web', { app: 'web' }, { ip: '10.0.0.1', ports: [{ name: 'http', containerPort: 8080 }] }),
  pod('shop', 'db', { app: 'db' }, { ip: '10.0.0.2', ports: [{ name: 'http', containerPort: 5432 }] }),
  pod('tenant', 'app', { app: 'app' }, { ip: '10.0.1.1' }),
];

function endpoint(text: string): QueryEnd {
  if (/^[\da-f.:]+$/.test(text) && /[.:]/.test(text) && !text.includes('/')) return { ip: text };
  if (text === 'node') return { node: true };
  if (text === 'internet') return { internet: true };
  return { workload: text };
}

function ask(objects: readonly Obj[], from: string, to: string, port = 'TCP/80', options: EvaluatorOptions = {}): Verdict {
  const [protocol, number] = port.split('/');
  const query: Query = { source: endpoint(from), destination: endpoint(to), protocol: protocol as Protocol, port: Number(number) };
  return new Evaluator(clusterOf(objects), options).verdict(query);
}

function allowed(objects: readonly Obj[], from: string, to: string, port = 'TCP/80', options: EvaluatorOptions = {}): boolean {
  const verdict = ask(objects, from, to, port, options);
  // The connection set of the pair must say the same as the single query.
  if ('workload' in endpoint(from) && 'workload' in endpoint(to)) {
    const cluster = clusterOf(objects);
    const evaluator = new Evaluator(cluster, options);
    const [protocol, number] = port.split('/');
    const set = evaluator.workloadConnections(cluster.findWorkload(from)!, cluster.findWorkload(to)!);
    expect(set.contains(protocol as Protocol, Number(number))).toBe(verdict.allowed);
  }
  return verdict.allowed;
}

describe('B.1 tiers and precedence', () => {
  test('B1: the Admin tier decides before NetworkPolicies, NetworkPolicies before the Baseline tier, then the default allows', () => {
    const adminDeny = cnp('deny-web', 'Admin', 10, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    const npAllows = np('shop', 'allow-tenant', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] });
    const baselineDeny = cnp('baseline', 'Baseline', 10, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, adminDeny, npAllows], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, npAllows, baselineDeny], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, baselineDeny], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE], 'tenant/app', 'shop/web')).toBe(true);
    expect(ask([...BASE, adminDeny, npAllows], 'tenant/app', 'shop/web').ingress.decidedBy).toBe('Admin');
    expect(ask([...BASE, npAllows, baselineDeny], 'tenant/app', 'shop/web').ingress.decidedBy).toBe('NetworkPolicy');
    expect(ask([...BASE, baselineDeny], 'tenant/app', 'shop/web').ingress.decidedBy).toBe('Baseline');
  });

  test('B2: candidates are the policies selecting the pod with rules in that direction, in ascending priority', () => {
    const accept = (p: number) => cnp('accept', 'Admin', p, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    const deny = (p: number) => cnp('deny', 'Admin', p, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, accept(1), deny(2)], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, accept(2), deny(1)], 'tenant/app', 'shop/web')).toBe(false);
    // Priority 0 is an ordinary value, the highest precedence.
    expect(allowed([...BASE, accept(0), deny(1)], 'tenant/app', 'shop/web')).toBe(true);
    // A policy with no ingress rules does not take part in ingress, whatever its priority.
    const egressOnly = cnp('egress-only', 'Admin', 0, inNamespace('shop'), { egress: [rule('Accept', [ALL_NAMESPACES], 'egress')] });
    expect(allowed([...BASE, egressOnly, deny(5)], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B3: equal priorities are ordered by name and flagged as tie-dependent, or refused with equalPriorities error', () => {
    const a = cnp('a-accept', 'Admin', 5, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    const b = cnp('b-deny', 'Admin', 5, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const verdict = ask([...BASE, b, a], 'tenant/app', 'shop/web');
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.clusterRule?.name).toBe('a-accept');
    expect(verdict.ingress.clusterRule?.tiedWith).toEqual(['a-accept', 'b-deny']);
    expect(verdict.text).toContain('tie-dependent');
    expect(() => ask([...BASE, a, b], 'tenant/app', 'shop/web', 'TCP/80', { equalPriorities: 'error' })).toThrow(/priority 5 and select common pods/);
    // Different subjects: no tie, even with equal priorities.
    const c = cnp('c-deny', 'Admin', 5, inNamespace('tenant'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(ask([...BASE, a, c], 'tenant/app', 'shop/web', 'TCP/80', { equalPriorities: 'error' }).allowed).toBe(true);
  });

  test('B4: within a policy the first matching rule wins', () => {
    const denyFirst = cnp('p', 'Admin', 1, inNamespace('shop'), {
      ingress: [rule('Deny', [inNamespace('tenant')], 'ingress'), rule('Accept', [ALL_NAMESPACES], 'ingress')],
    });
    const acceptFirst = cnp('p', 'Admin', 1, inNamespace('shop'), {
      ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress'), rule('Deny', [inNamespace('tenant')], 'ingress')],
    });
    expect(allowed([...BASE, denyAll('shop', 'Ingress'), denyFirst], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, denyAll('shop', 'Ingress'), acceptFirst], 'tenant/app', 'shop/web')).toBe(true);
    expect(ask([...BASE, denyFirst], 'tenant/app', 'shop/web').ingress.clusterRule?.ruleIndex).toBe(0);
  });

  test('B5: a rule matches when any peer and any port entry match', () => {
    const policy = cnp('p', 'Admin', 1, inNamespace('shop'), {
      ingress: [rule('Deny', [inNamespace('nowhere'), inNamespace('tenant')], 'ingress', { protocols: [tcp(81), tcp(80)] })],
    });
    expect(allowed([...BASE, policy], 'tenant/app', 'shop/web', 'TCP/80')).toBe(false);
    expect(allowed([...BASE, policy], 'tenant/app', 'shop/web', 'TCP/81')).toBe(false);
    // The port does not match: the rule does not match, the default allows.
    expect(allowed([...BASE, policy], 'tenant/app', 'shop/web', 'TCP/82')).toBe(true);
    // The peer does not match.
    expect(allowed([...BASE, policy], 'shop/db', 'shop/web', 'TCP/80')).toBe(true);
  });

  test('B6: Accept is final for its direction and overrides NetworkPolicy isolation', () => {
    const accept = cnp('accept-tenant', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Accept', [inNamespace('tenant')], 'ingress')] });
    const objects = [...BASE, denyAll('shop', 'Ingress'), accept];
    expect(allowed(objects, 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed(objects, 'shop/db', 'shop/web')).toBe(false);
    // Only its own direction: the source's egress isolation still applies.
    expect(allowed([...objects, denyAll('tenant', 'Egress')], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B7: Deny is final: no NetworkPolicy or Baseline rule can allow it', () => {
    const deny = cnp('deny', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    const npAllow = np('shop', 'allow', { podSelector: {}, ingress: [{}] });
    const baselineAccept = cnp('baseline', 'Baseline', 0, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, deny, npAllow, baselineAccept], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, deny, baselineAccept], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B8: a Pass in the Admin tier skips the remaining Admin rules and hands the decision to NetworkPolicies', () => {
    const pass = cnp('a-pass', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Pass', [inNamespace('tenant')], 'ingress')] });
    const laterDeny = cnp('b-deny', 'Admin', 2, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const npAllow = np('shop', 'allow', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] });
    expect(allowed([...BASE, pass, laterDeny], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, pass, laterDeny, denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web')).toBe(false);
    const verdict = ask([...BASE, pass, laterDeny, npAllow], 'tenant/app', 'shop/web');
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.decidedBy).toBe('NetworkPolicy');
    expect(verdict.ingress.passedBy?.map((r) => `${r.tier} ${r.name} ${r.fieldPath}`)).toEqual(['Admin a-pass spec.ingress[0]']);
    expect(verdict.text).toContain('passed by Admin tier: ClusterNetworkPolicy a-pass (priority 1) spec.ingress[0] (Pass)');
    // With no NetworkPolicy isolating the pod, the Baseline tier decides next.
    const baselineDeny = cnp('baseline', 'Baseline', 0, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, pass, baselineDeny], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B9: a Pass in the Baseline tier skips the rest of the Baseline tier and ends in the default: allow', () => {
    const pass = cnp('a-pass', 'Baseline', 1, inNamespace('shop'), { ingress: [rule('Pass', [inNamespace('tenant')], 'ingress')] });
    const deny = cnp('b-deny', 'Baseline', 2, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const verdict = ask([...BASE, pass, deny], 'tenant/app', 'shop/web');
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.decidedBy).toBe('default');
    expect(verdict.ingress.passedBy?.[0].tier).toBe('Baseline');
    expect(allowed([...BASE, pass, deny], 'shop/db', 'shop/web')).toBe(false);
  });

  test('B10: a tier with no matching rule behaves like Pass', () => {
    const unrelated = cnp('unrelated', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('nowhere')], 'ingress')] });
    expect(allowed([...BASE, unrelated], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, unrelated, denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web')).toBe(false);
    expect(ask([...BASE, unrelated, denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web').ingress.decidedBy).toBe('NetworkPolicy');
  });

  test('B11: NetworkPolicies isolating the pod in a direction decide it; the Baseline tier is then not consulted', () => {
    const baselineAccept = cnp('baseline', 'Baseline', 0, inNamespace('shop'), {
      ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')],
      egress: [rule('Deny', [ALL_NAMESPACES], 'egress')],
    });
    expect(allowed([...BASE, baselineAccept, denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web')).toBe(false);
    // Isolation is per direction: ingress-only NetworkPolicies leave egress to the Baseline tier.
    expect(allowed([...BASE, baselineAccept, denyAll('shop', 'Ingress')], 'shop/web', 'tenant/app')).toBe(false);
    const npAllowEgress = np('shop', 'allow-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [{}] });
    expect(allowed([...BASE, baselineAccept, npAllowEgress], 'shop/web', 'tenant/app')).toBe(true);
  });

  test('B12: the Baseline tier orders several v1alpha2 policies by priority; a v1alpha1 BANP has Allow and Deny', () => {
    const accept = (p: number) => cnp('accept', 'Baseline', p, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    const deny = (p: number) => cnp('deny', 'Baseline', p, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, accept(1), deny(2)], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, accept(3), deny(2)], 'tenant/app', 'shop/web')).toBe(false);
    const banpPolicy = banp(inNamespace('shop'), { ingress: [rule('Allow', [inNamespace('shop')], 'ingress'), rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, banpPolicy], 'shop/db', 'shop/web')).toBe(true);
    expect(allowed([...BASE, banpPolicy], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B13: when no tier decides, the default allows', () => {
    const other = cnp('other', 'Admin', 1, inNamespace('tenant'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const verdict = ask([...BASE, other], 'shop/db', 'shop/web');
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.decidedBy).toBe('default');
    expect(verdict.egress.decidedBy).toBe('default');
  });

  test('B14: both directions must allow: an egress Accept does not bypass the ingress side, nor the reverse', () => {
    const egressAccept = cnp('egress-accept', 'Admin', 1, inNamespace('tenant'), { egress: [rule('Accept', [ALL_NAMESPACES], 'egress')] });
    const ingressDeny = cnp('ingress-deny', 'Admin', 2, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    expect(allowed([...BASE, egressAccept, ingressDeny], 'tenant/app', 'shop/web')).toBe(false);
    const ingressAccept = cnp('ingress-accept', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, ingressAccept, denyAll('tenant', 'Egress')], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, ingressAccept, egressAccept, denyAll('tenant', 'Egress'), denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web')).toBe(true);
  });

  test('B15: being the subject of a cluster policy isolates nothing', () => {
    const acceptOne = cnp('accept-db', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Accept', [podsWith({ app: 'db' })], 'ingress')] });
    expect(allowed([...BASE, acceptOne], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, acceptOne], 'shop/db', 'shop/web')).toBe(true);
  });

  test('B16: the return traffic of an accepted connection is not evaluated: only the initiating direction counts', () => {
    // web may not open connections to app, yet app may open connections to web (whose replies flow back).
    const denyWebToApp = cnp('deny', 'Admin', 1, inNamespace('shop'), { egress: [rule('Deny', [inNamespace('tenant')], 'egress')] });
    expect(allowed([...BASE, denyWebToApp], 'shop/web', 'tenant/app')).toBe(false);
    expect(allowed([...BASE, denyWebToApp], 'tenant/app', 'shop/web')).toBe(true);
  });
});

describe('B.2 subjects and pod/namespace peers', () => {
  test('B17: namespaces selects every pod of the matching namespaces; {} matches all of them', () => {
    const denyTeam = cnp('deny', 'Admin', 1, { namespaces: { matchLabels: { team: 'shop' } } }, { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, denyTeam], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, denyTeam], 'tenant/app', 'shop/db')).toBe(false);
    expect(allowed([...BASE, denyTeam], 'shop/web', 'tenant/app')).toBe(true);
  });

  test('B18: pods matches namespace and pod labels; without namespaceSelector it means every namespace', () => {
    const denyWeb = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { ingress: [rule('Deny', [podsWith({ app: 'app' })], 'ingress')] });
    // The peer has no namespaceSelector: it matches app pods in every namespace, not the policy's (it has none).
    expect(allowed([...BASE, denyWeb], 'tenant/app', 'shop/web')).toBe(false);
    const scoped = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { ingress: [rule('Deny', [podsWith({ app: 'app' }, inNamespace('shop').namespaces)], 'ingress')] });
    expect(allowed([...BASE, scoped], 'tenant/app', 'shop/web')).toBe(true);
    const subjectPods = cnp('deny', 'Admin', 1, { pods: { podSelector: { matchLabels: { app: 'web' } } } }, { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, subjectPods], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, subjectPods], 'tenant/app', 'shop/db')).toBe(true);
  });

  test('B19: hostNetwork pods are never subjects and never match namespaces/pods peers', () => {
    const host = pod('shop', 'agent', { app: 'agent' }, { ip: '192.168.1.10', hostNetwork: true });
    const denyAllIngress = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, host, denyAllIngress], 'tenant/app', 'shop/agent')).toBe(true);
    expect(allowed([...BASE, host, denyAllIngress], 'shop/agent', 'shop/web')).toBe(true);
    expect(allowed([...BASE, host, denyAllIngress], 'tenant/app', 'shop/web')).toBe(false);
    // Only networks (its node's address) can reach it in an egress rule.
    const denyNetwork = cnp('deny-node', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Deny', [{ networks: ['192.168.1.0/24'] }], 'egress')] });
    expect(allowed([...BASE, host, denyNetwork], 'tenant/app', 'shop/agent')).toBe(false);
  });

  test('B19: a hostNetwork pod is not selected even beside a pod alike in labels, ports and address', () => {
    const twin = pod('shop', 'web-host', { app: 'web' }, { ip: '10.0.0.1', ports: [{ name: 'http', containerPort: 8080 }], hostNetwork: true });
    const denyTenant = cnp('deny', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    expect(allowed([...BASE, twin, denyTenant], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, twin, denyTenant], 'tenant/app', 'shop/web-host')).toBe(true);
  });

  test('B20: selection follows the labels of the snapshot: relabelling a namespace changes the verdict', () => {
    const denyProd = cnp('deny', 'Admin', 1, { namespaces: { matchLabels: { env: 'prod' } } }, { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const before = clusterOf([...BASE, denyProd]);
    const query: Query = { source: { workload: 'tenant/app' }, destination: { workload: 'shop/web' }, protocol: 'TCP', port: 80 };
    expect(new Evaluator(before, {}).verdict(query).allowed).toBe(true);
    before.addNamespace('shop', { env: 'prod' });
    expect(new Evaluator(before, {}).verdict(query).allowed).toBe(false);
  });
});

describe('B.3 network, node and domain peers', () => {
  test('B21: no ingress peer matches a source that is not a pod: node and external traffic fall through to NetworkPolicies', () => {
    const denyAllIngress = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, denyAllIngress], '203.0.113.9', 'shop/web')).toBe(true);
    expect(allowed([...BASE, denyAllIngress], 'node', 'shop/web')).toBe(true);
    expect(allowed([...BASE, denyAllIngress, denyAll('shop', 'Ingress')], '203.0.113.9', 'shop/web')).toBe(false);
  });

  test('B22: networks matches the destination IP whatever it is, pods included; an IPv4 CIDR never matches IPv6', () => {
    const denyInternet = cnp('deny', 'Admin', 1, inNamespace('shop'), { egress: [rule('Deny', [{ networks: ['0.0.0.0/0'] }], 'egress')] });
    expect(allowed([...BASE, denyInternet], 'shop/web', '8.8.8.8')).toBe(false);
    expect(allowed([...BASE, denyInternet], 'shop/web', 'tenant/app')).toBe(false);
    expect(allowed([...BASE, denyInternet], 'shop/web', 'tenant/app', 'TCP/80', { networksMatchPodIps: false })).toBe(true);
    expect(allowed([...BASE, denyInternet], 'shop/web', '2001:db8::1')).toBe(true);
    const evaluator = new Evaluator(clusterOf([...BASE, denyInternet]), {});
    const web = evaluator.connectivity().external.find((e) => e.workload.name === 'web')!;
    expect(web.egress.filter((r) => r.family === 4).every((r) => r.connections.isEmpty())).toBe(true);
    expect(web.egress.filter((r) => r.family === 6).every((r) => r.connections.isAll())).toBe(true);
  });

  test('B23: traffic is judged at the backend pod: a Service ClusterIP in networks does not select the pods behind it', () => {
    const denyClusterIp = cnp('deny', 'Admin', 1, inNamespace('tenant'), { egress: [rule('Deny', [{ networks: ['10.96.0.10/32'] }], 'egress')] });
    expect(allowed([...BASE, denyClusterIp], 'tenant/app', 'shop/web')).toBe(true);
    const denyBackend = cnp('deny', 'Admin', 1, inNamespace('tenant'), { egress: [rule('Deny', [podsWith({ app: 'web' }, {})], 'egress')] });
    expect(allowed([...BASE, denyBackend], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B24 (I3): nodes matches the InternalIP and ExternalIP addresses of the selected Node objects, and so their hostNetwork pods', () => {
    const host = pod('shop', 'agent', { app: 'agent' }, { ip: '192.168.1.10', hostNetwork: true });
    const node = (name: string, zone: string, internal: string, external: string): Obj => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { zone } },
      status: { addresses: [{ type: 'InternalIP', address: internal }, { type: 'ExternalIP', address: external }, { type: 'Hostname', address: name }] },
    });
    const nodes = [node('n1', 'a', '192.168.1.10', '203.0.113.10'), node('n2', 'b', '192.168.1.20', '203.0.113.20')];
    const denyZoneA = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Deny', [{ nodes: { matchLabels: { zone: 'a' } } }], 'egress')] });
    expect(allowed([...BASE, host, ...nodes, denyZoneA], 'tenant/app', 'shop/agent')).toBe(false);
    expect(allowed([...BASE, host, ...nodes, denyZoneA], 'tenant/app', '203.0.113.10')).toBe(false);
    expect(allowed([...BASE, host, ...nodes, denyZoneA], 'tenant/app', '192.168.1.20')).toBe(true);
    expect(allowed([...BASE, host, ...nodes, denyZoneA], 'tenant/app', '203.0.113.10', 'TCP/80', { nodeAddressTypes: ['InternalIP'] })).toBe(true);
    // Without Node objects in the input there is nothing to match.
    expect(allowed([...BASE, host, denyZoneA], 'tenant/app', 'shop/agent')).toBe(true);
  });

  test('B25 (I4): domainNames matches the addresses given for the names; *. covers one or more leading labels, not the parent', () => {
    const acceptDomain = cnp('accept', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Accept', [{ domainNames: ['*.example.com'] }], 'egress')] });
    const objects = [...BASE, acceptDomain, denyAll('tenant', 'Egress')];
    const domainNameAddresses = { 'api.example.com': ['93.184.216.34'], 'a.b.example.com': ['93.184.216.35'], 'example.com': ['93.184.216.36'] };
    expect(allowed(objects, 'tenant/app', '93.184.216.34', 'TCP/443', { domainNameAddresses })).toBe(true);
    expect(allowed(objects, 'tenant/app', '93.184.216.35', 'TCP/443', { domainNameAddresses })).toBe(true);
    expect(allowed(objects, 'tenant/app', '93.184.216.36', 'TCP/443', { domainNameAddresses })).toBe(false);
    // With no addresses given (a static evaluator has no DNS view), the peer matches nothing.
    expect(allowed(objects, 'tenant/app', '93.184.216.34', 'TCP/443')).toBe(false);
  });

  test('B26: networks, nodes and domainNames are egress peers: in an ingress rule they match nothing', () => {
    const ingressNetworks = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { ingress: [rule('Deny', [{ networks: ['0.0.0.0/0'] }], 'ingress')] });
    expect(allowed([...BASE, ingressNetworks], '203.0.113.9', 'shop/web')).toBe(true);
    expect(allowed([...BASE, ingressNetworks], 'tenant/app', 'shop/web')).toBe(true);
    const egressNetworks = cnp('deny', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Deny', [{ networks: ['203.0.113.0/24'] }], 'egress')] });
    expect(allowed([...BASE, egressNetworks], 'shop/web', '203.0.113.9')).toBe(false);
  });
});

describe('B.4 ports and named ports', () => {
  test('B27: a port entry matches the protocol and the destination port, ranges inclusive; v1alpha1 defaults to TCP', () => {
    const range = cnp('deny', 'Admin', 1, inNamespace('shop'), {
      ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress', { protocols: [{ udp: { destinationPort: { range: { start: 5000, end: 5002 } } } }] })],
    });
    expect(allowed([...BASE, range], 'tenant/app', 'shop/web', 'UDP/5000')).toBe(false);
    expect(allowed([...BASE, range], 'tenant/app', 'shop/web', 'UDP/5002')).toBe(false);
    expect(allowed([...BASE, range], 'tenant/app', 'shop/web', 'UDP/5003')).toBe(true);
    expect(allowed([...BASE, range], 'tenant/app', 'shop/web', 'TCP/5001')).toBe(true);
    const v1 = anp('deny', 1, inNamespace('shop'), { egress: [rule('Deny', [ALL_NAMESPACES], 'egress', { ports: [{ portNumber: { port: 53 } }] })] });
    expect(allowed([...BASE, v1], 'shop/web', 'tenant/app', 'TCP/53')).toBe(false);
    expect(allowed([...BASE, v1], 'shop/web', 'tenant/app', 'UDP/53')).toBe(true);
  });

  test('B28: without a port list a rule matches every protocol and port; with one, only the listed ones', () => {
    const all = cnp('deny', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    for (const port of ['TCP/1', 'UDP/53', 'SCTP/65535']) expect(allowed([...BASE, all], 'tenant/app', 'shop/web', port)).toBe(false);
    const listed = cnp('deny', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress', { protocols: [tcp(80)] })] });
    expect(allowed([...BASE, listed], 'tenant/app', 'shop/web', 'UDP/80')).toBe(true);
  });

  test('B29: named ports resolve on the destination pod: the subject for ingress, the peer for egress', () => {
    const ingressNamed = cnp('deny', 'Admin', 1, inNamespace('shop'), {
      ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress', { protocols: [{ destinationNamedPort: 'http' }] })],
    });
    expect(allowed([...BASE, ingressNamed], 'tenant/app', 'shop/web', 'TCP/8080')).toBe(false);
    expect(allowed([...BASE, ingressNamed], 'tenant/app', 'shop/db', 'TCP/5432')).toBe(false);
    expect(allowed([...BASE, ingressNamed], 'tenant/app', 'shop/db', 'TCP/8080')).toBe(true);
    // The protocol comes from the pod's container port.
    expect(allowed([...BASE, ingressNamed], 'tenant/app', 'shop/web', 'UDP/8080')).toBe(true);
    const egressNamed = cnp('deny', 'Admin', 1, inNamespace('tenant'), {
      egress: [rule('Deny', [ALL_NAMESPACES], 'egress', { protocols: [{ destinationNamedPort: 'http' }] })],
    });
    expect(allowed([...BASE, egressNamed], 'tenant/app', 'shop/web', 'TCP/8080')).toBe(false);
    expect(allowed([...BASE, egressNamed], 'tenant/app', 'shop/db', 'TCP/8080')).toBe(true);
  });

  test('B30: a named port never matches a networks destination', () => {
    const named = cnp('deny', 'Admin', 1, inNamespace('shop'), {
      egress: [rule('Deny', [{ networks: ['0.0.0.0/0'] }], 'egress', { protocols: [{ destinationNamedPort: 'http' }] })],
    });
    expect(allowed([...BASE, named], 'shop/db', '8.8.8.8', 'TCP/8080')).toBe(true);
    // A pod inside the CIDR is matched by address, but the named port resolves on that pod.
    expect(allowed([...BASE, named], 'shop/db', 'shop/web', 'TCP/8080')).toBe(false);
  });

  test('B30: a hostNetwork pod is a node address: its container port names mean nothing to a cluster rule', () => {
    const host = pod('shop', 'agent', { app: 'agent' }, { ip: '192.168.1.10', ports: [{ name: 'http', containerPort: 8080 }], hostNetwork: true });
    const named = cnp('deny', 'Admin', 1, inNamespace('tenant'), {
      egress: [rule('Deny', [{ networks: ['192.168.1.0/24', '10.0.0.0/24'] }], 'egress', { protocols: [{ destinationNamedPort: 'http' }] })],
    });
    expect(allowed([...BASE, host, named], 'tenant/app', 'shop/agent', 'TCP/8080')).toBe(true);
    expect(allowed([...BASE, host, named], 'tenant/app', 'shop/web', 'TCP/8080')).toBe(false);
  });
});

describe('B.5 special traffic', () => {
  test('B31: a pod reaching itself is exempt from cluster policies; NetworkPolicies apply when self traffic is evaluated', () => {
    const denySelf = cnp('deny', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('shop')], 'ingress')] });
    expect(allowed([...BASE, denySelf], 'shop/web', 'shop/web', 'TCP/80', { selfTraffic: 'evaluated' })).toBe(true);
    expect(allowed([...BASE, denySelf, denyAll('shop', 'Ingress')], 'shop/web', 'shop/web', 'TCP/80', { selfTraffic: 'evaluated' })).toBe(false);
    expect(allowed([...BASE, denySelf], 'shop/db', 'shop/web')).toBe(false);
  });

  test('B32: pod to external is judged at the source only; external to pod at the destination, where cluster tiers do nothing', () => {
    const acceptEgress = cnp('accept', 'Admin', 1, inNamespace('shop'), { egress: [rule('Accept', [{ networks: ['8.8.8.0/24'] }], 'egress')] });
    expect(allowed([...BASE, acceptEgress, denyAll('shop', 'Egress')], 'shop/web', '8.8.8.8')).toBe(true);
    expect(allowed([...BASE, acceptEgress, denyAll('shop', 'Egress')], 'shop/web', '8.8.4.4')).toBe(false);
    const acceptIngress = cnp('accept', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, acceptIngress, denyAll('shop', 'Ingress')], '8.8.8.8', 'shop/web')).toBe(false);
  });

  test('B33: a peer with no known field fails closed: it matches nothing in Accept, and Deny or Pass deny every peer', () => {
    const unknown = { futurePeer: { x: 1 } };
    const accept = cnp('accept', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Accept', [unknown], 'ingress')] });
    expect(allowed([...BASE, accept, denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web')).toBe(false);
    for (const action of ['Deny', 'Pass']) {
      const closed = cnp('closed', 'Admin', 1, inNamespace('shop'), { ingress: [rule(action, [unknown], 'ingress')] });
      const npAllow = np('shop', 'allow', { podSelector: {}, ingress: [{}] });
      expect(allowed([...BASE, closed, npAllow], 'tenant/app', 'shop/web')).toBe(false);
      expect(allowed([...BASE, closed, npAllow], 'shop/db', 'shop/web')).toBe(false);
    }
  });
});

describe('B.6 v1alpha1 specifics and mixing', () => {
  test('B34: an ANP Pass skips the remaining ANP rules, then NetworkPolicies decide, then the BANP', () => {
    const pass = anp('pass', 1, inNamespace('shop'), {
      ingress: [rule('Pass', [inNamespace('tenant')], 'ingress'), rule('Deny', [ALL_NAMESPACES], 'ingress')],
    });
    const banpDeny = banp(inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    const npAllow = np('shop', 'allow', { podSelector: {}, ingress: [{}] });
    expect(allowed([...BASE, pass, npAllow, banpDeny], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, pass, banpDeny], 'tenant/app', 'shop/web')).toBe(false);
    expect(allowed([...BASE, pass], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, pass], 'shop/db', 'shop/web')).toBe(false);
  });

  test('B35: the BANP Allow is final for its direction, its Deny drops the connection', () => {
    const b = banp(ALL_NAMESPACES, {
      egress: [rule('Allow', [inNamespace('shop')], 'egress'), rule('Deny', [ALL_NAMESPACES], 'egress')],
    });
    expect(allowed([...BASE, b], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, b], 'shop/web', 'tenant/app')).toBe(false);
    const verdict = ask([...BASE, b], 'shop/web', 'tenant/app');
    expect(verdict.egress.clusterRule).toMatchObject({ tier: 'Baseline', kind: 'BaselineAdminNetworkPolicy', name: 'default', ruleIndex: 1, action: 'Deny' });
  });

  test('B36: an ANP Allow overrides NetworkPolicy isolation in its direction; the other direction still applies', () => {
    const allow = anp('allow', 1, inNamespace('shop'), { ingress: [rule('Allow', [inNamespace('tenant')], 'ingress')] });
    expect(allowed([...BASE, allow, denyAll('shop', 'Ingress')], 'tenant/app', 'shop/web')).toBe(true);
    expect(allowed([...BASE, allow, denyAll('shop', 'Ingress'), denyAll('tenant', 'Egress')], 'tenant/app', 'shop/web')).toBe(false);
  });

  test('B37 (I12): ANP and Admin-tier CNP together are refused unless the user orders the API versions', () => {
    const v1 = anp('v1-deny', 1, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const v2 = cnp('v2-accept', 'Admin', 0, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    expect(() => ask([...BASE, v1, v2], 'tenant/app', 'shop/web')).toThrow(/both AdminNetworkPolicy v1-deny \(v1alpha1\) and ClusterNetworkPolicy v2-accept/);
    expect(allowed([...BASE, v1, v2], 'tenant/app', 'shop/web', 'TCP/80', { mixedApiVersions: 'v1alpha1-first' })).toBe(false);
    expect(allowed([...BASE, v1, v2], 'tenant/app', 'shop/web', 'TCP/80', { mixedApiVersions: 'v1alpha2-first' })).toBe(true);
    // Different tiers are not a mix: an ANP and a Baseline-tier CNP are ordered by their tiers.
    const baseline = cnp('baseline', 'Baseline', 0, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    expect(allowed([...BASE, v1, baseline], 'tenant/app', 'shop/web')).toBe(false);
  });
});

describe('the order of policies within a tier, and the words of an explanation', () => {
  const spec = (name: string, priority: number | undefined, kind = 'ClusterNetworkPolicy', apiVersion: 'v1alpha1' | 'v1alpha2' = 'v1alpha2') =>
    ({ apiVersion, kind, name, tier: 'Admin', priority, subject: {}, ingress: [], egress: [], manifest: {} } as unknown as ClusterPolicySpec);
  const order = (...specs: ClusterPolicySpec[]) => [...specs].sort((a, b) => compareEvaluationOrder(a, b)).map((s) => `${s.kind}/${s.name}/${s.priority}`);

  test('ascending priority first, then name, then kind; a policy without priority (v1alpha1 Baseline) comes first', () => {
    expect(order(spec('b', 2), spec('a', 3), spec('c', 1))).toEqual(['ClusterNetworkPolicy/c/1', 'ClusterNetworkPolicy/b/2', 'ClusterNetworkPolicy/a/3']);
    expect(order(spec('b', 1), spec('a', 1), spec('c', 1))).toEqual(['ClusterNetworkPolicy/a/1', 'ClusterNetworkPolicy/b/1', 'ClusterNetworkPolicy/c/1']);
    expect(order(spec('x', 1, 'Zeta'), spec('x', 1, 'Alpha'), spec('x', 1, 'Mid'))).toEqual(['Alpha/x/1', 'Mid/x/1', 'Zeta/x/1']);
    expect(order(spec('x', 0), spec('default', undefined))).toEqual(['ClusterNetworkPolicy/default/undefined', 'ClusterNetworkPolicy/x/0']);
    expect(compareEvaluationOrder(spec('a', 1), spec('a', 1))).toBe(0);
    expect(compareEvaluationOrder(spec('a', 1, 'K'), spec('a', 1, 'K'))).toBe(0);
  });

  test('API version first only where a tier holds both: v1alpha1 first by default, v1alpha2 first on request', () => {
    const old = spec('z', 9, 'AdminNetworkPolicy', 'v1alpha1');
    const current = spec('a', 1);
    expect(order(current, old)).toEqual(['AdminNetworkPolicy/z/9', 'ClusterNetworkPolicy/a/1']);
    expect([current, old].sort((a, b) => compareEvaluationOrder(a, b, 'v1alpha2-first')).map((s) => s.name)).toEqual(['a', 'z']);
  });

  test('an unknown workload lists up to ten known ones, or says there are none', () => {
    const many = [ns('big'), ...Array.from({ length: 12 }, (_, i) => pod('big', `p${String(i).padStart(2, '0')}`))];
    expect(() => ask(many, 'big/nope', 'big/p00')).toThrow(
      'Unknown source workload "big/nope". Use "ns/name" or "ns/name[Kind]"; known workloads include: '
      + 'big/p00[Pod], big/p01[Pod], big/p02[Pod], big/p03[Pod], big/p04[Pod], big/p05[Pod], big/p06[Pod], big/p07[Pod], big/p08[Pod], big/p09[Pod].');
    expect(() => ask(BASE, 'shop/web', 'shop/nope')).toThrow('Unknown destination workload "shop/nope". Use "ns/name" or "ns/name[Kind]"; '
      + 'known workloads include: shop/web[Pod], shop/db[Pod], tenant/app[Pod].');
    expect(() => new Evaluator(clusterOf([])).verdict({ source: { workload: 'a/b' }, destination: { internet: true }, protocol: 'TCP' as Protocol, port: 1 }))
      .toThrow('Unknown source workload "a/b". Use "ns/name" or "ns/name[Kind]"; known workloads include: (none).');
  });

  test('not isolated: each direction names its policyType; with cluster policies the default is said to decide', () => {
    expect(ask(BASE, 'shop/db', 'shop/web').text).toBe([
      'TCP/80 from shop/db[Pod] to shop/web[Pod]: ALLOWED',
      '  egress at shop/db[Pod]: allowed (not isolated)',
      '    not isolated for egress: no NetworkPolicy in namespace shop selects it with policyType Egress',
      '  ingress at shop/web[Pod]: allowed (not isolated)',
      '    not isolated for ingress: no NetworkPolicy in namespace shop selects it with policyType Ingress',
    ].join('\n'));
    const other = cnp('other', 'Admin', 1, inNamespace('tenant'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(ask([...BASE, other], 'shop/db', 'shop/web').text).toBe([
      'TCP/80 from shop/db[Pod] to shop/web[Pod]: ALLOWED',
      '  egress at shop/db[Pod]: allowed (not isolated)',
      '    not isolated for egress: no NetworkPolicy in namespace shop selects it with policyType Egress',
      '    no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
      '  ingress at shop/web[Pod]: allowed (not isolated)',
      '    not isolated for ingress: no NetworkPolicy in namespace shop selects it with policyType Ingress',
      '    no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
    ].join('\n'));
  });

  test('the tier that decided is named beside the isolation', () => {
    const adminDeny = cnp('a-deny', 'Admin', 5, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    expect(ask([...BASE, adminDeny], 'tenant/app', 'shop/web').text.split('\n').slice(4)).toEqual([
      '  ingress at shop/web[Pod]: DENIED (not isolated; decided by the Admin tier)',
      '    denied by Admin tier: ClusterNetworkPolicy a-deny (priority 5) spec.ingress[0] (Deny)',
    ]);
    const baselineDeny = cnp('b-deny', 'Baseline', 0, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(ask([...BASE, baselineDeny], 'tenant/app', 'shop/web').text.split('\n').slice(4)).toEqual([
      '  ingress at shop/web[Pod]: DENIED (not isolated; decided by the Baseline tier)',
      '    denied by Baseline tier: ClusterNetworkPolicy b-deny (priority 0) spec.ingress[0] (Deny)',
    ]);
    const npDeny = ask([...BASE, adminDeny, denyAll('shop', 'Ingress')], 'shop/db', 'shop/web').text;
    expect(npDeny).toContain('  ingress at shop/web[Pod]: DENIED (isolated by shop/deny-ingress)\n');
    expect(npDeny).not.toContain('decided by the');
  });

  test('egress to the node: not isolated, or allowed by the option while isolated', () => {
    const options = { nodeEgressAlwaysAllowed: true };
    expect(ask(BASE, 'shop/db', 'node', 'TCP/80', options).egress).toMatchObject({
      isolated: false,
      allowed: true,
      reason: 'not isolated for egress: no NetworkPolicy in namespace shop selects it with policyType Egress',
    });
    expect(ask([...BASE, denyAll('shop', 'Egress')], 'shop/db', 'node', 'TCP/80', options).egress).toMatchObject({
      isolated: true,
      allowed: true,
      reason: 'egress to the pod\'s own node is always allowed (option nodeEgressAlwaysAllowed)',
    });
    expect(ask([...BASE, denyAll('shop', 'Egress')], 'shop/db', 'node').allowed).toBe(false);
  });
});

describe('the words of a cluster tier decision', () => {
  /** A cluster whose objects carry their place in one file (line 1, 11, 21, ...). */
  const withSources = (objects: readonly Obj[]) => {
    const { cluster, warnings } = clusterFromManifests(objects.map((object, i) => ({ object, source: { file: 'all.yaml', line: i * 10 + 1 } })));
    expect(warnings).toEqual([]);
    return cluster;
  };
  const query = (from: string, to: string): Query => ({ source: { workload: from }, destination: { workload: to }, protocol: 'TCP', port: 80 });
  const notIsolatedEgress = [
    '  egress at tenant/app[Pod] (all.yaml:41): allowed (not isolated)',
    '    not isolated for egress: no NetworkPolicy in namespace tenant selects it with policyType Egress',
    '    no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
  ];
  const adminPass = cnp('a-pass', 'Admin', 1, inNamespace('shop'), { ingress: [{ name: 'hand-down', action: 'Pass', from: [inNamespace('tenant')] }] });
  const baselinePass = cnp('b-pass', 'Baseline', 2, inNamespace('shop'), { ingress: [rule('Pass', [inNamespace('tenant')], 'ingress')] });
  const baselineAccept = cnp('b-accept', 'Baseline', 3, inNamespace('shop'), { ingress: [rule('Accept', [inNamespace('tenant')], 'ingress')] });
  const passLine = '    passed by Admin tier: ClusterNetworkPolicy a-pass (priority 1) spec.ingress[0] "hand-down" (Pass) (all.yaml:51): decided by the NetworkPolicies';

  test('an Admin Pass hands down to the NetworkPolicies, and the Baseline rule that accepts is named with its source', () => {
    const verdict = new Evaluator(withSources([...BASE, adminPass, baselineAccept])).verdict(query('tenant/app', 'shop/web'));
    expect(verdict.text).toBe([
      'TCP/80 from tenant/app[Pod] (all.yaml:41) to shop/web[Pod] (all.yaml:21): ALLOWED',
      ...notIsolatedEgress,
      '  ingress at shop/web[Pod] (all.yaml:21): allowed (not isolated; decided by the Baseline tier)',
      passLine,
      '    accepted by Baseline tier: ClusterNetworkPolicy b-accept (priority 3) spec.ingress[0] (Accept) (all.yaml:61)',
    ].join('\n'));
    expect(verdict.ingress.clusterRule).toEqual({
      tier: 'Baseline',
      kind: 'ClusterNetworkPolicy',
      name: 'b-accept',
      priority: 3,
      direction: 'ingress',
      ruleIndex: 0,
      action: 'Accept',
      fieldPath: 'spec.ingress[0]',
      source: { file: 'all.yaml', line: 61 },
    });
    expect(verdict.ingress.passedBy).toEqual([{
      tier: 'Admin',
      kind: 'ClusterNetworkPolicy',
      name: 'a-pass',
      priority: 1,
      direction: 'ingress',
      ruleIndex: 0,
      ruleName: 'hand-down',
      action: 'Pass',
      fieldPath: 'spec.ingress[0]',
      source: { file: 'all.yaml', line: 51 },
    }]);
  });

  test('a Baseline Pass hands down to the default, which is said to allow after the Passes', () => {
    const verdict = new Evaluator(withSources([...BASE, adminPass, baselinePass, baselineAccept])).verdict(query('tenant/app', 'shop/web'));
    expect(verdict.ingress.decidedBy).toBe('default');
    expect(verdict.ingress.clusterRule).toBeUndefined();
    expect(verdict.ingress.passedBy?.map((r) => `${r.tier} ${r.name}`)).toEqual(['Admin a-pass', 'Baseline b-pass']);
    expect(verdict.text.split('\n').slice(4)).toEqual([
      '  ingress at shop/web[Pod] (all.yaml:21): allowed (not isolated)',
      passLine,
      '    passed by Baseline tier: ClusterNetworkPolicy b-pass (priority 2) spec.ingress[0] (Pass) (all.yaml:61): decided by the default (allow)',
      '    not isolated for ingress: no NetworkPolicy in namespace shop selects it with policyType Ingress',
      '    no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
    ]);
    // Nothing passed and nothing decided: no pass line, and no passedBy field.
    const plain = new Evaluator(withSources([...BASE, baselinePass])).verdict(query('shop/db', 'shop/web'));
    expect(plain.ingress).toEqual({
      applies: true,
      isolated: false,
      isolatingPolicies: [],
      allowedBy: [],
      allowed: true,
      decidedBy: 'default',
      reason: 'not isolated for ingress: no NetworkPolicy in namespace shop selects it with policyType Ingress\n'
        + 'no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
    });
  });

  test('an Admin Pass before a NetworkPolicy decision is listed first, and the tier words stay out', () => {
    const npAllow = np('shop', 'allow', { podSelector: {}, ingress: [{}] });
    const verdict = new Evaluator(withSources([...BASE, adminPass, npAllow])).verdict(query('tenant/app', 'shop/web'));
    expect(verdict.ingress.decidedBy).toBe('NetworkPolicy');
    expect(verdict.text.split('\n').slice(4)).toEqual([
      '  ingress at shop/web[Pod] (all.yaml:21): allowed (isolated by shop/allow (all.yaml:61))',
      passLine,
      '    allowed by shop/allow (all.yaml:61) spec.ingress[0]',
    ]);
  });

  test('an Admin decision over an isolated pod keeps the isolation, and has no passes to list', () => {
    const adminAccept = cnp('a-accept', 'Admin', 4, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('shop')], 'ingress'), rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    const verdict = new Evaluator(withSources([...BASE, adminAccept, denyAll('shop', 'Ingress')])).verdict(query('tenant/app', 'shop/web'));
    expect(verdict.ingress).toEqual({
      applies: true,
      isolated: true,
      isolatingPolicies: [{ namespace: 'shop', name: 'deny-ingress', source: { file: 'all.yaml', line: 61 } }],
      allowedBy: [],
      allowed: true,
      decidedBy: 'Admin',
      clusterRule: {
        tier: 'Admin',
        kind: 'ClusterNetworkPolicy',
        name: 'a-accept',
        priority: 4,
        direction: 'ingress',
        ruleIndex: 1,
        action: 'Accept',
        fieldPath: 'spec.ingress[1]',
        source: { file: 'all.yaml', line: 51 },
      },
      reason: 'accepted by Admin tier: ClusterNetworkPolicy a-accept (priority 4) spec.ingress[1] (Accept) (all.yaml:51)',
    });
    expect(verdict.text.split('\n')[4]).toBe('  ingress at shop/web[Pod] (all.yaml:21): allowed (isolated by shop/deny-ingress (all.yaml:61); decided by the Admin tier)');
    const denied = new Evaluator(withSources([...BASE, adminAccept, denyAll('shop', 'Ingress')])).verdict(query('shop/db', 'shop/web'));
    expect(denied.ingress).toMatchObject({ isolated: true, allowed: false, decidedBy: 'Admin', clusterRule: { ruleIndex: 0, action: 'Deny' } });
    expect(denied.ingress.reason).toBe('denied by Admin tier: ClusterNetworkPolicy a-accept (priority 4) spec.ingress[0] (Deny) (all.yaml:51)');
  });

  test('a tie is named only at the pods both policies select; equalPriorities error refuses it, naming both', () => {
    const t1 = cnp('t1', 'Admin', 5, inNamespace('shop'), { ingress: [rule('Accept', [inNamespace('tenant')], 'ingress')] });
    const t2 = cnp('t2', 'Admin', 5, { pods: { podSelector: { matchLabels: { app: 'db' } } } }, { ingress: [rule('Deny', [inNamespace('tenant')], 'ingress')] });
    const cluster = withSources([...BASE, t2, t1]);
    const evaluator = new Evaluator(cluster);
    expect(evaluator.verdict(query('tenant/app', 'shop/db')).text.split('\n').slice(4)).toEqual([
      '  ingress at shop/db[Pod] (all.yaml:31): allowed (not isolated; decided by the Admin tier)',
      '    accepted by Admin tier: ClusterNetworkPolicy t1 (priority 5) spec.ingress[0] (Accept) (all.yaml:61); '
      + 'tie-dependent: t1, t2 share this priority and are ordered by name (option equalPriorities)',
    ]);
    expect(evaluator.verdict(query('tenant/app', 'shop/db')).ingress.clusterRule?.tiedWith).toEqual(['t1', 't2']);
    const atWeb = evaluator.verdict(query('tenant/app', 'shop/web')).ingress.clusterRule!;
    expect(atWeb.name).toBe('t1');
    expect('tiedWith' in atWeb).toBe(false);
    expect(() => new Evaluator(cluster, { equalPriorities: 'error' })).toThrow(new ClusterPolicyOrderError(
      'ClusterNetworkPolicy t1 and ClusterNetworkPolicy t2 are both in the Admin tier with priority 5 and select common pods: '
      + 'upstream leaves their order undefined. Give them different priorities, '
      + 'or evaluate with equalPriorities \'by-name\' (--equal-priorities by-name).'));
    expect(() => new Evaluator(cluster, { equalPriorities: 'error' })).toThrow(ClusterPolicyOrderError);
  });

  test('equal priorities in different tiers are no tie', () => {
    const admin = cnp('admin', 'Admin', 5, inNamespace('shop'), { ingress: [rule('Pass', [ALL_NAMESPACES], 'ingress')] });
    const baseline = cnp('baseline', 'Baseline', 5, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const verdict = new Evaluator(clusterOf([...BASE, admin, baseline]), { equalPriorities: 'error' }).verdict(query('tenant/app', 'shop/web'));
    expect(verdict.ingress.passedBy?.map((r) => 'tiedWith' in r)).toEqual([false]);
    expect('tiedWith' in verdict.ingress.clusterRule!).toBe(false);
    expect(verdict.ingress.reason).not.toContain('tie-dependent');
  });

  test('different priorities in one tier over the same pods are no tie', () => {
    const first = cnp('first', 'Admin', 4, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    const second = cnp('second', 'Admin', 5, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const verdict = new Evaluator(clusterOf([...BASE, second, first]), { equalPriorities: 'error' }).verdict(query('tenant/app', 'shop/web'));
    expect(verdict.ingress.clusterRule?.name).toBe('first');
    expect('tiedWith' in verdict.ingress.clusterRule!).toBe(false);
    expect(verdict.ingress.reason).not.toContain('tie-dependent');
  });

  test('two policies without priority tie as "(none)"', () => {
    const cluster = clusterOf(BASE);
    for (const name of ['default', 'other']) {
      const reading = readClusterPolicy(banp(ALL_NAMESPACES, { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] }) as never);
      if (!('policy' in reading)) throw new Error(reading.error);
      cluster.addClusterPolicy({ ...reading.policy, name });
    }
    expect(() => new Evaluator(cluster, { equalPriorities: 'error' })).toThrow(
      'BaselineAdminNetworkPolicy default and BaselineAdminNetworkPolicy other are both in the Baseline tier with priority (none) and select common pods: ');
    expect(new Evaluator(cluster).verdict(query('tenant/app', 'shop/web')).ingress.reason).toBe(
      'denied by Baseline tier: BaselineAdminNetworkPolicy default spec.ingress[0] (Deny); '
      + 'tie-dependent: default, other share this priority and are ordered by name (option equalPriorities)');
  });

  test('both API versions in one tier are refused with the choice to make', () => {
    const v1 = anp('v1-deny', 1, inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    const v2 = cnp('v2-accept', 'Admin', 0, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    expect(() => new Evaluator(clusterOf([...BASE, v2, v1]))).toThrow(new ClusterPolicyOrderError(
      'The Admin tier holds both AdminNetworkPolicy v1-deny (v1alpha1) and ClusterNetworkPolicy v2-accept (v1alpha2): upstream defines '
      + 'no order between the two API versions. Keep one of them, or choose an order with mixedApiVersions '
      + '\'v1alpha1-first\' or \'v1alpha2-first\' (--mixed-api-versions).'));
    const baseline = cnp('baseline', 'Baseline', 0, inNamespace('shop'), { ingress: [rule('Accept', [ALL_NAMESPACES], 'ingress')] });
    const banpDeny = banp(inNamespace('shop'), { ingress: [rule('Deny', [ALL_NAMESPACES], 'ingress')] });
    expect(() => new Evaluator(clusterOf([...BASE, baseline, banpDeny]))).toThrow(
      'The Baseline tier holds both BaselineAdminNetworkPolicy default (v1alpha1) and ClusterNetworkPolicy baseline (v1alpha2): ');
  });

  test('a pod reaching itself under evaluated self traffic: each side says the cluster policies do not apply', () => {
    const denyShop = cnp('deny', 'Admin', 1, inNamespace('shop'), { ingress: [rule('Deny', [inNamespace('shop')], 'ingress')] });
    const verdict = new Evaluator(withSources([...BASE, denyShop]), { selfTraffic: 'evaluated' }).verdict(query('shop/web', 'shop/web'));
    expect(verdict.text).toBe([
      'TCP/80 from shop/web[Pod] (all.yaml:21) to shop/web[Pod] (all.yaml:21): ALLOWED',
      '  shop/web[Pod] is a single pod; self traffic is evaluated (option selfTraffic)',
      '  egress at shop/web[Pod] (all.yaml:21): allowed (not isolated)',
      '    not isolated for egress: no NetworkPolicy in namespace shop selects it with policyType Egress',
      '    no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
      '    cluster policies do not apply to a pod reaching itself',
      '  ingress at shop/web[Pod] (all.yaml:21): allowed (not isolated)',
      '    not isolated for ingress: no NetworkPolicy in namespace shop selects it with policyType Ingress',
      '    no Admin, NetworkPolicy or Baseline rule decides: allowed by default',
      '    cluster policies do not apply to a pod reaching itself',
    ].join('\n'));
  });
});

describe('domainNames match names case-insensitively, with or without the trailing dot (B25)', () => {
  test.each([
    ['example.com', 'example.com', true],
    ['Example.COM', 'example.com', true],
    ['example.com', 'EXAMPLE.com', true],
    ['example.com.', 'example.com', true],
    ['example.com', 'example.com.', true],
    ['example.com', 'www.example.com', false],
    ['example.com', 'example.org', false],
    ['*.example.com', 'api.example.com', true],
    ['*.Example.com.', 'API.example.COM', true],
    ['*.example.com', 'a.b.example.com.', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '.example.com', false],
    ['*.example.com', 'badexample.com', false],
    ['*.example.com', 'api.example.org', false],
    ['api.*.com', 'api.example.com', false],
  ])('%s against %s: %s', (pattern, name, matches) => {
    expect(domainMatches(pattern, name)).toBe(matches);
  });

  test('the evaluator matches a written pattern against the names it is given, whatever their case or trailing dot', () => {
    const acceptDomain = cnp('accept', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Accept', [{ domainNames: ['*.Example.com.', 'db.internal'] }], 'egress')] });
    const objects = [...BASE, acceptDomain, denyAll('tenant', 'Egress')];
    const domainNameAddresses = { 'API.example.COM.': ['93.184.216.34'], 'DB.Internal': ['192.0.2.5'], 'example.com': ['93.184.216.36'] };
    expect(allowed(objects, 'tenant/app', '93.184.216.34', 'TCP/443', { domainNameAddresses })).toBe(true);
    expect(allowed(objects, 'tenant/app', '192.0.2.5', 'TCP/443', { domainNameAddresses })).toBe(true);
    expect(allowed(objects, 'tenant/app', '93.184.216.36', 'TCP/443', { domainNameAddresses })).toBe(false);
  });

  test('an address given for a name is that one host: /32 for IPv4, /128 for IPv6; a CIDR is taken as written', () => {
    const acceptDomain = cnp('accept', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Accept', [{ domainNames: ['api.example.com'] }], 'egress')] });
    const objects = [...BASE, acceptDomain, denyAll('tenant', 'Egress')];
    const domainNameAddresses = { 'api.example.com': ['2001:db8::1', '192.0.2.1', '198.51.100.0/30'] };
    const to = (address: string) => allowed(objects, 'tenant/app', address, 'TCP/443', { domainNameAddresses });
    expect(['2001:db8::1', '192.0.2.1', '198.51.100.3'].map(to)).toEqual([true, true, true]);
    expect(['2001:db8::2', '2001:db8:1::1', '192.0.2.2', '198.51.100.4'].map(to)).toEqual([false, false, false, false]);
  });
});

describe('the connections of a cluster rule\'s port list', () => {
  const range = (protocol: Protocol | undefined, first: number, last: number): ClusterPolicyPort => ({ kind: 'range', index: 0, protocol, first, last });
  const named = (name: string): ClusterPolicyPort => ({ kind: 'named', index: 0, name });
  const podPorts = [
    { name: 'http', port: 8080, protocol: 'TCP' as Protocol },
    { name: 'http', port: 8081, protocol: 'UDP' as Protocol },
    { name: 'dns', port: 53, protocol: 'UDP' as Protocol },
  ];

  test('no list is everything; ranges are cut to 1-65535; an empty range or an unknown protocol covers nothing', () => {
    expect(portsConnections(undefined, undefined).isAll()).toBe(true);
    expect(portsConnections([], undefined).isEmpty()).toBe(true);
    expect(portsConnections([range('TCP', 0, 10), range('UDP', 65530, 70000)], undefined).toString()).toBe('TCP 1-10,UDP 65530-65535');
    expect(portsConnections([range('SCTP', 9, 9)], undefined).toString()).toBe('SCTP 9');
    expect(portsConnections([range('TCP', 10, 9), range(undefined, 1, 65535)], undefined).isEmpty()).toBe(true);
    expect(portsConnections([range('TCP', 65536, 70000), range('UDP', -5, 0)], undefined).isEmpty()).toBe(true);
  });

  test('a named port covers every container port of that name, each with its own protocol, and nothing without a pod', () => {
    expect(portsConnections([named('http')], podPorts).toString()).toBe('TCP 8080,UDP 8081');
    expect(portsConnections([named('http'), named('dns'), range('TCP', 1, 2)], podPorts).toString()).toBe('TCP 1-2,8080,UDP 53,8081');
    expect(portsConnections([named('grpc')], podPorts).isEmpty()).toBe(true);
    expect(portsConnections([named('http')], undefined).isEmpty()).toBe(true);
    expect(portsConnections([named('http')], []).isEmpty()).toBe(true);
  });

  test('a single port is admitted by the first entry that lists it, by its index', () => {
    const ports = [range('UDP', 80, 80), named('http'), range('TCP', 70, 90)];
    expect(portsAdmit(undefined, 'TCP', 80, undefined)).toBe(-1);
    expect(portsAdmit(ports, 'UDP', 80, podPorts)).toBe(0);
    expect(portsAdmit(ports, 'TCP', 8080, podPorts)).toBe(1);
    expect(portsAdmit(ports, 'UDP', 8081, podPorts)).toBe(1);
    expect(portsAdmit(ports, 'UDP', 8080, podPorts)).toBeUndefined();
    expect(portsAdmit(ports, 'TCP', 8080, undefined)).toBeUndefined();
    expect(portsAdmit(ports, 'TCP', 70, podPorts)).toBe(2);
    expect(portsAdmit(ports, 'TCP', 90, podPorts)).toBe(2);
    expect(portsAdmit(ports, 'TCP', 91, podPorts)).toBeUndefined();
    expect(portsAdmit(ports, 'TCP', 69, podPorts)).toBeUndefined();
  });
});

describe('external address ranges under cluster policies', () => {
  const ranges = (objects: readonly Obj[], name: string, options: EvaluatorOptions = {}) => {
    const entry = new Evaluator(clusterOf(objects), options).externalConnections().find((e) => e.workload.name === name)!;
    return entry.egress.map((r) => `${r.first}-${r.last} ${r.connections}`);
  };
  const V6_ALL = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff All Connections';
  const denyNet = cnp('deny-net', 'Admin', 1, ALL_NAMESPACES, { egress: [rule('Deny', [{ networks: ['203.0.113.0/24'] }], 'egress', { protocols: [tcp(443)] })] });

  test('pods under the same Admin rule differ by their NetworkPolicy isolation', () => {
    const objects = [...BASE, denyNet, denyAll('shop', 'Egress')];
    expect(ranges(objects, 'web')).toEqual([
      '0.0.0.0-255.255.255.255 No Connections',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff No Connections',
    ]);
    expect(ranges(objects, 'app')).toEqual([
      '0.0.0.0-203.0.112.255 All Connections',
      '203.0.113.0-203.0.113.255 SCTP 1-65535,TCP 1-442,444-65535,UDP 1-65535',
      '203.0.114.0-255.255.255.255 All Connections',
      V6_ALL,
    ]);
  });

  test('the Baseline tier decides for pods no NetworkPolicy isolates, Accept over a later Deny', () => {
    const baseline = cnp('baseline', 'Baseline', 1, ALL_NAMESPACES, {
      egress: [rule('Accept', [{ networks: ['192.0.2.0/25', '2001:db8::/32'] }], 'egress'), rule('Deny', [{ networks: ['192.0.2.0/24'] }], 'egress')],
    });
    const dnsOnly = np('shop', 'dns-only', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] });
    const objects = [...BASE, baseline, dnsOnly];
    expect(ranges(objects, 'app')).toEqual([
      '0.0.0.0-192.0.2.127 All Connections',
      '192.0.2.128-192.0.2.255 No Connections',
      '192.0.3.0-255.255.255.255 All Connections',
      V6_ALL,
    ]);
    expect(ranges(objects, 'web')).toEqual([
      '0.0.0.0-255.255.255.255 UDP 53',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff UDP 53',
    ]);
  });
});

describe('a port entry admits only ports 1-65535', () => {
  const anyTcp: NormalizedPort = { protocol: 'TCP' } as NormalizedPort;
  test.each([[0, false], [1, true], [65535, true], [65536, false], [-1, false]])('TCP port %d: %s', (port, admitted) => {
    expect(portEntryAdmits(anyTcp, 'TCP' as Protocol, port, undefined)).toBe(admitted);
  });
  test('and only its own protocol', () => {
    expect(portEntryAdmits(anyTcp, 'UDP' as Protocol, 80, undefined)).toBe(false);
  });
});
