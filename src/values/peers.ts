import { AnywherePeer, IpBlockPeer } from './ip-block';
import { Namespaces } from './namespaces';
import { IPeer } from './peer';
import { Pods } from './pods';
import { quote } from './value-error';

/**
 * Factories for peers that are not plain pod selections: IP blocks, the whole internet,
 * and namespaces. For pods use `Pods`; for namespaces `Namespaces` works as a peer too.
 */
export class Peer {
  /**
   * An IP block (`ipBlock`), IPv4 or IPv6, optionally with holes.
   *
   * The CIDR must be canonical for Kubernetes 1.36+: no bits set beyond the prefix length,
   * no leading zeros, no IPv4-mapped IPv6; IPv6 must also be in RFC 5952 form (lower case,
   * compressed), which older servers only warn about. Each except entry must be a strict subset of
   * the CIDR, of the same family. Whether an IP block also matches pod IPs depends on the
   * network plugin; select pods with `Pods` instead.
   *
   * @param cidr the network, e.g. `10.0.0.0/8` or `2001:db8::/32`
   * @param exceptCidrs networks inside `cidr` to leave out
   * @default exceptCidrs - nothing is left out
   */
  public static ipBlock(cidr: string, exceptCidrs?: string[]): IPeer {
    const call = () => (exceptCidrs === undefined
      ? `Peer.ipBlock(${quote(cidr)})`
      : `Peer.ipBlock(${quote(cidr)}, ${quote(exceptCidrs)})`);
    return IpBlockPeer.create(call, cidr, exceptCidrs ?? []);
  }

  /** Every IPv4 address (`0.0.0.0/0`). */
  public static anyIpv4(): IPeer {
    return Peer.ipBlock('0.0.0.0/0');
  }

  /** Every IPv6 address (`::/0`). */
  public static anyIpv6(): IPeer {
    return Peer.ipBlock('::/0');
  }

  /**
   * Every source or destination, in the cluster or outside it.
   *
   * Rendered as a rule without a peer list (`from`/`to` omitted), not as the IP blocks
   * `0.0.0.0/0` and `::/0`: whether IP blocks match pod IPs depends on the network plugin
   * (Calico matches them, Cilium does not), while an absent peer list means "everyone" on
   * every plugin. A rule that lists `anywhere()` next to other peers is rendered the same
   * way, since the other peers add nothing.
   */
  public static anywhere(): IPeer {
    return new AnywherePeer();
  }

  /**
   * Every pod in the given namespaces (`namespaceSelector` only).
   *
   * @param namespaces the namespaces
   */
  public static namespaces(namespaces: Namespaces): IPeer {
    return namespaces;
  }

  /**
   * Pods of the policy's namespace, or of a workload's namespace (same as passing `pods`).
   *
   * @param pods the pods
   */
  public static pods(pods: Pods): IPeer {
    return pods;
  }

  protected constructor() {}
}
