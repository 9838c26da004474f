import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions, NetworkPolicyProps } from './network-policy';
import { PolicyType } from './policy-type';
import { PropsCheck } from './props-check';
import { Namespaces } from '../values/namespaces';
import { IPeer } from '../values/peer';
import { Pods } from '../values/pods';
import { Port } from '../values/port';

/** Properties of an `AllowFrom`: the destinations accept traffic from the sources. */
export interface AllowFromProps extends NetworkPolicyOptions {
  /** The pods the policy applies to: they accept the traffic. */
  readonly destinations: Pods;
  /**
   * Who may connect: pods, namespaces, IP blocks or `Peer.anywhere()`. Any source matches.
   * Required and never empty: to let every source in, say so with `[Peer.anywhere()]`.
   */
  readonly sources: IPeer[];
  /**
   * The destination ports.
   * @default - all ports
   */
  readonly ports?: Port[];
  /**
   * Open both ends: besides the ingress rule at the destinations, write at the sources the
   * egress rule that lets them send this traffic (a connection needs both). `false` makes
   * the allow **one-sided**: only the destinations' ingress is opened, and the sources'
   * egress must be allowed elsewhere when it is isolated.
   *
   * The opposite rule goes where the sources live: one policy per namespace, named
   * `<name>-egress` in the policy's own namespace and `<name>-egress-in-<namespace>`
   * elsewhere. It selects the sources, so it isolates their egress if nothing did before.
   * IP blocks and `Peer.anywhere()` get no opposite rule (addresses have no policies).
   * Pods in namespaces chosen by labels (`Namespaces.labelled`, `Namespaces.all()`) are
   * refused, since the namespaces where the rule would go are not known by name: name the
   * namespaces, or set `bothEnds: false`.
   *
   * @default true
   */
  readonly bothEnds?: boolean;
}

/** Properties of an `AllowTo`: the sources may send traffic to the destinations. */
export interface AllowToProps extends NetworkPolicyOptions {
  /** The pods the policy applies to: they send the traffic. */
  readonly sources: Pods;
  /**
   * Where they may connect: pods, namespaces, IP blocks or `Peer.anywhere()`. Any destination
   * matches. Required and never empty: to let the sources reach everything, say so with
   * `[Peer.anywhere()]`.
   */
  readonly destinations: IPeer[];
  /**
   * The destination ports.
   * @default - all ports
   */
  readonly ports?: Port[];
  /**
   * Open both ends: besides the egress rule at the sources, write at the destinations the
   * ingress rule that lets them accept this traffic. `false` makes the allow **one-sided**:
   * only the sources' egress is opened.
   *
   * The opposite rule goes where the destinations live: `<name>-ingress` in the policy's own
   * namespace, `<name>-ingress-in-<namespace>` elsewhere; it isolates their ingress if
   * nothing did before. IP blocks and `Peer.anywhere()` get none; pods in namespaces chosen by
   * labels are refused (name the namespaces, or set `bothEnds: false`).
   *
   * @default true
   */
  readonly bothEnds?: boolean;
}

/**
 * Lets the destination pods accept traffic from the sources on the ports and, by default,
 * lets the sources send it: an ingress policy at the destinations plus the egress policy at
 * the sources (`bothEnds`), as cdk8s-plus `connections.allowFrom` and aws-cdk
 * `connections.allowFrom` do.
 *
 * @example
 * new AllowFrom(chart, 'web-to-api', {
 *   destinations: Pods.of(api),
 *   sources: [Pods.of(web)],
 *   ports: [Port.tcp(8080)],
 * });
 */
export class AllowFrom extends NetworkPolicy {
  /** The policies written at the sources' end (empty when `bothEnds` is false). */
  public readonly peerPolicies: NetworkPolicy[];

  public constructor(scope: Construct, id: string, props: AllowFromProps) {
    const checked = checkAllowProps(PropsCheck.forChild(scope, id, 'AllowFrom'), props, PolicyType.INGRESS);
    super(scope, id, ownEnd(checked, PolicyType.INGRESS));
    this.peerPolicies = checked.bothEnds ? writeOppositeEnds(this, PolicyType.EGRESS, checked) : [];
  }
}

/**
 * Lets the source pods send traffic to the destinations on the ports and, by default, lets
 * the destinations accept it: an egress policy at the sources plus the ingress policy at the
 * destinations (`bothEnds`).
 *
 * @example
 * new AllowTo(chart, 'api-to-db', {
 *   sources: Pods.of(api),
 *   destinations: [Pods.of(db)],
 *   ports: [Port.POSTGRES],
 * });
 */
export class AllowTo extends NetworkPolicy {
  /** The policies written at the destinations' end (empty when `bothEnds` is false). */
  public readonly peerPolicies: NetworkPolicy[];

  public constructor(scope: Construct, id: string, props: AllowToProps) {
    const checked = checkAllowProps(PropsCheck.forChild(scope, id, 'AllowTo'), props, PolicyType.EGRESS);
    super(scope, id, ownEnd(checked, PolicyType.EGRESS));
    this.peerPolicies = checked.bothEnds ? writeOppositeEnds(this, PolicyType.INGRESS, checked) : [];
  }
}

/** `AllowFromProps` and `AllowToProps` seen from the selected pods: what they are, who is at the other end. */
interface CheckedAllow {
  readonly policyName?: string;
  readonly namespaceName?: string;
  readonly selected: Pods;
  readonly selectedProp: string;
  readonly peers: IPeer[];
  readonly peersProp: string;
  readonly ports?: Port[];
  readonly bothEnds: boolean;
}

function checkAllowProps(check: PropsCheck, props: AllowFromProps | AllowToProps, direction: PolicyType): CheckedAllow {
  const ingress = direction === PolicyType.INGRESS;
  const [selectedProp, peersProp] = ingress ? ['destinations', 'sources'] : ['sources', 'destinations'];
  const given = check.known(props, ['policyName', 'namespaceName', selectedProp, peersProp, 'ports', 'bothEnds'],
    { pods: selectedProp, peers: peersProp, podSelector: selectedProp });
  const bothEnds: unknown = (given as AllowFromProps).bothEnds;
  if (bothEnds !== undefined && bothEnds !== null && typeof bothEnds !== 'boolean') {
    throw check.error('bothEnds', `must be true or false, not ${JSON.stringify(bothEnds)}`,
      'leave it out (both ends, the default) or write bothEnds: false for a one-sided allow');
  }
  const record = given as unknown as { [key: string]: unknown };
  return {
    policyName: given.policyName,
    namespaceName: given.namespaceName,
    selected: check.pods(record[selectedProp], selectedProp, 'Pods.of(api)'),
    selectedProp,
    peers: check.peers(record[peersProp], peersProp, {
      example: 'Pods.of(web)',
      anywhere: 'Peer.anywhere()',
    }),
    peersProp,
    ports: check.ports(given.ports, 'ports'),
    bothEnds: bothEnds ?? true,
  };
}

/** The policy at the selected pods: one rule with the peers and ports, in `direction`. */
function ownEnd(props: CheckedAllow, direction: PolicyType): NetworkPolicyProps {
  const rule = { peers: props.peers, ports: props.ports };
  return {
    policyName: props.policyName,
    namespaceName: props.namespaceName,
    pods: props.selected,
    ...(direction === PolicyType.EGRESS ? { egress: [rule] } : { ingress: [rule] }),
  };
}

function writeOppositeEnds(policy: NetworkPolicy, direction: PolicyType, props: CheckedAllow): NetworkPolicy[] {
  const ownNamespace = policy.namespaceName;
  const kind = direction === PolicyType.EGRESS ? 'egress' : 'ingress';
  const construct = direction === PolicyType.EGRESS ? 'AllowFrom' : 'AllowTo';
  const fail = (where: string, problem: string, fix: string) =>
    new Error(`${policy.node.path}: ${construct} ${where}: ${problem}. Fix: ${fix}.`);
  const written: NetworkPolicy[] = [];
  const ids = new Set<string>();
  props.peers.forEach((peer, index) => {
    const end = typeof peer._oppositeEnd === 'function' ? peer._oppositeEnd() : undefined;
    if (!end) return;
    const where = `${props.peersProp}[${index}]`;
    if (!end.pods) {
      throw fail(where, `both ends are opened by default, but no ${kind} rule can be written for "${peer}": ${end.unwritable}, `
        + 'so the namespaces where the rule would go are unknown',
      `name the namespaces (Namespaces.named("a", "b")), or make the allow one-sided with bothEnds: false and open the ${kind} of those pods where they are defined`);
    }
    for (const namespaceName of end.namespaceNames ?? [ownNamespace]) {
      const sameNamespace = namespaceName === ownNamespace;
      if (!sameNamespace && ownNamespace === undefined && props.selected._namespaceName === undefined) {
        throw fail(where, `both ends are opened by default, and the ${kind} rule in namespace "${namespaceName}" must name the namespace of ${props.selected}, `
          + 'but the policy has no namespace', 'set namespaceName, give the chart a namespace, or make the allow one-sided with bothEnds: false');
      }
      const base = sameNamespace ? kind : `${kind}-in-${namespaceName}`;
      const id = ids.has(base) ? `${base}-${index}` : base;
      ids.add(id);
      const self = sameNamespace || props.selected._namespaceName !== undefined
        ? props.selected
        : props.selected.inNamespaces(Namespaces.named(ownNamespace!));
      const rule = { peers: [self], ports: props.ports };
      written.push(new NetworkPolicy(policy, id, {
        namespaceName,
        pods: end.pods,
        ...(direction === PolicyType.EGRESS ? { egress: [rule] } : { ingress: [rule] }),
      }));
    }
  });
  return written;
}
