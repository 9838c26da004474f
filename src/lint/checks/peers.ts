import { workloadKey } from '../../model/cluster';
import { NormalizedPeer } from '../../model/normalize';
import { ParsedIp, cidrInterval, intervalContains, parseIp } from '../../net/cidr';
import { describeNormalizedPeer, describePeer } from '../../phrases/peer';
import {
  CheckFinding,
  effectiveRules,
  LintContext,
  LintedPolicy,
  judgeableNamespacesOfPeer,
  peerPath,
  policyFinding,
  SelectorPeer,
  workloadsMatchingPeer,
} from '../lint-context';
import { selectorContradiction } from '../selector-algebra';

const MAX_LISTED = 5;

/**
 * `mixed-namespace-and-pod-peers`: one rule lists a namespaceSelector-only peer and a
 * podSelector-only peer. The two list items are ORed; written with one dash they would be
 * ANDed. The YAML differs by one `-`, so this is a classic slip.
 */
export function checkMixedPeers(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    for (const { direction, rules } of effectiveRules(policy)) {
      for (const rule of rules) {
        const peers = rule.peers ?? [];
        const namespaceOnly = peers.find((p) => p.kind === 'pods' && p.namespaceSelector && !p.podSelector);
        const podOnly = peers.find((p) => p.kind === 'pods' && p.podSelector && !p.namespaceSelector);
        if (!namespaceOnly || !podOnly) continue;
        const list = direction === 'ingress' ? 'from' : 'to';
        const ns = namespaceOnly as SelectorPeer;
        const pod = podOnly as SelectorPeer;
        findings.push(policyFinding(policy, 'mixed-namespace-and-pod-peers', peerPath(direction, rule.index),
          `${list}[${ns.index}] allows ${describePeer(ns, policy.spec.namespace)}, and separately ${list}[${pod.index}] `
          + `allows ${describePeer(pod, policy.spec.namespace)}. Separate list items are ORed, so this does not mean `
          + `"${describePeer({ podSelector: pod.podSelector, namespaceSelector: ns.namespaceSelector })}".`,
          'To require both, put namespaceSelector and podSelector in ONE list item (no "-" before the second selector). '
          + 'If the OR is intended, add the annotation cdk8s-netpol.io/lint-ignore: "mixed-namespace-and-pod-peers".'));
      }
    }
  }
  return findings;
}

/**
 * `peer-matches-nothing`: a selector peer that is self-contradictory, or (when the input
 * has workloads) matches no known workload.
 */
export function checkPeersMatchSomething(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    for (const { direction, rules } of effectiveRules(policy)) {
      for (const rule of rules) {
        for (const peer of rule.peers ?? []) {
          if (peer.kind !== 'pods') continue;
          const problem = peerProblem(ctx, policy, peer);
          if (!problem) continue;
          findings.push(policyFinding(policy, 'peer-matches-nothing', peerPath(direction, rule.index, peer.index),
            `The peer ${problem}, so it allows nothing: ${describePeer(peer, policy.spec.namespace)}.`,
            'Check the labels against the workloads (a podSelector-only peer matches only the policy\'s own '
            + 'namespace; namespaces are matched by their own labels, e.g. kubernetes.io/metadata.name).'));
        }
      }
    }
  }
  return findings;
}

function peerProblem(ctx: LintContext, policy: LintedPolicy, peer: SelectorPeer): string | undefined {
  const podContradiction = selectorContradiction(peer.podSelector);
  if (podContradiction) return `can never match: in its podSelector, ${podContradiction}`;
  const nsContradiction = selectorContradiction(peer.namespaceSelector);
  if (nsContradiction) return `can never match: in its namespaceSelector, ${nsContradiction}`;
  // Only namespaces whose workloads are in the input can be judged: a peer towards
  // kube-system or another team's namespace refers to pods the input does not show.
  const namespaces = judgeableNamespacesOfPeer(ctx, peer, policy.spec.namespace);
  if (!namespaces) return undefined;
  if (workloadsMatchingPeer(ctx, peer, policy.spec.namespace).length > 0) return undefined;
  const where = namespaces.map((ns) => `"${ns}"`).join(', ');
  return `matches no known workload (looked in namespace${namespaces.length === 1 ? '' : 's'} ${where})`;
}

/**
 * `ipblock-covers-cluster-ips`: an ipBlock whose range (minus its excepts) contains a
 * Service ClusterIP or a known pod IP. Whether ipBlocks apply to in-cluster traffic is
 * plugin-dependent, and Service IPs are translated before policies see them.
 */
export function checkIpBlocksCoverClusterIps(ctx: LintContext): CheckFinding[] {
  const clusterIps = addressIndex([
    ...ctx.services.flatMap((s) => s.clusterIps.map((ip) => ({ ip, what: `Service ${s.namespace}/${s.name} (${ip})` }))),
    ...ctx.workloads.flatMap((w) => w.podIps.map((ip) => ({ ip, what: `pod IP ${ip} of ${workloadKey(w)}` }))),
  ]);
  if (clusterIps.length === 0) return [];
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    for (const { direction, rules } of effectiveRules(policy)) {
      for (const rule of rules) {
        for (const peer of rule.peers ?? []) {
          const covered = coveredBy(peer, clusterIps);
          if (covered.length === 0) continue;
          const listed = covered.slice(0, MAX_LISTED).join(', ') + (covered.length > MAX_LISTED ? ` and ${covered.length - MAX_LISTED} more` : '');
          findings.push(policyFinding(policy, 'ipblock-covers-cluster-ips', `${peerPath(direction, rule.index, peer.index)}.ipBlock`,
            `The ipBlock ${describeNormalizedPeer(peer)} covers in-cluster addresses: ${listed}. Whether an ipBlock matches `
            + 'pod traffic depends on the network plugin (Calico: yes; Cilium: no), and Service IPs are translated '
            + 'to pod IPs before policies apply, so this rule may allow more or less than it seems.',
            'Select in-cluster pods with podSelector/namespaceSelector, and add except entries for the pod and '
            + 'Service ranges if the ipBlock is meant for external addresses.'));
        }
      }
    }
  }
  return findings;
}

interface IndexedAddress {
  readonly address: ParsedIp;
  readonly what: string;
  /** Position in the input, so findings list addresses in the order they were read. */
  readonly order: number;
}

/**
 * The in-cluster addresses read as the evaluator reads them (an IPv4-mapped IPv6 address is
 * IPv4), sorted by family and value so that each ipBlock finds its addresses by binary search.
 */
function addressIndex(candidates: ReadonlyArray<{ ip: string; what: string }>): IndexedAddress[] {
  const index: IndexedAddress[] = [];
  candidates.forEach(({ ip, what }, order) => {
    const address = parseIp(ip);
    if (address) index.push({ address, what, order });
  });
  return index.sort((a, b) => compareAddresses(a.address, b.address));
}

function coveredBy(peer: NormalizedPeer, index: readonly IndexedAddress[]): string[] {
  if (peer.kind !== 'ipBlock') return [];
  const cidr = cidrInterval(peer.cidr);
  if (!cidr) return [];
  const excepts = peer.exceptCidrs.map(cidrInterval).filter((c) => c !== undefined);
  const covered: IndexedAddress[] = [];
  for (let i = firstAtLeast(index, { family: cidr.family, value: cidr.first }); i < index.length; i++) {
    const { address } = index[i];
    if (!intervalContains(cidr, address)) break;
    if (!excepts.some((e) => intervalContains(e, address))) covered.push(index[i]);
  }
  return covered.sort((a, b) => a.order - b.order).map(({ what }) => what);
}

function compareAddresses(a: ParsedIp, b: ParsedIp): number {
  return a.family - b.family || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** The position of the first indexed address not below `address`. */
function firstAtLeast(index: readonly IndexedAddress[], address: ParsedIp): number {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (compareAddresses(index[middle].address, address) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
