/** A direction of traffic a NetworkPolicy can isolate (`spec.policyTypes` entry). */
export enum PolicyType {
  /** Traffic into the selected pods. */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods. */
  EGRESS = 'Egress',
}
