import * as kplus from 'cdk8s-plus-28';
import { LabelExpression, LabelSelector } from './label-selector';
import { IPeer, OppositeEnd } from './peer';
import { Pods } from './pods';
import { quote, valueError } from './value-error';
import { NAMESPACE_NAME_LABEL, NetworkPolicyPeerManifest } from '../model/manifest';
import { dns1123LabelErrors } from '../validation/names';

/**
 * A set of namespaces, chosen by name or by labels. Used as a peer it means every pod in
 * those namespaces; combined with `Pods…inNamespaces()` it narrows a pod selection.
 *
 * @example
 * Namespaces.named('monitoring')       // kubernetes.io/metadata.name=monitoring
 * Namespaces.named('a', 'b')           // kubernetes.io/metadata.name in (a,b)
 */
export class Namespaces implements IPeer {
  /**
   * Namespaces by name, through the `kubernetes.io/metadata.name` label the control plane
   * sets on every namespace. Several names become one `In` expression, so they stay one peer.
   *
   * @param names one or more namespace names
   */
  public static named(...names: string[]): Namespaces {
    const call = () => `Namespaces.named(${names.map((n) => quote(n)).join(', ')})`;
    if (names.length === 0) {
      throw valueError(call, 'no namespace name was given', 'Pass at least one name, or use Namespaces.all() for every namespace.');
    }
    for (const name of names) {
      const errors = typeof name === 'string' ? dns1123LabelErrors(name) : ['must be a string'];
      if (errors.length > 0) {
        throw valueError(call, `${quote(name)} is not a valid namespace name: ${errors.join('; ')}`,
          'Use the namespace name exactly as it appears in `kubectl get namespaces`, e.g. "kube-system".');
      }
    }
    const unique = [...new Set(names)];
    const selector = unique.length === 1
      ? LabelSelector.labelled({ [NAMESPACE_NAME_LABEL]: unique[0] })
      : LabelSelector.of({ expressions: [LabelExpression.valueIn(NAMESPACE_NAME_LABEL, unique)] });
    const text = unique.length === 1 ? `namespace ${unique[0]}` : `namespaces ${unique.join(', ')}`;
    return new Namespaces(selector, text, unique);
  }

  /**
   * The namespaces of cdk8s-plus `Namespace` constructs, by their names.
   *
   * @param namespaces one or more cdk8s-plus namespaces
   */
  public static of(...namespaces: kplus.Namespace[]): Namespaces {
    return Namespaces.named(...namespaces.map((ns) => ns.name));
  }

  /**
   * Namespaces that carry every given label.
   *
   * @param labels label keys and values, e.g. `{ team: 'payments' }`
   */
  public static labelled(labels: { [key: string]: string }): Namespaces {
    const selector = LabelSelector._labelled(() => `Namespaces.labelled(${quote(labels)})`, labels);
    return new Namespaces(selector, `namespaces ${selector}`);
  }

  /**
   * Namespaces that match a label selector.
   *
   * @param selector the namespace label selector
   */
  public static selectedBy(selector: LabelSelector): Namespaces {
    if (selector.isEmpty) return Namespaces.all();
    return new Namespaces(selector, `namespaces ${selector}`);
  }

  /** Every namespace of the cluster (`namespaceSelector: {}`). External addresses are not included. */
  public static all(): Namespaces {
    return new Namespaces(LabelSelector.all(), 'all namespaces');
  }

  /** The namespace label selector. */
  public readonly selector: LabelSelector;
  /** The names, when the namespaces were chosen by name; undefined otherwise. */
  public readonly names?: string[];
  private readonly text: string;

  private constructor(selector: LabelSelector, text: string, names?: string[]) {
    this.selector = selector;
    this.text = text;
    this.names = names;
  }

  /** A readable form such as `namespace monitoring`, `namespaces a, b` or `all namespaces`. */
  public toString(): string {
    return this.text;
  }

  /** @internal */
  public _toPeerManifests(): NetworkPolicyPeerManifest[] {
    return [{ namespaceSelector: this.selector._toManifest() }];
  }

  /** @internal */
  public _oppositeEnd(): OppositeEnd {
    return this.names
      ? { namespaceNames: [...this.names], pods: Pods.all() }
      : { unwritable: 'the namespaces are chosen by labels, not by name' };
  }
}
