import type { Pods } from './pods';
import { NetworkPolicyPeerManifest } from '../model/manifest';

/**
 * Where the rendering of a peer happens: the namespace of the policy that holds the rule.
 * @internal
 */
export interface PeerContext {
  /** The policy's namespace, if known. */
  readonly policyNamespace?: string;
}

/**
 * The far end of a peer, used to write the opposite rule in the peer's own namespace.
 * @internal
 */
export interface OppositeEnd {
  /** The namespaces the peer's pods live in, by name. */
  readonly namespaceNames: string[];
  /** Which pods of those namespaces the peer is. */
  readonly pods: Pods;
}

/**
 * Something a rule can allow traffic from (ingress) or to (egress): pods, namespaces,
 * an IP block, or anywhere. Create peers with `Pods`, `Namespaces` and `Peer`; the
 * interface is not meant to be implemented outside this library, since its rendering
 * methods are internal.
 */
export interface IPeer {
  /** A readable description such as `pods app=web in namespace shop`, reused in explanations. */
  toString(): string;

  /**
   * The peer entries of a rule; undefined means "every source or destination", which a
   * rule spells as an absent peer list.
   * @internal
   */
  _toPeerManifests(context: PeerContext): NetworkPolicyPeerManifest[] | undefined;

  /**
   * Pods in namespaces known by name, for the rule on the other end; undefined when the
   * peer is not such a set of pods (IP blocks, namespaces chosen by label).
   * @internal
   */
  _oppositeEnd(): OppositeEnd | undefined;
}
