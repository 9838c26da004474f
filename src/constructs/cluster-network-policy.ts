import { ApiObject, Chart, JsonPatch, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ClusterPolicyModel, kindOf, renderClusterPolicy } from './cluster-policy-render';
import { ClusterPolicyAction, ClusterPolicyApiVersion, ClusterPolicyRule, PolicyTier } from './cluster-policy-types';
import { derivePolicyName } from './policy-name';
import { PropsCheck } from './props-check';
import { ORDER_INDEPENDENT_ANNOTATION } from '../lint/rules';
import { subjectsMayOverlap } from '../lint/subject-overlap';
import { validateClusterPolicy } from '../validation/cluster-policy/validate';
import { formatClusterDiagnostic } from '../validation/cluster-policy/validator';
import { ClusterPeer, clusterPeerManifests } from '../values/cluster-peer';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';

/** What every cluster-scoped policy construct takes. */
export interface ClusterPolicyOptions {
  /**
   * The object name (`metadata.name`), unique in the cluster for its kind.
   * @default - derived from the construct path below the chart (`default` for a v1alpha1 Baseline policy)
   */
  readonly policyName?: string;
  /**
   * Ingress rules, tried in order; more can be added with `addIngressRule()`.
   * @default - none
   */
  readonly ingress?: ClusterPolicyRule[];
  /**
   * Egress rules, tried in order; more can be added with `addEgressRule()`.
   * @default - none
   */
  readonly egress?: ClusterPolicyRule[];
  /**
   * Say that this policy's decisions do not depend on its order against other policies of
   * the same tier and priority whose subjects can overlap, or of the same tier in the other API
   * version (upstream leaves their order undefined). Such a pair is a synthesis error unless
   * both policies say so.
   * @default false
   */
  readonly orderIndependent?: boolean;
}

/** Properties of a `ClusterNetworkPolicy`. */
export interface ClusterNetworkPolicyProps extends ClusterPolicyOptions {
  /** The tier: Admin (before NetworkPolicies) or Baseline (after them). */
  readonly tier: PolicyTier;
  /**
   * The order within the tier, 0 to 1000: lower numbers are evaluated first. Required, on
   * purpose, as upstream requires it.
   */
  readonly priority: number;
  /**
   * The pods the policy applies to: `Namespaces` (every pod in them), `Pods.of(workload)` or
   * `pods.inNamespaces(namespaces)`.
   */
  readonly subject: IPeer;
  /**
   * The API to render: v1alpha2 `ClusterNetworkPolicy`, or v1alpha1 `AdminNetworkPolicy` /
   * `BaselineAdminNetworkPolicy` for clusters whose implementation is older.
   * @default ClusterPolicyApiVersion.V1ALPHA2
   */
  readonly apiVersion?: ClusterPolicyApiVersion;
}

const OPTION_PROPS = ['policyName', 'ingress', 'egress', 'orderIndependent'];
const RULE_PROPS = ['action', 'peers', 'ports', 'name'];
const PEER_EXAMPLE = 'Namespaces.labelled({ tenant: "a" })';

/**
 * A cluster-scoped network policy (network-policy-api), with full API fidelity: rendered as a
 * v1alpha2 `ClusterNetworkPolicy` by default, or as a v1alpha1 `AdminNetworkPolicy` /
 * `BaselineAdminNetworkPolicy` on request.
 *
 * Admin-tier policies decide before any NetworkPolicy, so namespace owners cannot undo them;
 * Baseline-tier policies decide after the NetworkPolicies, only for pods no NetworkPolicy
 * isolates. Within a tier, lower priorities go first and the first matching rule decides:
 * Accept or Deny end the evaluation of that direction, Pass skips to the next tier.
 *
 * At synthesis the object is checked with the CRD's schema and CEL rules, and two policies of
 * one tier with the same priority whose subjects can overlap are an error, since upstream
 * leaves their order undefined (unless `orderIndependent` says it does not matter).
 */
export class ClusterNetworkPolicy extends Construct {
  /** The object name (`metadata.name`). */
  public readonly name: string;
  /** The tier. */
  public readonly tier: PolicyTier;
  /** The priority within the tier. */
  public readonly priority: number;
  /** The API version rendered. */
  public readonly apiVersion: ClusterPolicyApiVersion;
  /** The kind rendered: `ClusterNetworkPolicy`, `AdminNetworkPolicy` or `BaselineAdminNetworkPolicy`. */
  public readonly kind: string;
  /** The pods the policy applies to. */
  public readonly subject: IPeer;
  /** Whether the order against same-priority policies was declared not to matter. */
  public readonly orderIndependent: boolean;
  /** The generated Kubernetes object. */
  public readonly apiObject: ApiObject;
  private readonly ingressRules: ClusterPolicyRule[] = [];
  private readonly egressRules: ClusterPolicyRule[] = [];
  private readonly constructName: string;

  public constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    const check = PropsCheck.forChild(scope, id, new.target.name);
    const given = check.known(props, ['tier', 'priority', 'subject', 'apiVersion', ...OPTION_PROPS], { peers: 'subject', pods: 'subject' });
    const tier = check.enumValue(given.tier, 'tier', Object.values(PolicyTier), true)!;
    const apiVersion = check.enumValue(given.apiVersion, 'apiVersion', Object.values(ClusterPolicyApiVersion)) ?? ClusterPolicyApiVersion.V1ALPHA2;
    const baselineV1alpha1 = tier === PolicyTier.BASELINE && apiVersion === ClusterPolicyApiVersion.V1ALPHA1;
    const priority = baselineV1alpha1 ? 0 : checkPriority(check, given.priority);
    const subject = checkSubject(check, given.subject);
    super(scope, id);
    this.constructName = new.target.name;
    this.tier = tier;
    this.apiVersion = apiVersion;
    this.priority = priority;
    this.subject = subject;
    this.kind = kindOf(tier, apiVersion);
    this.orderIndependent = given.orderIndependent === true;
    this.name = given.policyName ?? (baselineV1alpha1 ? 'default' : derivePolicyName(this));
    for (const [i, rule] of (checkRuleList(check, given.ingress, 'ingress') ?? []).entries()) this.ingressRules.push(checkRule(check, rule, `ingress[${i}]`));
    for (const [i, rule] of (checkRuleList(check, given.egress, 'egress') ?? []).entries()) this.egressRules.push(checkRule(check, rule, `egress[${i}]`));

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion,
      kind: this.kind,
      metadata: {
        name: this.name,
        // Recorded in the object, so that linting the synthesized files later knows it too.
        ...(given.orderIndependent === true ? { annotations: { [ORDER_INDEPENDENT_ANNOTATION]: 'true' } } : {}),
      },
      spec: Lazy.any({ produce: () => this._toManifest().spec }),
    });
    // A chart's namespace would be added to every object; these kinds have none (the server clears it).
    if (Chart.of(this).namespace !== undefined) this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    register(this);
    this.node.addValidation({ validate: () => this.policyErrors() });
  }

  /**
   * Adds an ingress rule after the existing ones (rules are tried in order).
   *
   * @param rule the rule
   */
  public addIngressRule(rule: ClusterPolicyRule): void {
    const check = PropsCheck.forChild(this.node.scope!, this.node.id, `${this.constructName}.addIngressRule`);
    this.ingressRules.push(checkRule(check, rule, 'rule'));
  }

  /**
   * Adds an egress rule after the existing ones (rules are tried in order).
   *
   * @param rule the rule
   */
  public addEgressRule(rule: ClusterPolicyRule): void {
    const check = PropsCheck.forChild(this.node.scope!, this.node.id, `${this.constructName}.addEgressRule`);
    this.egressRules.push(checkRule(check, rule, 'rule'));
  }

  /** The number of ingress rules so far. */
  public get ingressRuleCount(): number {
    return this.ingressRules.length;
  }

  /** The number of egress rules so far. */
  public get egressRuleCount(): number {
    return this.egressRules.length;
  }

  /**
   * The whole object as it will be rendered; throws for what the API version cannot express.
   * @internal
   */
  public _toManifest(): Record<string, any> {
    return renderClusterPolicy(this.model());
  }

  private model(): ClusterPolicyModel {
    return {
      name: this.name,
      tier: this.tier,
      priority: this.priority,
      apiVersion: this.apiVersion,
      subject: this.subject,
      ingress: this.ingressRules,
      egress: this.egressRules,
    };
  }

  private policyErrors(): string[] {
    const errors = [...this.duplicateErrors(), ...this.tieErrors()];
    let manifest: Record<string, any>;
    try {
      manifest = this._toManifest();
    } catch (e) {
      return [...errors, `${this.kind} ${this.name}: ${(e as Error).message}`];
    }
    const diagnostics = validateClusterPolicy(manifest, { channel: usesExperimentalFields(manifest) ? 'experimental' : 'standard' })
      .filter((d) => d.severity === 'error');
    return [...errors, ...diagnostics.map((d) => `${this.kind} ${this.name}: ${formatClusterDiagnostic(d)}`)];
  }

  /** Two objects of one kind and name: applying both keeps only the last. */
  private duplicateErrors(): string[] {
    const twins = policiesOf(this).filter((other) => other !== this && other.kind === this.kind && other.name === this.name);
    return twins.map((twin) => {
      const singleton = this.kind === 'BaselineAdminNetworkPolicy'
        ? ' A cluster has at most one BaselineAdminNetworkPolicy (named "default"): merge their rules into one, or render to v1alpha2, which allows several Baseline policies'
        : ' Give one of them another construct id or policyName';
      return `metadata.name: the ${this.kind} at ${twin.node.path} has the same name "${this.name}", so applying both would keep only one of them. Fix:${singleton}.`;
    });
  }

  /**
   * Pairs whose order upstream leaves undefined, with rules in a common direction and subjects
   * that can overlap: the same tier and priority in one API version (B3), or the same tier in
   * the two API versions, which upstream does not order against each other at all (B37).
   */
  private tieErrors(): string[] {
    const mine = this.subjectManifest();
    if (!mine) return [];
    return policiesOf(this)
      .filter((other) => other !== this && !(other.orderIndependent && this.orderIndependent) && other.tier === this.tier
        && (other.apiVersion !== this.apiVersion || (other.kind !== 'BaselineAdminNetworkPolicy' && other.priority === this.priority))
        && sharesDirection(this, other))
      .filter((other) => {
        const theirs = other.subjectManifest();
        return theirs !== undefined && subjectsMayOverlap(mine, theirs);
      })
      .map((other) => {
        const both = other.orderIndependent ? 'this one too' : this.orderIndependent ? 'the other one too' : 'both';
        const overlap = `its subject (${other.subject}) can select the same pods as this one (${this.subject})`;
        if (other.apiVersion !== this.apiVersion) {
          return `kind: the ${other.kind} "${other.name}" at ${other.node.path} is in the ${this.tier} tier too, and ${overlap}; upstream defines `
            + `no order between ${other.kind} (${other.apiVersion}) and ${this.kind} (${this.apiVersion}), so which rule decides would depend on the `
            + `implementation. Fix: render every cluster policy of the app with one apiVersion, or, if their rules never disagree, set orderIndependent: true on ${both}.`;
        }
        return `spec.priority: the ${other.kind} "${other.name}" at ${other.node.path} is also in the ${this.tier} tier with priority `
          + `${this.priority}, and ${overlap}; upstream leaves the order of equal priorities undefined, so which rule decides would depend on `
          + `the implementation. Fix: give one of them another priority, or, if their rules never disagree, set orderIndependent: true on ${both}.`;
      });
  }

  private subjectManifest() {
    try {
      return clusterPeerManifests(this.subject, 'spec.subject')[0];
    } catch {
      return undefined;
    }
  }
}

/** Properties of an `AdminNetworkPolicy`. */
export interface AdminNetworkPolicyProps extends ClusterPolicyOptions {
  /** The order among AdminNetworkPolicies, 0 to 1000: lower numbers are evaluated first. */
  readonly priority: number;
  /** The pods the policy applies to: `Namespaces`, `Pods.of(workload)` or `pods.inNamespaces(namespaces)`. */
  readonly subject: IPeer;
}

/**
 * A v1alpha1 `AdminNetworkPolicy`: the Admin tier for implementations of network-policy-api
 * v0.1.x. The same as a `ClusterNetworkPolicy` with `tier: ADMIN` and `apiVersion: V1ALPHA1`
 * (Accept is rendered `Allow`).
 */
export class AdminNetworkPolicy extends ClusterNetworkPolicy {
  public constructor(scope: Construct, id: string, props: AdminNetworkPolicyProps) {
    const check = PropsCheck.forChild(scope, id, 'AdminNetworkPolicy');
    const given = check.known(props, ['priority', 'subject', ...OPTION_PROPS]);
    super(scope, id, { ...given, tier: PolicyTier.ADMIN, apiVersion: ClusterPolicyApiVersion.V1ALPHA1 });
  }
}

/** Properties of a `BaselineAdminNetworkPolicy`. */
export interface BaselineAdminNetworkPolicyProps {
  /** The pods the policy applies to: `Namespaces`, `Pods.of(workload)` or `pods.inNamespaces(namespaces)`. */
  readonly subject: IPeer;
  /**
   * Ingress rules (Accept or Deny), tried in order.
   * @default - none
   */
  readonly ingress?: ClusterPolicyRule[];
  /**
   * Egress rules (Accept or Deny), tried in order.
   * @default - none
   */
  readonly egress?: ClusterPolicyRule[];
}

/**
 * The v1alpha1 `BaselineAdminNetworkPolicy`: the Baseline tier for implementations of
 * network-policy-api v0.1.x. A cluster has at most one, named `default`; it has no priority
 * and its rules cannot Pass.
 */
export class BaselineAdminNetworkPolicy extends ClusterNetworkPolicy {
  public constructor(scope: Construct, id: string, props: BaselineAdminNetworkPolicyProps) {
    const check = PropsCheck.forChild(scope, id, 'BaselineAdminNetworkPolicy');
    const given = check.known(props, ['subject', 'ingress', 'egress']);
    super(scope, id, { ...given, tier: PolicyTier.BASELINE, priority: 0, apiVersion: ClusterPolicyApiVersion.V1ALPHA1 });
  }
}

/** A priority: a whole number from 0 to 1000. */
export function checkPriority(check: PropsCheck, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
    throw check.error('priority', `is ${JSON.stringify(value)}, and a priority is a whole number from 0 to 1000`,
      'pass priority: a number from 0 (evaluated first) to 1000; keep gaps between policies so that new ones fit in');
  }
  return value;
}

function checkSubject(check: PropsCheck, value: unknown): IPeer {
  if (value === undefined || value === null) {
    throw check.error('subject', `is ${String(value)}`,
      `pass the pods the policy applies to, e.g. subject: ${PEER_EXAMPLE}, or subject: Namespaces.all() for every pod on purpose`);
  }
  const subject = value instanceof ClusterPeer ? value : check.peer(value, 'subject', PEER_EXAMPLE);
  eagerly(check, subject, (s) => clusterPeerManifests(s, 'subject'));
  return subject;
}

function checkRuleList(check: PropsCheck, value: unknown, prop: string): ClusterPolicyRule[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw check.error(prop, 'must be a list of rules', `wrap it in a list: ${prop}: [{ action: ClusterPolicyAction.DENY, peers: [...] }]`);
  return value;
}

function checkRule(check: PropsCheck, value: unknown, where: string): ClusterPolicyRule {
  if (value === undefined || value === null) throw check.error(where, `is ${String(value)}`, 'remove the entry, or pass { action, peers }');
  const rule = check.known(value as ClusterPolicyRule, RULE_PROPS, { from: 'peers', to: 'peers', protocols: 'ports' }, where);
  const action = check.enumValue(rule.action, `${where}.action`, Object.values(ClusterPolicyAction), true)!;
  const peersValue: unknown = rule.peers;
  if (!Array.isArray(peersValue) || peersValue.length === 0) {
    throw check.error(`${where}.peers`, Array.isArray(peersValue) ? 'is an empty list' : `is ${String(peersValue)}`,
      `list the peers, e.g. peers: [${PEER_EXAMPLE}], or peers: [ClusterPeer.allPods()] for every pod`);
  }
  const peers = peersValue.map((p, i) => (p instanceof ClusterPeer ? p : check.peer(p, `${where}.peers[${i}]`, PEER_EXAMPLE)));
  peers.forEach((peer, i) => eagerly(check, peer, (p) => clusterPeerManifests(p, `${where}.peers[${i}]`)));
  const name: unknown = rule.name;
  if (name !== undefined && (typeof name !== 'string' || Buffer.byteLength(name, 'utf8') > 100)) {
    throw check.error(`${where}.name`, `is ${JSON.stringify(name)}`, 'use a string of at most 100 characters');
  }
  return { action, peers, ports: check.ports(rule.ports, `${where}.ports`), ...(name !== undefined ? { name: name as string } : {}) };
}

/**
 * Converts a peer now, so that a peer a cluster policy cannot express fails at the call; the
 * pods of a workload are left for synthesis, since its labels may still change.
 */
function eagerly(check: PropsCheck, peer: IPeer, convert: (peer: IPeer) => unknown): void {
  if (peer instanceof Pods && peer._namespaceName !== undefined) return;
  try {
    convert(peer);
  } catch (e) {
    throw new Error(`${check.path}: ${check.construct} ${(e as Error).message}`);
  }
}

/** Whether the object needs the experimental CRD channel (nodes, domainNames or v1alpha1 namedPort). */
function usesExperimentalFields(manifest: Record<string, any>): boolean {
  const egress: any[] = manifest.spec?.egress ?? [];
  const rules: any[] = [...(manifest.spec?.ingress ?? []), ...egress];
  return egress.some((r) => (r.to ?? []).some((p: any) => p.nodes || p.domainNames))
    || rules.some((r) => (r.ports ?? []).some((p: any) => p.namedPort !== undefined));
}

function sharesDirection(a: ClusterNetworkPolicy, b: ClusterNetworkPolicy): boolean {
  return (a.ingressRuleCount > 0 && b.ingressRuleCount > 0) || (a.egressRuleCount > 0 && b.egressRuleCount > 0);
}

/** Every cluster-scoped policy of an app, in construction order. */
const clusterPolicies = new WeakMap<IConstruct, ClusterNetworkPolicy[]>();

function register(policy: ClusterNetworkPolicy): void {
  const root = policy.node.root;
  clusterPolicies.set(root, [...(clusterPolicies.get(root) ?? []), policy]);
}

function policiesOf(policy: ClusterNetworkPolicy): ClusterNetworkPolicy[] {
  return clusterPolicies.get(policy.node.root) ?? [];
}
