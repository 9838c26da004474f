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
 * The far end of a peer, used to write the opposite rule where the peer's pods live.
 * @internal
 */
export interface OppositeEnd {
  /** The namespaces the peer's pods live in, by name; undefined: the policy's own namespace. */
  readonly namespaceNames?: string[];
  /** Which pods of those namespaces the peer is; undefined when the rule cannot be written (see `unwritable`). */
  readonly pods?: Pods;
  /** Why no rule can be written at the far end although it holds pods, e.g. namespaces chosen by labels. */
  readonly unwritable?: string;
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
   * The pods at the other end and where they live, for the opposite rule; undefined when the
   * peer is addresses (IP blocks, anywhere) that no policy of the cluster can select.
   * @internal
   */
  _oppositeEnd(): OppositeEnd | undefined;
}
