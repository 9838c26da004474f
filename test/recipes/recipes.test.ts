import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { parse } from 'yaml';
import {
  RECIPES,
  recipe01DenyAllTrafficToAnApplication, recipe02aAllowAllTrafficToAnApplication, recipe02LimitTrafficToAnApplication,
  recipe03DenyAllNonWhitelistedTrafficInTheNamespace, recipe04DenyTrafficFromOtherNamespaces, recipe05AllowTrafficFromAllNamespaces,
  recipe06AllowTrafficFromANamespace, recipe07AllowTrafficFromSomePodsInAnotherNamespace, recipe08AllowExternalTraffic,
  recipe09AllowTrafficOnlyToAPort, recipe10AllowingTrafficWithMultipleSelectors, recipe11DenyEgressTrafficFromAnApplication,
  recipe12DenyAllNonWhitelistedTrafficFromTheNamespace, recipe14DenyExternalEgressTraffic,
} from './recipe-charts';
import { NetworkPolicyManifest } from '../../src/model/manifest';
import { normalizePolicy } from '../../src/model/normalize';
import { validateNetworkPolicy } from '../../src/validation/network-policy';

const RECIPES_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'oracle', 'kubernetes-network-policy-recipes');

function build(recipe: (app: ReturnType<typeof Testing.app>) => Chart): NetworkPolicyManifest[] {
  return Testing.synth(recipe(Testing.app())).filter((o) => o.kind === 'NetworkPolicy');
}

function policy(recipe: (app: ReturnType<typeof Testing.app>) => Chart, name: string): NetworkPolicyManifest {
  const found = build(recipe).find((p) => p.metadata?.name === name);
  if (!found) throw new Error(`no policy named ${name}`);
  return found;
}

const nsName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
const kubeDnsPeer = { podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } }, namespaceSelector: nsName('kube-system') };
const dnsPorts = [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];

describe('kubernetes-network-policy-recipes written with the constructs', () => {
  describe.each(RECIPES.map((r) => [r.id, r] as const))('recipe %s', (_id, recipe) => {
    test('synthesizes valid objects in namespace default (YAML snapshot)', () => {
      const objects = Testing.synth(recipe.build(Testing.app()));
      for (const object of objects.filter((o) => o.kind === 'NetworkPolicy')) {
        expect(object.metadata.namespace).toBe('default');
        expect(validateNetworkPolicy(object)).toEqual([]);
      }
      expect(Yaml.stringify(...objects)).toMatchSnapshot();
    });
  });

  test('01: web pods accept no ingress at all', () => {
    const p = policy(recipe01DenyAllTrafficToAnApplication, 'web-deny-all');
    expect(p.spec).toEqual({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] });
  });

  test('02: the bookstore API accepts only pods labelled app=bookstore of its namespace', () => {
    const p = policy(recipe02LimitTrafficToAnApplication, 'api-allow');
    expect(p.spec).toEqual({
      podSelector: { matchLabels: { app: 'bookstore', role: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'bookstore' } } }] }],
    });
  });

  test('02a: an empty ingress rule opens web to everyone, voiding web-deny-all', () => {
    const policies = build(recipe02aAllowAllTrafficToAnApplication);
    expect(policies.map((p) => p.metadata?.name)).toEqual(['web-allow-all', 'web-deny-all']);
    expect(policies[0].spec).toEqual({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress: [{}] });
  });

  test('03: every pod of the namespace is isolated for ingress and nothing is allowed', () => {
    expect(policy(recipe03DenyAllNonWhitelistedTrafficInTheNamespace, 'default-deny-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });

  test('04: every pod accepts only pods of its own namespace (podSelector-only peer, no namespaceSelector)', () => {
    expect(policy(recipe04DenyTrafficFromOtherNamespaces, 'deny-from-other-namespaces').spec).toEqual({
      podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }],
    });
  });

  test('05: web accepts every pod of every namespace, but not external clients', () => {
    const spec = policy(recipe05AllowTrafficFromAllNamespaces, 'web-allow-all-namespaces').spec!;
    expect(spec.ingress).toEqual([{ from: [{ namespaceSelector: {} }] }]);
    expect(JSON.stringify(spec)).not.toContain('ipBlock');
  });

  test('06: web accepts pods of namespaces labelled purpose=production only', () => {
    expect(policy(recipe06AllowTrafficFromANamespace, 'web-allow-prod').spec!.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { purpose: 'production' } } }] },
    ]);
  });

  test('07: web accepts type=monitoring pods AND only in team=operations namespaces: one peer, two selectors', () => {
    expect(policy(recipe07AllowTrafficFromSomePodsInAnotherNamespace, 'web-allow-all-ns-monitoring').spec!.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { type: 'monitoring' } }, namespaceSelector: { matchLabels: { team: 'operations' } } }] },
    ]);
  });

  test('08: web accepts everyone, external clients included: no peer list', () => {
    expect(policy(recipe08AllowExternalTraffic, 'web-allow-external').spec!.ingress).toEqual([{}]);
  });

  test('09: only role=monitoring pods, and only on TCP 5000 (not 8000)', () => {
    expect(policy(recipe09AllowTrafficOnlyToAPort, 'api-allow-5000').spec!.ingress).toEqual([{
      from: [{ podSelector: { matchLabels: { role: 'monitoring' } } }],
      ports: [{ protocol: 'TCP', port: 5000 }],
    }]);
  });

  test('10: three peers in one rule are OR-ed: search, api or inventory web', () => {
    const from = policy(recipe10AllowingTrafficWithMultipleSelectors, 'redis-allow-services').spec!.ingress![0].from!;
    expect(from).toEqual([
      { podSelector: { matchLabels: { app: 'bookstore', role: 'search' } } },
      { podSelector: { matchLabels: { app: 'bookstore', role: 'api' } } },
      { podSelector: { matchLabels: { app: 'inventory', role: 'web' } } },
    ]);
  });

  test('11: foo pods may only resolve names (UDP and TCP 53 to kube-dns), nothing else', () => {
    expect(policy(recipe11DenyEgressTrafficFromAnApplication, 'foo-deny-egress').spec).toEqual({
      podSelector: { matchLabels: { app: 'foo' } },
      policyTypes: ['Egress'],
      egress: [{ to: [kubeDnsPeer], ports: dnsPorts }],
    });
  });

  test('12: every pod of the namespace is isolated for egress and nothing is allowed', () => {
    expect(policy(recipe12DenyAllNonWhitelistedTrafficFromTheNamespace, 'default-deny-all-egress').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
  });

  test('14: foo pods get DNS and in-cluster egress, never the internet', () => {
    const policies = build(recipe14DenyExternalEgressTraffic);
    expect(policies.map((p) => p.metadata?.name)).toEqual(['foo-deny-external-egress', 'foo-allow-cluster-egress']);
    for (const p of policies) {
      expect(p.spec!.podSelector).toEqual({ matchLabels: { app: 'foo' } });
      expect(p.spec!.policyTypes).toEqual(['Egress']);
    }
    expect(policies[0].spec!.egress).toEqual([{ to: [kubeDnsPeer], ports: dnsPorts }]);
    expect(policies[1].spec!.egress).toEqual([{ to: [{ namespaceSelector: {} }] }]);
    expect(JSON.stringify(policies)).not.toContain('ipBlock');
  });
});

/** The recipe's NetworkPolicies from its Markdown, the last one of each name winning (a later block replaces an earlier one). */
function recipeYamlPolicies(id: string): Map<string, NetworkPolicyManifest> {
  const file = fs.readdirSync(RECIPES_DIR).find((f) => f.startsWith(`${id}-`))!;
  const text = fs.readFileSync(path.join(RECIPES_DIR, file), 'utf8');
  const result = new Map<string, NetworkPolicyManifest>();
  for (const match of text.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const doc = parse(match[1]);
    if (doc?.kind === 'NetworkPolicy') result.set(doc.metadata.name, doc);
  }
  return result;
}

/** What a policy means once defaulted, with nulls (YAML `matchLabels:` with nothing after it) dropped. */
function meaning(manifest: NetworkPolicyManifest): unknown {
  const normalized = normalizePolicy(manifest, 'default', manifest.metadata?.name ?? '');
  return JSON.parse(JSON.stringify(normalized, (_key, value) => (value === null ? undefined : value)));
}

const haveRecipes = fs.existsSync(RECIPES_DIR);
if (!haveRecipes) {
  // eslint-disable-next-line no-console
  console.log(`Skipping the comparison with the recipes' own YAML: ${RECIPES_DIR} is absent.`);
}
(haveRecipes ? describe : describe.skip)('the same meaning as the recipes\' own YAML', () => {
  test.each(RECIPES.map((r) => [r.id, r] as const))('recipe %s', (id, recipe) => {
    const theirs = recipeYamlPolicies(id);
    const ours = Testing.synth(recipe.build(Testing.app())).filter((o) => o.kind === 'NetworkPolicy');
    expect(theirs.size).toBeGreaterThan(0);
    for (const [name, their] of theirs) {
      const mine = ours.find((p) => p.metadata.name === name);
      expect(mine).toBeDefined();
      expect(meaning(mine)).toEqual(meaning(their));
    }
  });
});
