import { parseCidr } from '../../net/cidr';

/** How to fix a broken CEL rule of the cluster policy CRDs, given the value of its node. */
export function celFix(ruleId: string, value: any): string {
  switch (ruleId) {
    case 'cel-port-range':
      return value.start === value.end
        ? `a range needs start < end: for the single port write destinationPort: {number: ${value.start}}`
        : `swap them: range: {start: ${value.end}, end: ${value.start}}`;
    case 'cel-cidr':
      return cidrFix(String(value));
    case 'cel-named-port-peers':
      return 'named ports exist only on pods: move the networks/nodes/domainNames peers into a rule of their own with port numbers';
    case 'cel-baseline-singleton':
      return 'name it default (metadata.name: default): a cluster has at most one BaselineAdminNetworkPolicy';
    default:
      return 'correct the value';
  }
}

function cidrFix(text: string): string {
  const parsed = parseCidr(text);
  if (parsed?.ipv4Mapped) return 'write the IPv4 network itself, e.g. "1.2.3.0/24", not an IPv4-mapped IPv6 prefix';
  if (parsed?.leadingZeros) return 'remove the leading zeros, e.g. "10.0.0.0/8"';
  if (!text.includes('/')) return `add the prefix length, e.g. "${text.trim()}/32"`;
  return 'write an IPv4 or IPv6 network with its prefix length, e.g. "10.0.0.0/8" or "2001:db8::/32"';
}
