import { Construct } from 'constructs';
import type { NetworkPolicyProps, NetworkPolicyRule } from './network-policy';
import { PolicyType } from './policy-type';
import { PropsCheck } from './props-check';

const NETWORK_POLICY_PROPS = ['policyName', 'namespaceName', 'pods', 'policyTypes', 'ingress', 'egress'];
const RULE_PROPS = ['peers', 'ports'];
const PEER_EXAMPLE = 'Pods.labelled({ app: "web" })';

/** The props of a `NetworkPolicy`, checked: unknown props, rule shapes, every peer and port. */
export function checkNetworkPolicyProps(check: PropsCheck, props: NetworkPolicyProps): NetworkPolicyProps {
  const given = check.known(props, NETWORK_POLICY_PROPS, { podSelector: 'pods' });
  const rules = (direction: 'ingress' | 'egress'): NetworkPolicyRule[] | undefined => {
    const value: unknown = given[direction];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      throw check.error(direction, 'must be a list of rules', `wrap it in a list: ${direction}: [{ peers: [...], ports: [...] }]`);
    }
    return value.map((rule, index) => {
      const where = `${direction}[${index}]`;
      if (rule === undefined || rule === null) {
        throw check.error(where, `is ${String(rule)}`, `remove the entry, or pass {} to allow ${direction === 'ingress' ? 'every source' : 'every destination'} on purpose`);
      }
      const r = check.known(rule as NetworkPolicyRule, RULE_PROPS, { from: 'peers', to: 'peers' }, where);
      return { peers: check.optionalPeers(r.peers, `${where}.peers`, PEER_EXAMPLE), ports: check.ports(r.ports, `${where}.ports`) };
    });
  };
  const policyTypes: unknown = given.policyTypes;
  if (policyTypes !== undefined && policyTypes !== null && !Array.isArray(policyTypes)) {
    throw check.error('policyTypes', 'must be a list', 'write policyTypes: [PolicyType.INGRESS, PolicyType.EGRESS]');
  }
  return {
    policyName: given.policyName,
    namespaceName: given.namespaceName,
    pods: check.optionalPods(given.pods, 'pods', 'Pods.labelled({ app: "api" })'),
    policyTypes: (policyTypes as PolicyType[] | undefined)?.map((t, i) => check.enumValue(t, `policyTypes[${i}]`, Object.values(PolicyType), true)!),
    ingress: rules('ingress'),
    egress: rules('egress'),
  };
}

/** The arguments of `addIngressRule` / `addEgressRule`, checked. */
export function checkRuleArguments(policy: Construct, method: string, peers: unknown, ports: unknown): NetworkPolicyRule {
  const check = PropsCheck.forChild(policy.node.scope!, policy.node.id, `NetworkPolicy.${method}`);
  if (peers === undefined || peers === null) {
    throw check.error('peers', `is ${String(peers)}`, `pass the peers, e.g. [${PEER_EXAMPLE}], or [Peer.anywhere()] to mean every peer on purpose`);
  }
  return { peers: check.optionalPeers(peers, 'peers', PEER_EXAMPLE), ports: check.ports(ports, 'ports') ?? [] };
}
