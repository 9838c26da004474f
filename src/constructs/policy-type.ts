/** A direction of traffic a NetworkPolicy can isolate (`spec.policyTypes` entry). */
export enum PolicyType {
  /** Traffic into the selected pods. */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods. */
  EGRESS = 'Egress',
}

/** Which directions a construct applies to. */
export enum PolicyDirection {
  /** Only traffic into the selected pods. */
  INGRESS = 'INGRESS',
  /** Only traffic out of the selected pods. */
  EGRESS = 'EGRESS',
  /** Traffic in both directions. */
  BOTH = 'BOTH',
}

/** The policy types a direction stands for, in the order Kubernetes lists them. */
export function policyTypesOf(direction: PolicyDirection): PolicyType[] {
  switch (direction) {
    case PolicyDirection.INGRESS: return [PolicyType.INGRESS];
    case PolicyDirection.EGRESS: return [PolicyType.EGRESS];
    default: return [PolicyType.INGRESS, PolicyType.EGRESS];
  }
}
