import { AnywherePeer } from './ip-block';
import { LabelSelector } from './label-selector';
import { Namespaces } from './namespaces';
import { IPeer, OppositeEnd } from './peer';
import { Peer } from './peers';
import { Pods } from './pods';
import { quote, valueError } from './value-error';
import { LabelSelectorManifest, NetworkPolicyPeerManifest } from '../model/manifest';
import { cidrErrors, formatNetwork, parseCidr } from '../net/cidr';
import { DOMAIN_NAME_PATTERN } from '../validation/cluster-policy/crd-schemas';

/**
 * One peer (or subject) of a cluster-scoped policy as written in its manifest: exactly one of
 * the fields is set.
 * @internal
 */
export interface ClusterPeerManifest {
  readonly namespaces?: LabelSelectorManifest;
  readonly pods?: { readonly namespaceSelector: LabelSelectorManifest; readonly podSelector: LabelSelectorManifest };
  readonly networks?: string[];
  readonly nodes?: LabelSelectorManifest;
  readonly domainNames?: string[];
}

const DOMAIN_NAME = new RegExp(DOMAIN_NAME_PATTERN);

/**
 * The peers only cluster-scoped policies have (`networks`, `nodes`, `domainNames`), and the
 * cluster-wide spelling of pods and namespaces. Any `Namespaces`, `Pods.of(workload)`,
 * `pods.inNamespaces(...)` or `Peer.ipBlock(cidr)` also works as a peer of a cluster policy;
 * pods chosen by labels alone must say in which namespaces, since a cluster policy has no
 * namespace of its own.
 *
 * @example
 * ClusterPeer.pods(Pods.labelled({ app: 'prometheus' }), Namespaces.named('monitoring'))
 * ClusterPeer.networks('10.0.0.0/8', '172.16.0.0/12')
 */
export class ClusterPeer implements IPeer {
  /**
   * Every pod in the given namespaces (`namespaces`).
   *
   * @param namespaces the namespaces
   */
  public static namespaces(namespaces: Namespaces): ClusterPeer {
    return new ClusterPeer(() => ({ namespaces: namespaces.selector._toManifest() }), `${namespaces}`, namespaces);
  }

  /**
   * Pods in the given namespaces (`pods` with both selectors). For `Pods.of(workload)` the
   * workload's namespace is used when `namespaces` is left out.
   *
   * @param pods the pods
   * @param namespaces the namespaces they must be in
   * @default namespaces - the workload's namespace for `Pods.of(workload)`; required otherwise
   */
  public static pods(pods: Pods, namespaces?: Namespaces): ClusterPeer {
    if (namespaces === undefined && pods._namespaceName === undefined) {
      throw valueError(`ClusterPeer.pods(${pods})`, 'a cluster policy has no namespace of its own, so the pods\' namespaces must be given',
        'Pass them: ClusterPeer.pods(pods, Namespaces.named("shop")), or ClusterPeer.pods(pods, Namespaces.all()) for every namespace.');
    }
    if (namespaces !== undefined && pods._namespaceName !== undefined) {
      throw valueError(`ClusterPeer.pods(${pods}, ${namespaces})`, `these pods already belong to namespace ${pods._namespaceName}`,
        'Drop the namespaces: Pods.of(workload) takes the namespace from the workload.');
    }
    const where = namespaces ?? Namespaces.named(pods._namespaceName!);
    return new ClusterPeer(() => ({ pods: { namespaceSelector: where.selector._toManifest(), podSelector: pods._selector()._toManifest() } }),
      `${pods} in ${where}`, namespaces === undefined ? pods : pods.inNamespaces(namespaces));
  }

  /** Every pod of the cluster (`namespaces: {}`); not node or external addresses. */
  public static allPods(): ClusterPeer {
    return ClusterPeer.namespaces(Namespaces.all());
  }

  /**
   * Addresses by CIDR (`networks`, egress only). Unlike a NetworkPolicy `ipBlock`, a network
   * also matches pod and node addresses inside it. Written canonically: no bits set beyond the
   * prefix length (the API accepts them, and implementations mask them).
   *
   * @param cidrs one to 25 networks, e.g. `10.0.0.0/8` or `2001:db8::/32`
   */
  public static networks(...cidrs: string[]): ClusterPeer {
    const call = () => `ClusterPeer.networks(${cidrs.map((c) => quote(c)).join(', ')})`;
    if (cidrs.length === 0 || cidrs.length > 25) {
      throw valueError(call, `${cidrs.length} networks were given, and a networks peer holds 1 to 25`, 'Split them into several peers, or give at least one.');
    }
    for (const cidr of cidrs) {
      const errors = typeof cidr === 'string' ? cidrErrors(cidr, { strict: true }) : ['must be a string'];
      if (errors.length > 0) {
        const parsed = typeof cidr === 'string' ? parseCidr(cidr) : undefined;
        throw valueError(call, `${quote(cidr)} ${errors.join('; ')}`,
          parsed ? `Write it as ${quote(formatNetwork(parsed))}.` : 'Write an IPv4 or IPv6 network with its prefix length, e.g. "10.0.0.0/8".');
      }
    }
    const unique = [...new Set(cidrs)];
    return new ClusterPeer(() => ({ networks: [...unique] }), `networks ${unique.join(', ')}`, Peer.ipBlock(unique[0]), unique);
  }

  /**
   * The nodes that match a label selector (`nodes`, egress only; the experimental CRD
   * channel): their node addresses, host-network pods included.
   *
   * @param selector the node label selector
   * @default selector - every node
   */
  public static nodes(selector?: LabelSelector): ClusterPeer {
    const chosen = selector ?? LabelSelector.all();
    return new ClusterPeer(() => ({ nodes: chosen._toManifest() }), chosen.isEmpty ? 'all nodes' : `nodes ${chosen}`);
  }

  /**
   * Fully qualified domain names (`domainNames`, egress only, Accept rules only; the
   * experimental CRD channel). A leading `*.` matches one or more labels.
   *
   * @param names one to 25 names, e.g. `api.example.com` or `*.example.com`
   */
  public static domainNames(...names: string[]): ClusterPeer {
    const call = () => `ClusterPeer.domainNames(${names.map((n) => quote(n)).join(', ')})`;
    if (names.length === 0 || names.length > 25) {
      throw valueError(call, `${names.length} names were given, and a domainNames peer holds 1 to 25`, 'Split them into several peers, or give at least one.');
    }
    for (const name of names) {
      if (typeof name !== 'string' || !DOMAIN_NAME.test(name)) {
        throw valueError(call, `${quote(name)} is not a domain name the API accepts`,
          'Write a name with at least two labels, e.g. "api.example.com", optionally with a leading "*." ("*.example.com").');
      }
    }
    const unique = [...new Set(names)];
    return new ClusterPeer(() => ({ domainNames: [...unique] }), `domains ${unique.join(', ')}`);
  }

  private constructor(
    private readonly render: () => ClusterPeerManifest,
    private readonly text: string,
    /** The same peer for a NetworkPolicy, when it has one. */
    private readonly asNetworkPolicyPeer?: IPeer,
    private readonly cidrs?: string[],
  ) {}

  /** A readable form such as `pods app=web in namespace shop` or `networks 10.0.0.0/8`. */
  public toString(): string {
    return this.text;
  }

  /** @internal */
  public _toClusterPeerManifest(): ClusterPeerManifest {
    return this.render();
  }

  /** @internal */
  public _toPeerManifests(): NetworkPolicyPeerManifest[] {
    if (this.cidrs) return this.cidrs.flatMap((c) => Peer.ipBlock(c)._toPeerManifests({})!);
    if (!this.asNetworkPolicyPeer) {
      throw new Error(`${this.text}: this peer exists only in cluster-scoped policies, not in a NetworkPolicy. `
        + 'Fix: move the rule into a ClusterNetworkPolicy, or match the addresses with Peer.ipBlock(...).');
    }
    return this.asNetworkPolicyPeer._toPeerManifests({}) ?? [];
  }

  /** @internal */
  public _oppositeEnd(): OppositeEnd | undefined {
    return this.asNetworkPolicyPeer?._oppositeEnd();
  }
}

/**
 * A peer of any kind as the entries of a cluster policy's peer list. Throws an error naming
 * `where` for what a cluster policy cannot express.
 * @internal
 */
export function clusterPeerManifests(peer: IPeer, where: string): ClusterPeerManifest[] {
  if (peer instanceof ClusterPeer) return [peer._toClusterPeerManifest()];
  if (peer instanceof AnywherePeer) {
    throw new Error(`${where}: ${peer} has no cluster-policy form (a cluster policy lists what it matches). `
      + 'Fix: use ClusterPeer.allPods() for every pod, and ClusterPeer.networks("0.0.0.0/0", "::/0") for every address.');
  }
  const entries = peer._toPeerManifests({}) ?? [];
  return entries.map((entry) => {
    if (entry.ipBlock) {
      if (entry.ipBlock.except && entry.ipBlock.except.length > 0) {
        throw new Error(`${where}: ${peer} has exceptions, which cluster policies cannot express. `
          + 'Fix: put a Deny rule for the exceptions before this rule, or list the remaining networks with ClusterPeer.networks(...).');
      }
      return { networks: [entry.ipBlock.cidr!] };
    }
    if (entry.podSelector && entry.namespaceSelector) return { pods: { namespaceSelector: entry.namespaceSelector, podSelector: entry.podSelector } };
    if (entry.namespaceSelector) return { namespaces: entry.namespaceSelector };
    throw new Error(`${where}: ${peer} does not say in which namespaces, and a cluster policy has no namespace of its own. `
      + 'Fix: write pods.inNamespaces(Namespaces.named("shop")), or ClusterPeer.pods(pods, Namespaces.all()) for every namespace.');
  });
}
