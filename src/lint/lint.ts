import { IConstruct } from 'constructs';
import { renderApiObjects } from './app-objects';
import { formatFinding, lintCluster } from './lint-cluster';
import { LintFinding } from './lint-finding';
import { LintOptions } from './lint-options';
import { LintRuleInfo } from './lint-rule-info';
import { LINT_RULES } from './rules';
import { clusterFromManifests, ManifestDocument } from '../model/cluster-from-manifests';

/**
 * Best-practice checks over NetworkPolicies and the workloads, namespaces and Services next
 * to them: DNS blocked by egress isolation, named or Service ports that never match,
 * selectors that match nothing, AND/OR peer slips, redundant rules, and more
 * (see docs/checks.md for every rule).
 *
 * @example
 * const findings = Lint.of(app, { rules: { 'allow-all-rule': LintLevel.OFF } });
 * findings.forEach((f) => console.log(Lint.format(f)));
 */
export class Lint {
  /**
   * Lints every object below a cdk8s App or Chart. Workloads, Namespaces and Services
   * anywhere below `scope` are taken into account.
   *
   * @param scope the App or Chart to lint
   * @param options rule levels
   */
  public static of(scope: IConstruct, options?: LintOptions): LintFinding[] {
    return lintDocuments(renderApiObjects(scope), options);
  }

  /**
   * Lints raw Kubernetes objects, as parsed from YAML or JSON (NetworkPolicies, Namespaces,
   * workloads, Services; other kinds are ignored).
   *
   * @param manifests the objects
   * @param options rule levels
   */
  public static manifests(manifests: any[], options?: LintOptions): LintFinding[] {
    return lintDocuments(manifests.map((object) => ({ object })), options);
  }

  /** Every rule: its id, default severity and what it catches, in the order docs/checks.md lists them. */
  public static rules(): LintRuleInfo[] {
    return LINT_RULES.map((r) => ({ ...r }));
  }

  /**
   * One line for a finding: `warning shop/web spec.egress [egress-without-dns]: … Fix: …`.
   *
   * @param finding the finding to print
   */
  public static format(finding: LintFinding): string {
    return formatFinding(finding);
  }

  private constructor() {}
}

/** Builds the cluster from documents and lints it (internal; the CLI uses it too). */
export function lintDocuments(docs: readonly ManifestDocument[], options?: LintOptions): LintFinding[] {
  const { cluster } = clusterFromManifests(docs);
  return lintCluster(cluster, docs.map((d) => d.object), options);
}
