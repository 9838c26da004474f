import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { LabelExpression, LabelSelector } from './label-selector';
import { Namespaces } from './namespaces';
import { IPeer, OppositeEnd, PeerContext } from './peer';
import { quote, valueError } from './value-error';
import { NAMESPACE_NAME_LABEL, NetworkPolicyPeerManifest } from '../model/manifest';

/**
 * A set of pods chosen by labels, or the pods of a cdk8s-plus workload.
 *
 * Without `inNamespaces()` the pods are in the policy's own namespace (or, for a workload,
 * in the workload's namespace). Used as a policy target it says which pods the policy
 * applies to; used as a peer it says which pods may talk to them.
 *
 * @example
 * Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'))
 */
export class Pods implements IPeer {
  /**
   * Pods that carry every given label.
   *
   * @param labels label keys and values, e.g. `{ app: 'web' }`
   */
  public static labelled(labels: { [key: string]: string }): Pods {
    const selector = LabelSelector._labelled(() => `Pods.labelled(${quote(labels)})`, labels);
    return new Pods(() => selector, `pods ${selector}`);
  }

  /**
   * Pods that match a label selector.
   *
   * @param selector the pod label selector
   */
  public static selectedBy(selector: LabelSelector): Pods {
    if (selector.isEmpty) return Pods.all();
    return new Pods(() => selector, `pods ${selector}`);
  }

  /** Every pod (of the policy's namespace, unless narrowed with `inNamespaces()`). */
  public static all(): Pods {
    const selector = LabelSelector.all();
    return new Pods(() => selector, 'all pods');
  }

  /**
   * The pods of a cdk8s-plus workload or pod (Deployment, StatefulSet, DaemonSet, Job, Pod…),
   * selected by the workload's pod selector (`matchLabels`/`matchExpressions`) or, for a
   * bare Pod or a workload without a selector (a Job), by its pod labels. The labels are
   * read at synthesis, so labels added later count. The namespace is the workload's (its
   * metadata, else its chart's); a workload without any namespace is taken to be in the
   * policy's namespace.
   *
   * @param workload a cdk8s-plus workload or pod
   */
  public static of(workload: kplus.AbstractPod): Pods {
    const namespaceName = workload.metadata.namespace ?? Chart.of(workload).namespace;
    const where = namespaceName ? `${namespaceName}/` : '';
    return new Pods(() => workloadSelector(workload), `pods of ${workload.kind} ${where}${workload.name}`, namespaceName);
  }

  /**
   * The namespace of the workload these pods belong to, if any.
   * @internal
   */
  public readonly _namespaceName?: string;
  private readonly resolveSelector: () => LabelSelector;
  private readonly text: string;

  private constructor(resolveSelector: () => LabelSelector, text: string, namespaceName?: string) {
    this.resolveSelector = resolveSelector;
    this.text = text;
    this._namespaceName = namespaceName;
  }

  /**
   * These pods, but only in the given namespaces: ONE peer with both a pod and a namespace
   * selector, so both must match.
   *
   * @param namespaces the namespaces the pods must be in
   */
  public inNamespaces(namespaces: Namespaces): IPeer {
    if (this._namespaceName !== undefined) {
      throw valueError(`${this.text}.inNamespaces(${namespaces})`,
        `these pods already belong to namespace ${this._namespaceName}`,
        'Drop inNamespaces(): Pods.of(workload) takes the namespace from the workload.');
    }
    return new PodsInNamespaces(this, namespaces);
  }

  /** A readable form such as `pods app=web`, `all pods` or `pods of Deployment shop/web`. */
  public toString(): string {
    return this.text;
  }

  /**
   * The pod label selector. For a workload it is computed now and throws when the
   * workload's pods cannot be told apart by labels.
   * @internal
   */
  public _selector(): LabelSelector {
    return this.resolveSelector();
  }

  /** @internal */
  public _toPeerManifests(context: PeerContext): NetworkPolicyPeerManifest[] {
    const podSelector = this._selector()._toManifest();
    const otherNamespace = this._namespaceName !== undefined && this._namespaceName !== context.policyNamespace;
    if (otherNamespace) {
      return [{ podSelector, namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: this._namespaceName! } } }];
    }
    return [{ podSelector }];
  }

  /** @internal */
  public _oppositeEnd(): OppositeEnd {
    return this._namespaceName !== undefined ? { namespaceNames: [this._namespaceName], pods: this } : { pods: this };
  }
}

/** Pods that must also be in the given namespaces: one peer, both selectors. */
class PodsInNamespaces implements IPeer {
  constructor(private readonly pods: Pods, private readonly namespaces: Namespaces) {}

  public toString(): string {
    return `${this.pods} in ${this.namespaces}`;
  }

  public _toPeerManifests(): NetworkPolicyPeerManifest[] {
    return [{ podSelector: this.pods._selector()._toManifest(), namespaceSelector: this.namespaces.selector._toManifest() }];
  }

  public _oppositeEnd(): OppositeEnd {
    const names = this.namespaces.names;
    return names
      ? { namespaceNames: [...names], pods: this.pods }
      : { unwritable: 'its namespaces are chosen by labels, not by name' };
  }
}

function workloadSelector(workload: kplus.AbstractPod): LabelSelector {
  let labels: { [key: string]: string } = {};
  let expressions: LabelExpression[] = [];
  if (workload instanceof kplus.Workload) {
    labels = workload.matchLabels;
    expressions = workload.matchExpressions.map((e) => toExpression(workload, e));
  }
  // A bare Pod, or a workload without a selector of its own (a Job): its pods' labels.
  if (Object.keys(labels).length === 0 && expressions.length === 0) {
    labels = workload.podMetadata.toJson().labels ?? {};
  }
  if (Object.keys(labels).length === 0 && expressions.length === 0) {
    throw new Error(`Pods.of(${workload.kind} ${workload.name}): the ${workload.kind} has no pod labels, so a selector for its pods `
      + 'would select every pod of the namespace. Keep its default selector (select: true) or give its pods labels (podMetadata.labels).');
  }
  return LabelSelector.of({ labels, expressions });
}

function toExpression(workload: kplus.AbstractPod, requirement: kplus.LabelSelectorRequirement): LabelExpression {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In': return LabelExpression.valueIn(requirement.key, values);
    case 'NotIn': return LabelExpression.valueNotIn(requirement.key, values);
    case 'Exists': return LabelExpression.exists(requirement.key);
    case 'DoesNotExist': return LabelExpression.doesNotExist(requirement.key);
    default:
      throw new Error(`Pods.of(${workload.kind} ${workload.name}): its selector uses the operator "${requirement.operator}", `
        + 'which a NetworkPolicy selector does not accept. Use In, NotIn, Exists or DoesNotExist.');
  }
}
