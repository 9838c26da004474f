import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions } from './network-policy';
import { PolicyDirection, policyTypesOf } from './policy-type';
import { PropsCheck } from './props-check';
import { Pods } from '../values/pods';

/** Properties of a `DefaultDenyAll`. */
export interface DefaultDenyAllProps extends NetworkPolicyOptions {
  /**
   * Which traffic to deny.
   * @default PolicyDirection.BOTH
   */
  readonly direction?: PolicyDirection;
  /**
   * The pods to isolate.
   * @default Pods.all()
   */
  readonly pods?: Pods;
}

/**
 * Denies all traffic of the selected pods (every pod of the namespace by default), in one
 * or both directions. Other policies then open what is needed: policies are additive, so
 * this one only ensures the pods are isolated.
 *
 * Renders `podSelector: {}`, the chosen `policyTypes`, and no rules.
 */
export class DefaultDenyAll extends NetworkPolicy {
  /** The denied direction(s). */
  public readonly direction: PolicyDirection;

  public constructor(scope: Construct, id: string, props: DefaultDenyAllProps = {}) {
    const check = PropsCheck.forChild(scope, id, 'DefaultDenyAll');
    const given = check.known(props, ['policyName', 'namespaceName', 'direction', 'pods'], { podSelector: 'pods' });
    const direction = check.enumValue(given.direction, 'direction', Object.values(PolicyDirection)) ?? PolicyDirection.BOTH;
    super(scope, id, {
      policyName: given.policyName,
      namespaceName: given.namespaceName,
      pods: check.optionalPods(given.pods, 'pods', 'Pods.labelled({ app: "api" })'),
      policyTypes: policyTypesOf(direction),
    });
    this.direction = direction;
  }
}
