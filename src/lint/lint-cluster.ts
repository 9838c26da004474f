import { Cluster } from '../model/cluster';
import { ClusterPolicySpec } from '../model/cluster-policy';
import {
  checkBaselineNotWidened, checkEqualPriorities, checkOverriddenNetworkPolicyRules, checkShadowedClusterRules,
} from './checks/cluster-policies';
import { checkEgressDns } from './checks/dns';
import { checkDnsPortProtocol } from './checks/dns-port-protocol';
import { checkOneSidedAllows } from './checks/one-sided-allow';
import { checkIpBlocksCoverClusterIps, checkMixedPeers, checkPeersMatchSomething } from './checks/peers';
import { checkPolicyTypes } from './checks/policy-types';
import { checkNamedPorts, checkServicePorts } from './checks/ports';
import { checkAllowAllRules, checkIdenticalPolicies, checkRedundantRules } from './checks/redundancy';
import { checkNamespaceDefaultDeny, checkPolicySelectsSomething } from './checks/selection';
import { Check, CheckFinding, formatSource, lintContext } from './lint-context';
import { LintFinding, LintLevel } from './lint-finding';
import { LintOptions } from './lint-options';
import { LINT_IGNORE_ANNOTATION, LINT_RULES, lintRule } from './rules';
import { servicesFromManifests } from './services';
import { Severity } from '../validation/severity';

const CHECKS: readonly Check[] = [
  checkEgressDns,
  checkPolicyTypes,
  checkDnsPortProtocol,
  checkMixedPeers,
  checkServicePorts,
  checkNamedPorts,
  checkPolicySelectsSomething,
  checkPeersMatchSomething,
  checkIpBlocksCoverClusterIps,
  checkIdenticalPolicies,
  checkRedundantRules,
  checkAllowAllRules,
  checkNamespaceDefaultDeny,
  checkOneSidedAllows,
  checkEqualPriorities,
  checkShadowedClusterRules,
  checkOverriddenNetworkPolicyRules,
  checkBaselineNotWidened,
];

/**
 * Runs every enabled lint over a cluster. `manifests` are the raw objects the cluster was
 * built from; the lints read Services from them (the cluster model has none). Findings come
 * sorted by namespace, object, field path and rule; identical findings appear once.
 *
 * @throws Error when `options.rules` names a rule that does not exist
 */
export function lintCluster(cluster: Cluster, manifests: readonly unknown[], options: LintOptions = {}): LintFinding[] {
  const levels = resolveLevels(options);
  const ctx = lintContext(cluster, servicesFromManifests(manifests));
  const findings = new Map<string, LintFinding>();
  for (const check of CHECKS) {
    for (const raw of check(ctx)) {
      const level = levels.get(raw.rule) ?? LintLevel.OFF;
      if (level === LintLevel.OFF || ignoredByAnnotation(raw)) continue;
      const finding = toFinding(raw, severityOf(level));
      findings.set(JSON.stringify([finding.rule, finding.namespaceName, finding.name, finding.fieldPath, finding.message]), finding);
    }
  }
  return [...findings.values()].sort(compareFindings);
}

/** `warning shop/web spec.egress [egress-without-dns]: message Fix: …` on one line, with the source when known. */
export function formatFinding(finding: LintFinding): string {
  const object = findingObject(finding);
  const field = finding.fieldPath ? ` ${finding.fieldPath}` : '';
  const source = finding.source ? ` (${finding.source})` : '';
  const fix = finding.fix ? ` Fix: ${finding.fix}` : '';
  return `${finding.severity} ${object}${field} [${finding.rule}]: ${finding.message}${fix}${source}`;
}

/** What a finding is about: `shop/web`, `Namespace shop`, or a cluster-scoped `ClusterNetworkPolicy guardrails`. */
export function findingObject(finding: Pick<LintFinding, 'kind' | 'namespaceName' | 'name'>): string {
  if (finding.kind === 'Namespace' || finding.namespaceName === '') return `${finding.kind} ${finding.name}`;
  return `${finding.namespaceName}/${finding.name}`;
}

function resolveLevels(options: LintOptions): Map<string, LintLevel> {
  const levels = new Map<string, LintLevel>(LINT_RULES.map((r) => [r.id, levelOf(r.defaultSeverity)]));
  for (const [id, level] of Object.entries(options.rules ?? {})) {
    if (!lintRule(id)) {
      throw new Error(`Unknown lint rule "${id}" in the lint options. Known rules: ${LINT_RULES.map((r) => r.id).join(', ')}.`);
    }
    if (!Object.values(LintLevel).includes(level)) {
      throw new Error(`Lint rule "${id}" is set to ${JSON.stringify(level)}; use one of: ${Object.values(LintLevel).join(', ')}.`);
    }
    levels.set(id, level);
  }
  return levels;
}

function levelOf(severity: Severity): LintLevel {
  switch (severity) {
    case Severity.ERROR: return LintLevel.ERROR;
    case Severity.INFO: return LintLevel.INFO;
    default: return LintLevel.WARNING;
  }
}

function severityOf(level: LintLevel): Severity {
  switch (level) {
    case LintLevel.ERROR: return Severity.ERROR;
    case LintLevel.INFO: return Severity.INFO;
    default: return Severity.WARNING;
  }
}

function ignoredByAnnotation(raw: CheckFinding): boolean {
  const annotations = raw.policy?.spec.manifest.metadata?.annotations ?? clusterPolicyAnnotations(raw.clusterPolicy);
  const text = annotations?.[LINT_IGNORE_ANNOTATION];
  if (typeof text !== 'string') return false;
  return text.split(',').map((s) => s.trim()).includes(raw.rule);
}

function clusterPolicyAnnotations(policy: ClusterPolicySpec | undefined): Record<string, unknown> | undefined {
  const metadata = (policy?.manifest as { metadata?: { annotations?: unknown } } | undefined)?.metadata;
  const annotations = metadata?.annotations;
  return typeof annotations === 'object' && annotations !== null ? annotations as Record<string, unknown> : undefined;
}

function toFinding(raw: CheckFinding, severity: Severity): LintFinding {
  const source = formatSource(raw.policy?.spec.source ?? raw.clusterPolicy?.source);
  return {
    rule: raw.rule,
    severity,
    kind: raw.kind,
    namespaceName: raw.namespaceName,
    name: raw.name,
    fieldPath: raw.fieldPath,
    message: raw.message,
    ...(raw.fix ? { fix: raw.fix } : {}),
    ...(source ? { source } : {}),
  };
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  return compareText(a.namespaceName, b.namespaceName)
    || compareText(a.kind, b.kind)
    || compareText(a.name, b.name)
    || compareText(a.fieldPath, b.fieldPath)
    || compareText(a.rule, b.rule);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
