import { CelRule } from './schema';
import { parseCidr } from '../../net/cidr';

/**
 * The CEL rules (`x-kubernetes-validations`) of the cluster-scoped policy CRDs, with their exact
 * text and message (spec A.1.3, A.2.1, A.3.2), implemented in TypeScript. They only ever see
 * values that passed the schema step.
 */

/**
 * Kubernetes' CEL `isCIDR`: Go's `netip.ParsePrefix` (no leading zeros, no zones, no spaces,
 * a prefix length in range) and no IPv4-mapped IPv6 prefix. Host bits may be set.
 */
export function isCidr(text: string): boolean {
  const parsed = parseCidr(text);
  return parsed !== undefined && !parsed.leadingZeros && !parsed.ipv4Mapped;
}

/** C2-1: a v1alpha2 port range is ordered, strictly. */
export const PORT_RANGE_RULE: CelRule = {
  id: 'cel-port-range',
  rule: 'self.start < self.end',
  message: 'Start port must be less than End port',
  holds: (range: { start: number; end: number }) => range.start < range.end,
};

/** C2-2, C1A-1, C1B-2: every `networks` entry is a CIDR. */
export const CIDR_RULE: CelRule = {
  id: 'cel-cidr',
  rule: 'isCIDR(self)',
  message: 'Invalid CIDR format provided',
  holds: (cidr: string) => isCidr(cidr),
};

interface EgressRule {
  readonly to: readonly Record<string, unknown>[];
  readonly protocols?: readonly Record<string, unknown>[];
  readonly ports?: readonly Record<string, unknown>[];
}

const hasAny = (o: Record<string, unknown>, fields: readonly string[]) => fields.some((f) => o[f] !== undefined);

function namedPortRule(portsField: 'protocols' | 'ports', namedField: string, peerFields: readonly string[]): CelRule {
  const peers = peerFields.map((f) => `has(peer.${f})`).join(' || ');
  const item = portsField === 'protocols' ? 'protocol' : 'port';
  const names = peerFields.join('/');
  return {
    id: 'cel-named-port-peers',
    rule: `!(self.to.exists(peer, ${peers}) && has(self.${portsField}) && self.${portsField}.exists(${item}, has(${item}.${namedField})))`,
    message: `${names} peer cannot be set with namedPorts since there are no namedPorts for ${names}`,
    holds: (rule: EgressRule) => !(rule.to.some((peer) => hasAny(peer, peerFields))
      && rule[portsField]?.some((p) => p[namedField] !== undefined) === true),
  };
}

/** C2-3 (experimental channel): no named port next to a networks, nodes or domainNames peer. */
export const NAMED_PORT_RULE_V1ALPHA2 = namedPortRule('protocols', 'destinationNamedPort', ['networks', 'nodes', 'domainNames']);

/** C1A-2 (experimental channel). */
export const NAMED_PORT_RULE_V1ALPHA1 = namedPortRule('ports', 'namedPort', ['networks', 'nodes', 'domainNames']);

/** C1B-3 (experimental channel): a BANP has no domainNames, and its rule says so. */
export const NAMED_PORT_RULE_V1ALPHA1_BASELINE = namedPortRule('ports', 'namedPort', ['networks', 'nodes']);

/** C1B-1: the one BaselineAdminNetworkPolicy is named `default`. */
export const SINGLETON_RULE: CelRule = {
  id: 'cel-baseline-singleton',
  rule: "self.metadata.name == 'default'",
  message: 'Only one baseline admin network policy with metadata.name="default" can be created in the cluster',
  holds: (object: { metadata?: { name?: unknown } }) => object.metadata?.name === 'default',
};
