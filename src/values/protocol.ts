/**
 * The transport protocols a NetworkPolicy port can name.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
 */
export enum Protocol {
  /** Transmission Control Protocol. Kubernetes' default when a port names no protocol. */
  TCP = 'TCP',
  /** User Datagram Protocol. */
  UDP = 'UDP',
  /** Stream Control Transmission Protocol. */
  SCTP = 'SCTP',
}
