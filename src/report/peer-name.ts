/** A workload as netpol-analyzer prints it: `namespace/name[Kind]`. */
export function workloadPeerName(workload: { readonly namespace: string; readonly name: string; readonly kind: string }): string {
  return `${workload.namespace}/${workload.name}[${workload.kind}]`;
}

/**
 * An external address range, always as `first-last[External]`, even for one address.
 * IPv6 addresses are written in their compressed RFC 5952 form (`::-ffff:…`); netpol-analyzer
 * itself prints only IPv4.
 */
export function externalPeerName(first: string, last: string): string {
  return `${first}-${last}[External]`;
}
