import { Random } from './random';
import { Cluster, ContainerPortSpec } from '../src/model/cluster';
import {
  LabelSelectorManifest,
  LabelSelectorRequirementManifest,
  NAMESPACE_NAME_LABEL,
  NetworkPolicyManifest,
  NetworkPolicyPeerManifest,
  NetworkPolicyPortManifest,
} from '../src/model/manifest';

/** How big a synthetic cluster is, and the seed that makes it reproducible. */
export interface ClusterSize {
  readonly workloads: number;
  readonly policies: number;
  readonly namespaces: number;
  /** @default 1 */
  readonly seed?: number;
  /** Share of application namespaces without a default-deny policy (their pods stay open). @default 0.02 */
  readonly openNamespaceShare?: number;
}

export interface SyntheticNamespace {
  readonly name: string;
  readonly labels: Record<string, string>;
}

export interface SyntheticWorkload {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly ports: ContainerPortSpec[];
  /** One address per workload, unique in the cluster (10.x.y.z). */
  readonly podIp: string;
}

/** A generated cluster: plain data, turned into a `Cluster`, YAML files or constructs by the callers. */
export interface SyntheticCluster {
  readonly size: ClusterSize;
  readonly namespaces: SyntheticNamespace[];
  readonly workloads: SyntheticWorkload[];
  readonly policies: NetworkPolicyManifest[];
}

/** Namespaces every generated cluster has (when there is room), like a real cluster's add-ons. */
export const SYSTEM_NAMESPACES = ['kube-system', 'monitoring', 'ingress-nginx'];

const TEAMS = ['payments', 'shop', 'search', 'identity', 'billing', 'catalog', 'checkout', 'ads', 'media', 'support'];
const ENVS = ['prod', 'staging', 'dev'];
/** The tiers of a namespace's workloads, in the order they are created. */
const TIERS = ['frontend', 'backend', 'backend', 'db', 'cache', 'worker', 'backend', 'frontend'];
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
/** Share of application namespaces without a default-deny policy (their pods stay open), unless the size says otherwise. */
const OPEN_NAMESPACE_SHARE = 0.02;
/** Application namespaces per team: bigger clusters have more teams, not bigger ones. */
const NAMESPACES_PER_TEAM = 4;

/**
 * Generates a synthetic cluster deterministically from `size.seed`: namespaces with team and
 * environment labels, workloads in tiers with labels and named container ports, and a realistic
 * policy mix per namespace: default deny (ingress and egress, or ingress only), DNS egress, and
 * allow rules with pod selectors, namespace selectors, pod-and-namespace peers, matchExpressions
 * (In, NotIn, Exists, DoesNotExist), named and numeric ports, port ranges, and ipBlocks with
 * except. Exactly `size.workloads` workloads and `size.policies` policies are produced.
 */
export function generateCluster(size: ClusterSize): SyntheticCluster {
  if (size.namespaces < SYSTEM_NAMESPACES.length + 1) {
    throw new Error(`A synthetic cluster needs at least ${SYSTEM_NAMESPACES.length + 1} namespaces, got ${size.namespaces}.`);
  }
  const random = new Random(size.seed ?? 1);
  const namespaces = generateNamespaces(size.namespaces, random);
  const workloads = generateWorkloads(namespaces, size.workloads, random);
  const policies = generatePolicies(namespaces, workloads, size.policies, size.openNamespaceShare ?? OPEN_NAMESPACE_SHARE, random);
  return { size, namespaces, workloads, policies };
}

/** The generated cluster as the evaluator's model (workloads are Deployments with one pod IP each). */
export function toCluster(synthetic: SyntheticCluster): Cluster {
  const cluster = new Cluster();
  for (const ns of synthetic.namespaces) cluster.addNamespace(ns.name, ns.labels);
  for (const w of synthetic.workloads) {
    cluster.addWorkload({
      namespace: w.namespace,
      name: w.name,
      kind: 'Deployment',
      labels: w.labels,
      ports: w.ports,
      podIps: [w.podIp],
    });
  }
  for (const p of synthetic.policies) cluster.addPolicy(p);
  return cluster;
}

function generateNamespaces(count: number, random: Random): SyntheticNamespace[] {
  const result: SyntheticNamespace[] = SYSTEM_NAMESPACES.map((name) => ({
    name,
    labels: { [NAMESPACE_NAME_LABEL]: name, tier: 'platform' },
  }));
  const teams = Math.max(1, Math.ceil((count - result.length) / NAMESPACES_PER_TEAM));
  for (let i = 0; result.length < count; i++) {
    const t = i % teams;
    const team = `${TEAMS[t % TEAMS.length]}${t >= TEAMS.length ? Math.floor(t / TEAMS.length) : ''}`;
    const env = random.pick(ENVS);
    const name = `${team}-${env}-${i}`;
    result.push({ name, labels: { [NAMESPACE_NAME_LABEL]: name, team, env } });
  }
  return result;
}

function generateWorkloads(namespaces: SyntheticNamespace[], count: number, random: Random): SyntheticWorkload[] {
  const result: SyntheticWorkload[] = [];
  const system: Omit<SyntheticWorkload, 'podIp'>[] = [
    {
      namespace: 'kube-system',
      name: 'coredns',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [port('dns', 53, 'UDP'), port('dns-tcp', 53, 'TCP'), port('metrics', 9153, 'TCP')],
    },
    { namespace: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' }, ports: [port('web', 9090, 'TCP')] },
    {
      namespace: 'ingress-nginx',
      name: 'ingress-nginx-controller',
      labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      ports: [port('http', 80, 'TCP'), port('https', 443, 'TCP')],
    },
  ];
  const perNamespace = new Map<string, number>();
  const add = (w: Omit<SyntheticWorkload, 'podIp'>): void => {
    const nsIndex = namespaces.findIndex((n) => n.name === w.namespace);
    const k = perNamespace.get(w.namespace) ?? 0;
    perNamespace.set(w.namespace, k + 1);
    result.push({ ...w, podIp: podIp(nsIndex, k) });
  };
  for (const w of system.slice(0, count)) add(w);
  const apps = namespaces.slice(SYSTEM_NAMESPACES.length);
  for (let i = 0; result.length < count; i++) {
    const ns = apps[i % apps.length];
    const k = Math.floor(i / apps.length);
    const tier = TIERS[k % TIERS.length];
    const name = `${tier}-${k}`;
    const labels: Record<string, string> = { app: name, tier, version: random.pick(['v1', 'v2']) };
    if (tier !== 'db' && random.chance(0.6)) labels.metrics = 'enabled';
    if (random.chance(0.05)) labels.legacy = 'true';
    add({ namespace: ns.name, name, labels, ports: tierPorts(tier, random) });
  }
  return result;
}

function tierPorts(tier: string, random: Random): ContainerPortSpec[] {
  const metrics = port('metrics', random.pick([9102, 9100, 8081]), 'TCP');
  switch (tier) {
    case 'frontend': return [port('http', random.pick([8080, 3000]), 'TCP'), metrics];
    case 'backend': return [port('http', random.pick([8080, 8081, 8000]), 'TCP'), port('grpc', 9000, 'TCP'), metrics];
    case 'db': return [port('postgres', 5432, 'TCP')];
    case 'cache': return [port('redis', 6379, 'TCP'), metrics];
    default: return random.chance(0.3) ? [metrics, port('statsd', 8125, 'UDP')] : [metrics];
  }
}

function port(name: string, number: number, protocol: 'TCP' | 'UDP' | 'SCTP'): ContainerPortSpec {
  return { name, port: number, protocol };
}

/** 10.a.b.c, unique per (namespace, workload) for up to 65,536 namespaces of 254 workloads. */
function podIp(nsIndex: number, k: number): string {
  return `10.${Math.floor(nsIndex / 256)}.${nsIndex % 256}.${(k % 254) + 1}`;
}

/** Everything a policy template needs to know about one namespace. */
interface NamespaceContext {
  readonly ns: SyntheticNamespace;
  readonly index: number;
  readonly workloads: SyntheticWorkload[];
  readonly otherTeams: string[];
  readonly random: Random;
  /** Whether the namespace has the allow-dns policy; egress policies allow DNS themselves when not. */
  readonly dns: boolean;
  /** How many times the template list has been gone through: later rounds target single apps. */
  round: number;
}

type Template = (ctx: NamespaceContext, name: string) => NetworkPolicyManifest;

function generatePolicies(
  namespaces: SyntheticNamespace[],
  workloads: SyntheticWorkload[],
  count: number,
  openShare: number,
  random: Random,
): NetworkPolicyManifest[] {
  const apps = namespaces.slice(SYSTEM_NAMESPACES.length);
  const byNamespace = new Map<string, SyntheticWorkload[]>();
  for (const w of workloads) {
    const list = byNamespace.get(w.namespace) ?? [];
    list.push(w);
    byNamespace.set(w.namespace, list);
  }
  const teams = [...new Set(apps.map((n) => n.labels.team))];
  const result: NetworkPolicyManifest[] = [];
  apps.forEach((ns, index) => {
    const budget = Math.floor(count / apps.length) + (index < count % apps.length ? 1 : 0);
    const open = random.chance(openShare);
    const plan: [string, Template, number][] = open ? [] : baselineTemplates(random).map(([n, t]) => [n, t, 0]);
    const ctx: NamespaceContext = {
      ns,
      index,
      workloads: byNamespace.get(ns.name) ?? [],
      otherTeams: teams.filter((t) => t !== ns.labels.team),
      random,
      dns: plan.some(([name]) => name === 'allow-dns'),
      round: 0,
    };
    for (let k = 0; plan.length < budget; k++) {
      const [name, template] = APP_TEMPLATES[(index + k) % APP_TEMPLATES.length];
      plan.push([`${name}-${k}`, template, Math.floor(k / APP_TEMPLATES.length)]);
    }
    for (const [name, template, round] of plan.slice(0, budget)) {
      ctx.round = round;
      result.push(template(ctx, name));
    }
  });
  return result;
}

/** Default deny (both directions in most namespaces, ingress only in some) and DNS egress. */
function baselineTemplates(random: Random): [string, Template][] {
  if (random.chance(0.2)) return [['default-deny-ingress', (ctx, name) => policy(ctx, name, {}, { types: ['Ingress'] })]];
  return [
    ['default-deny', (ctx, name) => policy(ctx, name, {}, { types: ['Ingress', 'Egress'] })],
    ['allow-dns', (ctx, name) => policy(ctx, name, {}, {
      types: ['Egress'],
      egress: [{
        ...DNS_RULE,
      }],
    })],
  ];
}

const DNS_RULE = {
  to: [{ namespaceSelector: nameSelector('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};

/**
 * The egress rules of a policy, plus DNS when no other policy of the namespace allows it (per-app
 * policies of later rounds select pods whose first-round policy already allows it).
 */
function withDns(ctx: NamespaceContext, rules: { to?: NetworkPolicyPeerManifest[]; ports?: NetworkPolicyPortManifest[] }[]) {
  return ctx.dns || ctx.round > 0 ? rules : [...rules, DNS_RULE];
}

const APP_TEMPLATES: [string, Template][] = [
  ['frontend-from-ingress', (ctx, name) => policy(ctx, name, target(ctx, tierSelector('frontend'), 'frontend'), {
    types: ['Ingress'],
    ingress: [{
      from: [{ namespaceSelector: nameSelector('ingress-nginx'), podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }],
      ports: [{ protocol: 'TCP', port: 'http' }],
    }],
  })],
  ['backend-from-frontend', (ctx, name) => policy(ctx, name, target(ctx, tierSelector('backend'), 'backend'), {
    types: ['Ingress'],
    ingress: [{ from: [{ podSelector: tierSelector('frontend') }], ports: [{ port: 'http' }, { protocol: 'TCP', port: 9000 }] }],
  })],
  ['db-from-backend', (ctx, name) => policy(ctx, name, appSelector(ctx, 'db'), {
    types: ['Ingress'],
    ingress: [{ from: [{ podSelector: inSelector('tier', ['backend', 'worker']) }], ports: [{ protocol: 'TCP', port: 5432 }] }],
  })],
  ['metrics-scrape', (ctx, name) => policy(ctx, name, target(ctx, { matchExpressions: [{ key: 'metrics', operator: 'Exists' }] }), {
    types: ['Ingress'],
    ingress: [{
      from: [{ namespaceSelector: nameSelector('monitoring'), podSelector: { matchLabels: { app: 'prometheus' } } }],
      ports: [{ protocol: 'TCP', port: 'metrics' }],
    }],
  })],
  ['cross-team', (ctx, name) => policy(ctx, name, appSelector(ctx, 'backend'), {
    types: ['Ingress'],
    ingress: [{
      from: [{
        namespaceSelector: {
          matchLabels: { team: ctx.random.pick(ctx.otherTeams.length > 0 ? ctx.otherTeams : [ctx.ns.labels.team ?? 'none']) },
          matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }],
        },
        podSelector: tierSelector('frontend'),
      }],
      ports: [{ protocol: 'TCP', port: 9000, endPort: 9100 }],
    }],
  })],
  ['egress-internet', (ctx, name) => policy(ctx, name, target(ctx, tierSelector('frontend'), 'frontend'), {
    types: ['Egress'],
    egress: withDns(ctx, [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: PRIVATE_RANGES } }], ports: [{ protocol: 'TCP', port: 443 }] }]),
  })],
  ['egress-in-namespace', (ctx, name) => policy(ctx, name, target(ctx, tierSelector('backend'), 'backend'), {
    types: ['Egress'],
    egress: withDns(ctx, [
      { to: [{ podSelector: inSelector('tier', ['db', 'cache']) }], ports: [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 6379 }] },
      { to: [{ podSelector: tierSelector('backend') }], ports: [{ protocol: 'TCP', port: 'grpc' }] },
    ]),
  })],
  ['from-subnet', (ctx, name) => {
    const b = ctx.random.int(0, 255);
    return policy(ctx, name, appSelector(ctx, 'backend'), {
      types: ['Ingress'],
      ingress: [{
        from: [{ ipBlock: { cidr: `10.${ctx.index % 256}.0.0/16`, except: [`10.${ctx.index % 256}.${b}.0/24`] } }],
        ports: [{ protocol: 'UDP', port: 5000, endPort: 5010 }, { protocol: 'TCP', port: 8443 }],
      }],
    });
  }],
  ['not-legacy', (ctx, name) => policy(ctx, name, target(ctx, {
    matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'legacy', operator: 'DoesNotExist' }],
  }), {
    types: ['Ingress'],
    ingress: [{
      from: [{
        namespaceSelector: {
          matchLabels: { team: ctx.ns.labels.team ?? 'none' },
          matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }],
        },
      }],
      ports: [{ protocol: 'TCP', port: 8080 }],
    }],
  })],
  ['worker-egress', (ctx, name) => policy(ctx, name, target(ctx, tierSelector('worker'), 'worker'), {
    types: ['Egress'],
    egress: withDns(ctx, [{
      to: [{ namespaceSelector: { matchLabels: { team: ctx.ns.labels.team ?? 'none' } }, podSelector: tierSelector('backend') }],
      ports: [{ protocol: 'TCP', port: 'grpc' }, { protocol: 'UDP', port: 'statsd' }],
    }]),
  })],
  ['backend-from-workers', (ctx, name) => policy(ctx, name, target(ctx, tierSelector('backend'), 'backend'), {
    types: ['Ingress'],
    ingress: [{ from: [{ podSelector: tierSelector('worker') }], ports: [{ protocol: 'TCP', port: 'grpc' }] }],
  })],
];

interface PolicyBody {
  readonly types: ('Ingress' | 'Egress')[];
  readonly ingress?: { from?: NetworkPolicyPeerManifest[]; ports?: NetworkPolicyPortManifest[] }[];
  readonly egress?: { to?: NetworkPolicyPeerManifest[]; ports?: NetworkPolicyPortManifest[] }[];
}

function policy(ctx: NamespaceContext, name: string, podSelector: LabelSelectorManifest, body: PolicyBody): NetworkPolicyManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ctx.ns.name },
    spec: {
      podSelector,
      policyTypes: body.types,
      ...(body.ingress ? { ingress: withAppPort(ctx, body.ingress) } : {}),
      ...(body.egress ? { egress: withAppPort(ctx, body.egress) } : {}),
    },
  };
}

/**
 * Per-app policies (rounds after the first) also open a port of their own in each rule, so that
 * they add something to the broader policy of the first round instead of repeating it.
 */
function withAppPort<R extends { ports?: NetworkPolicyPortManifest[] }>(ctx: NamespaceContext, rules: R[]): R[] {
  if (ctx.round === 0) return rules;
  return rules.map((rule) => ({ ...rule, ports: [...(rule.ports ?? []), { protocol: 'TCP', port: 10000 + ctx.round }] }));
}

function nameSelector(namespace: string): LabelSelectorManifest {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

function tierSelector(tier: string): LabelSelectorManifest {
  return { matchLabels: { tier } };
}

function inSelector(key: string, values: string[]): LabelSelectorManifest {
  const requirement: LabelSelectorRequirementManifest = { key, operator: 'In', values };
  return { matchExpressions: [requirement] };
}

/** One workload of the tier in this namespace by its app label, or the whole tier when there is none. */
function appSelector(ctx: NamespaceContext, tier: string): LabelSelectorManifest {
  const candidates = ctx.workloads.filter((w) => w.labels.tier === tier);
  if (candidates.length === 0) return tierSelector(tier);
  // Rounds walk through the tier, so that a namespace's policies do not repeat each other; when
  // the tier is smaller than the number of rounds, later ones narrow the app to one version.
  const offset = ctx.index % candidates.length;
  const chosen = candidates[(ctx.round + offset) % candidates.length];
  const pass = Math.floor(ctx.round / candidates.length);
  const selector: LabelSelectorManifest = { matchLabels: { app: chosen.labels.app } };
  if (pass === 0) return selector;
  return { ...selector, matchExpressions: [{ key: 'version', operator: 'In', values: pass % 2 === 1 ? ['v2'] : ['v1'] }] };
}

/**
 * The pods a template's policy applies to: `base` in the first round, then one app of the tier
 * (or of the namespace) at a time, as teams add per-app policies next to broad ones.
 */
function target(ctx: NamespaceContext, base: LabelSelectorManifest, tier?: string): LabelSelectorManifest {
  if (ctx.round === 0) return base;
  const candidates = ctx.workloads.filter((w) => tier === undefined || w.labels.tier === tier);
  if (candidates.length === 0) return base;
  const chosen = candidates[(ctx.round - 1) % candidates.length];
  return { ...base, matchLabels: { ...(base.matchLabels ?? {}), app: chosen.labels.app } };
}

/**
 * A platform team's cluster-scoped policies for a generated cluster (v1alpha2 ClusterNetworkPolicy
 * objects): `admin` Admin-tier policies with distinct priorities and one Baseline-tier default
 * deny. The Admin tier mixes what such teams write: accept the monitoring scraper on the metrics
 * port and DNS egress to the cluster DNS, deny the cloud metadata address, isolate each team
 * (Pass within the team, Deny from the others), and Pass for development namespaces.
 */
export function generateClusterPolicies(synthetic: SyntheticCluster, admin: number): object[] {
  const teams = [...new Set(synthetic.namespaces.map((n) => n.labels.team).filter((t): t is string => t !== undefined))];
  const byName = (name: string) => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: name } });
  const cnp = (name: string, tier: 'Admin' | 'Baseline', priority: number, subject: object, rules: object): object => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec: { tier, priority, subject, ...rules },
  });
  const fixed = [
    (p: number) => cnp('accept-monitoring', 'Admin', p, { namespaces: {} }, {
      ingress: [{ action: 'Accept', from: [{ namespaces: byName('monitoring') }], protocols: [{ destinationNamedPort: 'metrics' }] }],
    }),
    (p: number) => cnp('accept-dns', 'Admin', p, { namespaces: {} }, {
      egress: [{
        action: 'Accept',
        to: [{ pods: { namespaceSelector: byName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
        protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }],
      }],
    }),
    (p: number) => cnp('deny-cloud-metadata', 'Admin', p, { namespaces: {} }, {
      egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
    }),
    (p: number) => cnp('pass-dev', 'Admin', p, { namespaces: { matchLabels: { env: 'dev' } } }, {
      ingress: [{ action: 'Pass', from: [{ namespaces: { matchLabels: { env: 'dev' } } }] }],
    }),
  ];
  const policies: object[] = [];
  for (let i = 0; i < admin; i++) {
    if (i < fixed.length) {
      policies.push(fixed[i](i));
      continue;
    }
    const team = teams[(i - fixed.length) % Math.max(teams.length, 1)] ?? 'none';
    const subject = { namespaces: { matchLabels: { team } } };
    policies.push(cnp(`isolate-${team}-${i}`, 'Admin', i, subject, {
      ingress: [
        { name: 'same-team', action: 'Pass', from: [{ namespaces: { matchLabels: { team } } }] },
        { name: 'platform', action: 'Pass', from: [{ namespaces: { matchLabels: { tier: 'platform' } } }] },
        { name: 'other-teams', action: 'Deny', from: [{ namespaces: {} }] },
      ],
    }));
  }
  policies.push(cnp('default-deny', 'Baseline', 0, { namespaces: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } }, {
    ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
  }));
  return policies;
}
