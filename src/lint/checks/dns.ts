import { portEntryConnections } from '../../eval/ports';
import { WorkloadSpec } from '../../model/cluster';
import { selectorMatches } from '../../model/labels';
import { NAMESPACE_NAME_LABEL } from '../../model/manifest';
import { NormalizedPort, NormalizedRule } from '../../model/normalize';
import { Protocol } from '../../model/protocol';
import {
  CheckFinding,
  LintContext,
  LintedPolicy,
  listWorkloads,
  namespaceHasWorkloads,
  policiesIn,
  policyFinding,
  SelectorPeer,
  workloadsMatchingPeer,
} from '../lint-context';
import { ALLOW_NO_DNS_ANNOTATION } from '../rules';
import { selectorContains } from '../selector-algebra';
import { DNS_PORT } from './dns-port-protocol';

const DNS_PROTOCOLS: readonly Protocol[] = ['UDP', 'TCP'];
const DNS_APP_LABELS = ['kube-dns', 'coredns'];
const DNS_NAMESPACE = 'kube-system';

/**
 * `egress-without-dns`: pods isolated for egress whose egress rules (across every policy that
 * selects them) allow neither UDP 53 nor TCP 53, or only one of them. A rule counts when it
 * names port 53 (any peer: node-local DNS or an external resolver is fine), or allows every
 * port towards a peer that can be the cluster DNS.
 *
 * In namespaces with workloads in the input, each workload is checked; elsewhere each egress
 * policy is checked together with the policies whose podSelector provably covers the same pods.
 * Opt out per policy with the annotation `cdk8s-netpol.io/allow-no-dns: "true"`.
 */
export function checkEgressDns(ctx: LintContext): CheckFinding[] {
  // Namespaces whose workloads are in the input are checked per workload, the others per policy.
  return [...checkPerWorkload(ctx), ...checkPerPolicy(ctx)];
}

function checkPerWorkload(ctx: LintContext): CheckFinding[] {
  const groups = new Map<string, { isolating: LintedPolicy[]; missing: Protocol[]; workloads: WorkloadSpec[] }>();
  const missingBySet = new Map<string, Protocol[]>();
  for (const workload of ctx.workloads) {
    if (workload.hostNetwork) continue;
    const isolating = policiesIn(ctx, workload.namespace)
      .filter((p) => p.normalized.isolatesEgress && selectorMatches(p.normalized.podSelector, workload.labels));
    if (isolating.length === 0 || isolating.some(optedOut)) continue;
    // Workloads selected by the same policies share the answer: work it out once per set.
    const policiesKey = isolating.map((p) => `${p.spec.namespace}/${p.spec.name}`).join(',');
    let missing = missingBySet.get(policiesKey);
    if (missing === undefined) {
      missing = missingDnsProtocols(ctx, isolating);
      missingBySet.set(policiesKey, missing);
    }
    if (missing.length === 0) continue;
    const key = `${policiesKey}|${missing.join(',')}`;
    const group = groups.get(key) ?? { isolating, missing, workloads: [] };
    group.workloads.push(workload);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ isolating, missing, workloads }) => finding(
    isolating[0],
    `Egress of ${listWorkloads(workloads)} is isolated (by ${policyNames(isolating)}), but ${blockedText(missing)}, so name lookups fail.`,
  ));
}

function checkPerPolicy(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const policy of ctx.policies) {
    if (!policy.normalized.isolatesEgress || namespaceHasWorkloads(ctx, policy.spec.namespace)) continue;
    const covering = policiesIn(ctx, policy.spec.namespace)
      .filter((q) => q.normalized.isolatesEgress && selectorContains(q.normalized.podSelector, policy.normalized.podSelector));
    if (covering.some(optedOut)) continue;
    const missing = missingDnsProtocols(ctx, covering);
    if (missing.length === 0) continue;
    findings.push(finding(policy,
      `The policy isolates its pods for egress, but neither it nor another policy covering the same pods allows DNS: ${blockedText(missing)}, so name lookups fail.`));
  }
  return findings;
}

function finding(policy: LintedPolicy, message: string): CheckFinding {
  return policyFinding(policy, 'egress-without-dns', 'spec.egress', message,
    `Allow egress to the cluster DNS on UDP and TCP port 53 (namespaceSelector ${NAMESPACE_NAME_LABEL}=${DNS_NAMESPACE}, `
    + `podSelector k8s-app=kube-dns), or annotate the policy with ${ALLOW_NO_DNS_ANNOTATION}: "true" if these pods need no DNS.`);
}

function missingDnsProtocols(ctx: LintContext, policies: readonly LintedPolicy[]): Protocol[] {
  const rules = policies.flatMap((p) => p.normalized.egress.map((rule) => ({ rule, policy: p })));
  return DNS_PROTOCOLS.filter((protocol) => !rules.some(({ rule, policy }) => ruleAllowsDns(ctx, policy, rule, protocol)));
}

function ruleAllowsDns(ctx: LintContext, policy: LintedPolicy, rule: NormalizedRule, protocol: Protocol): boolean {
  let allPorts = rule.ports === undefined;
  const named: NormalizedPort[] = [];
  for (const port of rule.ports ?? []) {
    if (port.protocol !== protocol) continue;
    if (port.port === undefined) allPorts = true;
    else if (typeof port.port === 'string') named.push(port);
    else if (port.port <= DNS_PORT && DNS_PORT <= (port.endPort ?? port.port)) return true;
  }
  if (named.length > 0 && namedPortReachesDns(ctx, policy, rule, named)) return true;
  if (!allPorts) return false;
  if (!rule.peers) return true;
  return rule.peers.some((peer) => peer.kind === 'ipBlock'
    || (peer.kind === 'pods' && peerCanBeDns(ctx, peer, policy.spec.namespace)));
}

/**
 * Whether a named port entry opens DNS. A named port resolves on the destination pod, so when
 * the input holds DNS workloads it counts only if one of those the rule reaches declares it
 * (the evaluator's reading of the entry); otherwise only the names the cluster DNS declares
 * by default (`dns`, `dns-tcp`, …) count.
 */
function namedPortReachesDns(ctx: LintContext, policy: LintedPolicy, rule: NormalizedRule, entries: readonly NormalizedPort[]): boolean {
  const known = dnsWorkloadsOf(ctx);
  if (known.length === 0) return entries.some((entry) => String(entry.port).includes('dns'));
  const reached = rule.peers === undefined
    ? known
    : known.filter((w) => rule.peers!.some((peer) => peer.kind === 'pods'
      && workloadsMatchingPeer(ctx, peer, policy.spec.namespace).includes(w)));
  return reached.some((w) => entries.some((entry) => !portEntryConnections(entry, w.ports).isEmpty()));
}

/** Whether a peer can match the cluster DNS: a known DNS workload, else kube-system's `k8s-app=kube-dns` pods. */
function peerCanBeDns(ctx: LintContext, peer: SelectorPeer, policyNamespace: string): boolean {
  if (dnsWorkloadsOf(ctx).length > 0) {
    return workloadsMatchingPeer(ctx, peer, policyNamespace).some(isDnsWorkload);
  }
  const namespaceMatches = peer.namespaceSelector === undefined
    ? policyNamespace === DNS_NAMESPACE
    : selectorMatches(peer.namespaceSelector,
      ctx.namespaces.find((ns) => ns.name === DNS_NAMESPACE)?.labels ?? { [NAMESPACE_NAME_LABEL]: DNS_NAMESPACE });
  return namespaceMatches && DNS_APP_LABELS.some((app) => selectorMatches(peer.podSelector, { 'k8s-app': app }));
}

const dnsWorkloads = new WeakMap<LintContext, readonly WorkloadSpec[]>();

/** The workloads of the input that look like the cluster DNS, found once per lint run. */
function dnsWorkloadsOf(ctx: LintContext): readonly WorkloadSpec[] {
  let found = dnsWorkloads.get(ctx);
  if (!found) {
    found = ctx.workloads.filter(isDnsWorkload);
    dnsWorkloads.set(ctx, found);
  }
  return found;
}

function isDnsWorkload(w: WorkloadSpec): boolean {
  return DNS_APP_LABELS.includes(w.labels['k8s-app'] ?? '')
    || w.ports.some((cp) => cp.port === DNS_PORT && cp.protocol === 'UDP');
}

function optedOut(policy: LintedPolicy): boolean {
  return policy.spec.manifest.metadata?.annotations?.[ALLOW_NO_DNS_ANNOTATION] === 'true';
}

function blockedText(missing: readonly Protocol[]): string {
  if (missing.length === 2) return 'no egress rule allows DNS (UDP 53 and TCP 53 are blocked)';
  if (missing[0] === 'TCP') return 'only UDP 53 is allowed: TCP 53 is blocked (DNS falls back to TCP for large answers)';
  return 'only TCP 53 is allowed: UDP 53, which most lookups use, is blocked';
}

function policyNames(policies: readonly LintedPolicy[]): string {
  const names = policies.map((p) => `"${p.spec.name}"`);
  return `${names.length === 1 ? 'policy' : 'policies'} ${names.join(', ')}`;
}
