import { ApiObject, Chart, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { checkNetworkPolicyProps, checkRuleArguments } from './network-policy-props';
import { derivePolicyName } from './policy-name';
import { PolicyType } from './policy-type';
import { PropsCheck } from './props-check';
import { renderRule } from './render';
import { notePolicyEdit, provideLintManifest } from '../lint/app-objects';
import { NetworkPolicyManifest, NetworkPolicySpecManifest } from '../model/manifest';
import { synchronousTurn } from '../model/synchronous-turn';
import { formatDiagnostic } from '../validation/diagnostic';
import { validateNetworkPolicy } from '../validation/network-policy';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** One ingress or egress rule: traffic from/to any of the peers, on any of the ports. */
export interface NetworkPolicyRule {
  /**
   * The sources (ingress) or destinations (egress). Traffic matches when it matches any peer.
   * @default - every source or destination, inside and outside the cluster
   */
  readonly peers?: IPeer[];
  /**
   * The destination ports. Traffic matches when it matches any port.
   * @default - all ports of every protocol
   */
  readonly ports?: Port[];
}

/** Options shared by every construct that writes one NetworkPolicy object. */
export interface NetworkPolicyOptions {
  /**
   * The object name (`metadata.name`).
   * @default - derived from the construct path below the chart, e.g. `web-to-api`; cut to
   * 63 characters with a short hash appended only when longer
   */
  readonly policyName?: string;
  /**
   * The namespace of the policy (`metadata.namespace`).
   * @default - the namespace of the target workload when the target is `Pods.of(workload)`,
   * otherwise the chart's namespace
   */
  readonly namespaceName?: string;
}

/** Properties of a `NetworkPolicy`. */
export interface NetworkPolicyProps extends NetworkPolicyOptions {
  /**
   * The pods the policy applies to (`spec.podSelector`), always in the policy's namespace.
   * (Named `podSelector` before; the old name is refused with a pointer to this one.)
   * @default Pods.all()
   */
  readonly pods?: Pods;
  /**
   * Directions the policy isolates even without rules (a direction with no rules denies
   * all its traffic). Directions that have rules are always added.
   * @default - the directions that have rules; `Ingress` alone when there are none, as
   * Kubernetes itself defaults
   */
  readonly policyTypes?: PolicyType[];
  /**
   * Ingress rules; more can be added with `addIngressRule()`.
   * @default - none
   */
  readonly ingress?: NetworkPolicyRule[];
  /**
   * Egress rules; more can be added with `addEgressRule()`.
   * @default - none
   */
  readonly egress?: NetworkPolicyRule[];
}

/**
 * A `networking.k8s.io/v1` NetworkPolicy with full API fidelity.
 *
 * The rendered object always lists `policyTypes` explicitly and always has a `podSelector`
 * (`{}` selects every pod of the namespace). Rules added after construction appear at
 * synthesis. At synthesis the rendered object is checked with the API server's rules, so
 * nothing the server would reject reaches the YAML.
 *
 * Policies are additive: a pod isolated for a direction accepts the union of what every
 * policy selecting it allows, and a connection needs both the source's egress and the
 * destination's ingress to allow it.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class NetworkPolicy extends Construct {
  /** The object name (`metadata.name`). */
  public readonly name: string;
  /** The namespace (`metadata.namespace`), if one is known. */
  public readonly namespaceName?: string;
  /** The pods the policy applies to. */
  public readonly selectedPods: Pods;
  /** The generated Kubernetes object. */
  public readonly apiObject: k8s.KubeNetworkPolicy;
  private readonly policyTypes: Set<PolicyType>;
  private readonly ingressRules: NetworkPolicyRule[] = [];
  private readonly egressRules: NetworkPolicyRule[] = [];
  private readonly requestedNamespace?: string;
  /** Bumped by every rule or direction added, so that a kept validation result is never stale. */
  private rulesVersion = 0;
  private keptValidation?: { readonly turn: number; readonly rulesVersion: number; readonly namesakes: number; readonly errors: string[] };
  /** The policies of this app with this policy's namespace and name, this one included. */
  private readonly namesakes: NetworkPolicy[];
  private keptSpec?: { readonly turn: number; readonly rulesVersion: number; readonly spec: NetworkPolicySpecManifest };

  public constructor(scope: Construct, id: string, props: NetworkPolicyProps = {}) {
    const check = PropsCheck.forChild(scope, id, 'NetworkPolicy');
    const checked = checkNetworkPolicyProps(check, props);
    super(scope, id);
    this.selectedPods = checked.pods ?? Pods.all();
    this.requestedNamespace = checked.namespaceName;
    this.namespaceName = checked.namespaceName ?? this.selectedPods._namespaceName ?? Chart.of(this).namespace;
    this.name = checked.policyName ?? derivePolicyName(this);
    this.policyTypes = new Set(checked.policyTypes ?? []);
    for (const rule of checked.ingress ?? []) this.addIngressRule(rule.peers ?? [], rule.ports);
    for (const rule of checked.egress ?? []) this.addEgressRule(rule.peers ?? [], rule.ports);

    this.apiObject = new RenderedNetworkPolicy(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespaceName },
      spec: Lazy.any({ produce: () => this._renderSpec() }),
    });
    this.namesakes = register(this);
    this.node.addValidation({ validate: () => this.validatePolicy() });
    provideLintManifest(this.apiObject, () => this.lintManifest());
    notePolicyEdit();
  }

  /**
   * Allows traffic into the selected pods from any of `peers` on any of `ports`, and
   * isolates the pods for ingress. An empty `peers` list means every source, inside and
   * outside the cluster; no ports means all ports.
   *
   * @param peers the sources
   * @param ports the destination ports on the selected pods
   * @default ports - all ports
   */
  public addIngressRule(peers: IPeer[], ports?: Port[]): void {
    const rule = checkRuleArguments(this, 'addIngressRule', peers, ports);
    this.rulesVersion++;
    notePolicyEdit();
    this.policyTypes.add(PolicyType.INGRESS);
    this.ingressRules.push(rule);
  }

  /**
   * Allows traffic out of the selected pods to any of `peers` on any of `ports`, and
   * isolates the pods for egress. An empty `peers` list means every destination; no ports
   * means all ports.
   *
   * @param peers the destinations
   * @param ports the destination ports
   * @default ports - all ports
   */
  public addEgressRule(peers: IPeer[], ports?: Port[]): void {
    const rule = checkRuleArguments(this, 'addEgressRule', peers, ports);
    this.rulesVersion++;
    notePolicyEdit();
    this.policyTypes.add(PolicyType.EGRESS);
    this.egressRules.push(rule);
  }

  /**
   * Isolates the selected pods for a direction without allowing anything: with no rule
   * for that direction, all its traffic is denied.
   *
   * @param policyType the direction to isolate
   */
  public addPolicyType(policyType: PolicyType): void {
    PropsCheck.forChild(this.node.scope!, this.node.id, 'NetworkPolicy.addPolicyType')
      .enumValue(policyType, 'policyType', Object.values(PolicyType), true);
    this.rulesVersion++;
    notePolicyEdit();
    this.policyTypes.add(policyType);
  }

  /**
   * The spec as it will be rendered (rules added so far).
   * @internal
   */
  public _renderSpec(): NetworkPolicySpecManifest {
    const context = { policyNamespace: this.namespaceName };
    const types = this.policyTypes.size > 0 ? this.policyTypes : new Set([PolicyType.INGRESS]);
    const ingress = this.ingressRules.map((rule) => {
      const r = renderRule(rule.peers ?? [], rule.ports ?? [], context);
      return { ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) };
    });
    const egress = this.egressRules.map((rule) => {
      const r = renderRule(rule.peers ?? [], rule.ports ?? [], context);
      return { ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) };
    });
    return {
      podSelector: this.selectedPods._selector()._toManifest(),
      policyTypes: [PolicyType.INGRESS, PolicyType.EGRESS].filter((t) => types.has(t)),
      ...(ingress.length > 0 ? { ingress } : {}),
      ...(egress.length > 0 ? { egress } : {}),
    };
  }

  /**
   * The whole object as it will be rendered.
   * @internal
   */
  public _toManifest(): NetworkPolicyManifest {
    return this.apiObject.toJson() as NetworkPolicyManifest;
  }

  /** The object as the lints read it (see {@link specForLints}). */
  private lintManifest(): NetworkPolicyManifest {
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: this.lintMetadata(),
      spec: this.specForLints(),
    };
  }

  /**
   * What the checks read of the metadata: the name, the namespace and the annotations (lint
   * ignores). Rendering the whole metadata resolves every field; without annotations, the two
   * names are all there is to read. cdk8s keeps the annotations private: when they are not
   * found as an empty table, the metadata is rendered.
   */
  private lintMetadata(): NetworkPolicyManifest['metadata'] {
    const metadata = this.apiObject.metadata;
    const annotations = (metadata as unknown as { annotations?: unknown }).annotations;
    const noAnnotations = typeof annotations === 'object' && annotations !== null && Object.keys(annotations).length === 0;
    if (!noAnnotations) return metadata.toJson();
    return { name: metadata.name, ...(metadata.namespace !== undefined ? { namespace: metadata.namespace } : {}) };
  }

  /**
   * The spec for the lints. When the lints come before validation in a synthesis, the rendering
   * is kept for validation, so that each spec is rendered once for both; once validation has
   * read it, it is let go (kept specs would be copied by every young-generation collection of
   * the rest of the synthesis).
   */
  private specForLints(): NetworkPolicySpecManifest {
    const turn = synchronousTurn();
    const kept = this.keptSpec;
    if (kept?.turn === turn && kept.rulesVersion === this.rulesVersion) return kept.spec;
    const spec = this._renderSpec();
    const validated = this.keptValidation?.turn === turn && this.keptValidation.rulesVersion === this.rulesVersion;
    if (!validated) this.keptSpec = { turn, rulesVersion: this.rulesVersion, spec };
    return spec;
  }

  /** The spec for validation: the lints' rendering when they came first in this turn, else a new one; not kept. */
  private specForValidation(): NetworkPolicySpecManifest {
    const kept = this.keptSpec;
    this.keptSpec = undefined;
    if (kept?.turn === synchronousTurn() && kept.rulesVersion === this.rulesVersion) return kept.spec;
    return this._renderSpec();
  }

  /** Two policies with one namespace and name: applying both keeps only the last. */
  private duplicateNameErrors(): string[] {
    const twins = this.namesakes.filter((c) => c !== this);
    return twins.map((twin) => `metadata.name: the NetworkPolicy at ${twin.node.path} has the same name "${this.name}"`
      + `${this.namespaceName ? ` in namespace "${this.namespaceName}"` : ''}, so applying both would keep only one of them. `
      + 'Fix: give one of them another construct id or policyName.');
  }

  /**
   * cdk8s validates the whole app once per chart within one `synth()`/`synthYaml()`, so with
   * many charts every policy would be checked many times over. The result is kept while the
   * rules and the policies sharing this name are unchanged, and only until the current
   * synchronous synthesis ends (selectors read from workloads may change before the next one).
   */
  private validatePolicy(): string[] {
    const turn = synchronousTurn();
    const kept = this.keptValidation;
    if (kept?.turn === turn && kept.rulesVersion === this.rulesVersion && kept.namesakes === this.namesakes.length) return kept.errors;
    const errors = this.policyErrors();
    this.keptValidation = { turn, rulesVersion: this.rulesVersion, namesakes: this.namesakes.length, errors };
    return errors;
  }

  private policyErrors(): string[] {
    const errors: string[] = [];
    const workloadNamespace = this.selectedPods._namespaceName;
    if (this.requestedNamespace !== undefined && workloadNamespace !== undefined && workloadNamespace !== this.requestedNamespace) {
      errors.push(`metadata.namespace: the policy is in namespace "${this.requestedNamespace}" but its target, ${this.selectedPods}, `
        + `is in namespace "${workloadNamespace}", and a policy only applies to pods of its own namespace. `
        + `Fix: drop namespaceName or set it to "${workloadNamespace}".`);
    }
    errors.push(...this.duplicateNameErrors());
    let manifest: NetworkPolicyManifest;
    try {
      // The same values the Lazy spec resolves to; the property tests check the synthesized YAML itself.
      manifest = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: this.name, ...(this.namespaceName !== undefined ? { namespace: this.namespaceName } : {}) },
        spec: this.specForValidation(),
      };
    } catch (e) {
      return [...errors, (e as Error).message];
    }
    const diagnostics = validateNetworkPolicy(manifest, { strictCidr: true })
      .filter((d) => d.severity === 'error')
      // Without a namespace, kubectl applies the object to the context namespace, as for any cdk8s object.
      .filter((d) => !(this.namespaceName === undefined && d.fieldPath === 'metadata.namespace'));
    return [...errors, ...diagnostics.map(formatDiagnostic)];
  }
}

/**
 * The generated `KubeNetworkPolicy`, whose spec is produced already in manifest form: it renders
 * like any `ApiObject` (resolvers, sorted keys, JSON patches), without the generated class's
 * second pass that converts typed props back into manifest fields. The output is the same.
 */
class RenderedNetworkPolicy extends k8s.KubeNetworkPolicy {
  public toJson(): any {
    return ApiObject.prototype.toJson.call(this);
  }
}

/** Every NetworkPolicy of an app by namespace and name; names and namespaces never change after construction. */
const policiesByName = new WeakMap<IConstruct, Map<string, NetworkPolicy[]>>();

function nameKey(policy: NetworkPolicy): string {
  return `${policy.namespaceName ?? ''}/${policy.name}`;
}

/** Records the policy under its app, namespace and name; returns the policies that share them. */
function register(policy: NetworkPolicy): NetworkPolicy[] {
  const root = policy.node.root;
  let byName = policiesByName.get(root);
  if (!byName) {
    byName = new Map();
    policiesByName.set(root, byName);
  }
  const key = nameKey(policy);
  let namesakes = byName.get(key);
  if (!namesakes) byName.set(key, namesakes = []);
  namesakes.push(policy);
  return namesakes;
}
