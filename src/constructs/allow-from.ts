import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions, NetworkPolicyProps } from './network-policy';
import { PolicyType } from './policy-type';
import { Namespaces } from '../values/namespaces';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** Properties of `AllowFrom` and `AllowTo`. */
export interface AllowTrafficProps extends NetworkPolicyOptions {
  /** The pods the policy applies to: the destinations for `AllowFrom`, the sources for `AllowTo`. */
  readonly pods: Pods;
  /**
   * The other end: sources for `AllowFrom`, destinations for `AllowTo`. Any peer matches.
   * An empty list means every source or destination.
   */
  readonly peers: IPeer[];
  /**
   * The destination ports.
   * @default - all ports
   */
  readonly ports?: Port[];
  /**
   * Also write the opposite rule at the other end: for every peer made of pods in
   * namespaces known by name (`Pods.of(workload)`, `Pods…inNamespaces(Namespaces.named(…))`,
   * `Namespaces.named(…)`), one policy per namespace that lets those pods send (for
   * `AllowFrom`) or receive (for `AllowTo`) this traffic. The policies are named
   * `<name>-egress-in-<namespace>` (`<name>-ingress-in-…` for `AllowTo`), or just
   * `<name>-egress` when the peer is in the policy's own namespace. Needed when both ends are
   * isolated. IP-block peers and namespaces chosen by labels get no opposite policy.
   * @default false
   */
  readonly bothEnds?: boolean;
}

/**
 * Lets the selected pods accept traffic from the peers on the ports (an ingress policy).
 *
 * @example
 * new AllowFrom(chart, 'web-to-api', {
 *   pods: Pods.labelled({ app: 'api' }),
 *   peers: [Pods.labelled({ app: 'web' })],
 *   ports: [Port.tcp(8080)],
 * });
 */
export class AllowFrom extends NetworkPolicy {
  /** The policies written at the peers' end (empty unless `bothEnds`). */
  public readonly peerPolicies: NetworkPolicy[];

  public constructor(scope: Construct, id: string, props: AllowTrafficProps) {
    super(scope, id, ownEnd(props, PolicyType.INGRESS));
    this.peerPolicies = props.bothEnds ? writeOppositeEnds(this, PolicyType.EGRESS, props) : [];
  }
}

/**
 * Lets the selected pods send traffic to the peers on the ports (an egress policy).
 *
 * @example
 * new AllowTo(chart, 'api-to-db', {
 *   pods: Pods.labelled({ app: 'api' }),
 *   peers: [Pods.labelled({ app: 'db' })],
 *   ports: [Port.POSTGRES],
 * });
 */
export class AllowTo extends NetworkPolicy {
  /** The policies written at the peers' end (empty unless `bothEnds`). */
  public readonly peerPolicies: NetworkPolicy[];

  public constructor(scope: Construct, id: string, props: AllowTrafficProps) {
    super(scope, id, ownEnd(props, PolicyType.EGRESS));
    this.peerPolicies = props.bothEnds ? writeOppositeEnds(this, PolicyType.INGRESS, props) : [];
  }
}

/** The policy at the selected pods: one rule with the peers and ports, in `direction`. */
function ownEnd(props: AllowTrafficProps, direction: PolicyType): NetworkPolicyProps {
  const rule = { peers: props.peers, ports: props.ports };
  return {
    policyName: props.policyName,
    namespaceName: props.namespaceName,
    podSelector: props.pods,
    ...(direction === PolicyType.EGRESS ? { egress: [rule] } : { ingress: [rule] }),
  };
}

function writeOppositeEnds(policy: NetworkPolicy, direction: PolicyType, props: AllowTrafficProps): NetworkPolicy[] {
  const ownNamespace = policy.namespaceName;
  if (ownNamespace === undefined) {
    throw new Error(`${policy.node.path}: bothEnds needs the policy's namespace to write the rule at the other end. `
      + 'Set namespaceName, or give the chart a namespace.');
  }
  const self = props.pods._namespaceName !== undefined ? props.pods : props.pods.inNamespaces(Namespaces.named(ownNamespace));
  const written: NetworkPolicy[] = [];
  const ids = new Set<string>();
  props.peers.forEach((peer, index) => {
    const end = peer._oppositeEnd();
    if (!end) return;
    for (const namespaceName of end.namespaceNames) {
      const kind = direction === PolicyType.EGRESS ? 'egress' : 'ingress';
      const base = namespaceName === ownNamespace ? kind : `${kind}-in-${namespaceName}`;
      const id = ids.has(base) ? `${base}-${index}` : base;
      ids.add(id);
      const rule = { peers: [self], ports: props.ports };
      written.push(new NetworkPolicy(policy, id, {
        namespaceName,
        podSelector: end.pods,
        ...(direction === PolicyType.EGRESS ? { egress: [rule] } : { ingress: [rule] }),
      }));
    }
  });
  return written;
}
