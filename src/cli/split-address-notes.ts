import { Cluster, workloadKey } from '../model/cluster';
import { cidrInterval, intervalContains, parseIp } from '../net/cidr';

/**
 * Notes for the pods an ipBlock selects through some of their addresses only (a dual-stack pod
 * whose IPv6 address is in the block and IPv4 address is not). A connection list has no column
 * for the address family, so a pair allowed through such a block would read as allowed over
 * every address; the note says the others may be denied and how to see which.
 */
export function splitAddressNotes(cluster: Cluster): string[] {
  const multiAddress = cluster.workloads
    .map((w) => ({ w, ips: w.podIps.map(parseIp).filter((ip) => ip !== undefined) }))
    .filter((entry) => entry.ips.length > 1);
  if (multiAddress.length === 0) return [];
  const notes: string[] = [];
  for (const policy of cluster.policies) {
    for (const [direction, peerField] of [['ingress', 'from'], ['egress', 'to']] as const) {
      const rules = (policy.manifest.spec?.[direction] ?? []) as readonly Record<string, any>[];
      rules.forEach((rule, ruleIndex) => {
        const peers = (Array.isArray(rule?.[peerField]) ? rule[peerField] : []) as readonly Record<string, any>[];
        peers.forEach((peer, peerIndex) => {
          const cidr = typeof peer?.ipBlock?.cidr === 'string' ? cidrInterval(peer.ipBlock.cidr) : undefined;
          if (!cidr) return;
          const excepts = (Array.isArray(peer.ipBlock.except) ? peer.ipBlock.except : [])
            .map((e: unknown) => (typeof e === 'string' ? cidrInterval(e) : undefined))
            .filter((e: unknown) => e !== undefined);
          for (const { w, ips } of multiAddress) {
            const inside = ips.filter((ip) => intervalContains(cidr, ip) && !excepts.some((e: any) => intervalContains(e, ip)));
            if (inside.length === 0 || inside.length === ips.length) continue;
            notes.push(
              `note: ${workloadKey(w)} has addresses inside and outside ipBlock ${peer.ipBlock.cidr} `
              + `(${policy.namespace}/${policy.name} spec.${direction}[${ruleIndex}].${peerField}[${peerIndex}]): `
              + 'a connection listed as allowed through it holds only over the addresses inside; '
              + 'run explain for one connection to see which are denied',
            );
          }
        });
      });
    }
  }
  return notes;
}
