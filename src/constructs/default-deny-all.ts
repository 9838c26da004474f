import { Construct } from 'constructs';
import { NetworkPolicy, NetworkPolicyOptions } from './network-policy';
import { PolicyType } from './policy-type';
import { PropsCheck } from './props-check';
import { Pods } from '../values/pods';

/** Properties of a `DefaultDenyAll`. */
export interface DefaultDenyAllProps extends NetworkPolicyOptions {
  /**
   * Which traffic to deny: `PolicyType.INGRESS`, `PolicyType.EGRESS`, or both.
   * @default [PolicyType.INGRESS, PolicyType.EGRESS]
   */
  readonly policyTypes?: PolicyType[];
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
  /** The denied direction(s), in the order Kubernetes lists them. */
  public readonly deniedTypes: PolicyType[];

  public constructor(scope: Construct, id: string, props: DefaultDenyAllProps = {}) {
    const check = PropsCheck.forChild(scope, id, 'DefaultDenyAll');
    const given = check.known(props, ['policyName', 'namespaceName', 'policyTypes', 'pods'], { podSelector: 'pods', direction: 'policyTypes' });
    const policyTypes = deniedTypes(check, given.policyTypes);
    super(scope, id, {
      policyName: given.policyName,
      namespaceName: given.namespaceName,
      pods: check.optionalPods(given.pods, 'pods', 'Pods.labelled({ app: "api" })'),
      policyTypes,
    });
    this.deniedTypes = policyTypes;
  }
}

/** The types to deny, in Kubernetes' order: both by default, never none. */
function deniedTypes(check: PropsCheck, given: readonly PolicyType[] | undefined): PolicyType[] {
  if (given === undefined) return [PolicyType.INGRESS, PolicyType.EGRESS];
  if (!Array.isArray(given) || given.length === 0) {
    throw check.error('policyTypes', 'must list at least one of PolicyType.INGRESS and PolicyType.EGRESS',
      'leave policyTypes out to deny both directions');
  }
  const types = given.map((t, i) => check.enumValue(t, `policyTypes[${i}]`, Object.values(PolicyType), true)!);
  return [PolicyType.INGRESS, PolicyType.EGRESS].filter((t) => types.includes(t));
}
