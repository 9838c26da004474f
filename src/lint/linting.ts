import { Construct, IConstruct } from 'constructs';
import { appShape, renderApiObjects } from './app-objects';
import { lintDocuments } from './lint';
import { formatFinding } from './lint-cluster';
import { LintFinding } from './lint-finding';
import { LintOptions } from './lint-options';
import { isEvaluating } from '../model/evaluation-scope';
import { synchronousTurn } from '../model/synchronous-turn';
import { Severity } from '../validation/severity';

/** Receives the lint findings that do not fail synthesis (warnings, and info when asked for). */
export interface ILintReporter {
  /**
   * Called once per distinct finding.
   *
   * @param finding the finding
   */
  report(finding: LintFinding): void;
}

/** Options for {@link Linting.enable}. */
export interface LintingOptions extends LintOptions {
  /**
   * Where warnings go.
   * @default - one line per finding on standard error
   */
  readonly reporter?: ILintReporter;

  /**
   * Also report findings of severity info.
   * @default false
   */
  readonly reportInfo?: boolean;
}

const LINTING_ID = 'NetworkPolicyLinting';

/**
 * Runs the best-practice lints when the app synthesizes, for the apps that ask for it with
 * `Linting.enable(app)`. Findings of severity error fail synthesis like any cdk8s validation;
 * warnings go to the reporter (standard error by default), each distinct finding once however
 * often the app is synthesized. Lints never run while an app is evaluated (`Reachability.of`,
 * the jest matchers), only when it is synthesized to be written.
 *
 * `enable` turns linting on, with rule levels and a reporter, for a Chart or the whole App;
 * `disable` turns it off below a scope.
 *
 * The whole app is linted, so workloads and Services in other charts count; only findings
 * about objects below the enabled scope are reported, and a scope with its own settings
 * reports its own objects.
 *
 * @example
 * Linting.enable(chart, { rules: { 'namespace-without-default-deny': LintLevel.WARNING } });
 */
export class Linting extends Construct {
  /**
   * Sets how a Chart or App is linted. The first call on a scope decides its options; later
   * calls return the same instance.
   *
   * @param scope the Chart or App whose objects are linted
   * @param options rule levels and where warnings go
   */
  public static enable(scope: IConstruct, options?: LintingOptions): Linting {
    const existing = scope.node.tryFindChild(LINTING_ID);
    if (existing instanceof Linting) return existing;
    return new Linting(scope, LINTING_ID, options ?? {});
  }

  /**
   * Turns linting off for the objects below a Chart or App (API-server validation stays on).
   *
   * @param scope the Chart or App whose objects are not linted
   */
  public static disable(scope: IConstruct): void {
    const linting = Linting.enable(scope);
    linting.disabled = true;
  }

  private readonly reported = new Set<string>();
  private kept?: { readonly turn: number; readonly shape: string; readonly findings: LintFinding[] };
  private readonly options: LintingOptions;
  private disabled = false;

  private constructor(scope: IConstruct, id: string, options: LintingOptions) {
    super(scope as Construct, id);
    this.options = options;
    this.node.addValidation({ validate: () => this.run() });
  }

  /** Lints now and returns the findings about objects below the enabled scope. */
  public findings(): LintFinding[] {
    if (this.disabled) return [];
    const scope = this.node.scope!;
    const root = this.node.root;
    const docs = renderApiObjects(root);
    const ownPaths = new Set((scope === root ? docs : renderApiObjects(scope)).map((d) => d.source?.constructPath));
    for (const path of this.pathsOfOtherSettings()) ownPaths.delete(path);
    const ownNamespaces = new Set(docs
      .filter((d) => ownPaths.has(d.source?.constructPath))
      .map((d) => namespaceOf(d.object)));
    return lintDocuments(docs, this.options).filter((f) => (f.kind === 'Namespace'
      ? ownNamespaces.has(f.name)
      : f.source !== undefined && ownPaths.has(f.source)));
  }

  /** Construct paths of objects below nested scopes that have linting settings of their own. */
  private pathsOfOtherSettings(): string[] {
    const scope = this.node.scope!;
    return scope.node.findAll()
      .filter((c): c is Linting => c instanceof Linting && c !== this)
      .flatMap((other) => renderApiObjects(other.node.scope!).map((d) => d.source?.constructPath ?? ''));
  }

  /**
   * cdk8s validates the whole app once per chart within one `synth()`/`synthYaml()`, so the
   * app would be linted once per chart. The findings are kept while no policy is added or
   * edited and no chart gains or loses a child, and only until the current synchronous
   * synthesis ends.
   */
  private synthesisFindings(): LintFinding[] {
    if (this.disabled) return [];
    const turn = synchronousTurn();
    const shape = appShape(this.node.root);
    if (this.kept?.turn === turn && this.kept.shape === shape) return this.kept.findings;
    const findings = this.findings();
    this.kept = { turn, shape, findings };
    return findings;
  }

  private run(): string[] {
    // Evaluating the app (Reachability, the matchers) synthesizes it too; lints belong to synthesis only.
    if (isEvaluating(this)) return [];
    const errors: string[] = [];
    for (const finding of this.synthesisFindings()) {
      if (finding.severity === Severity.ERROR) {
        errors.push(formatFinding(finding));
        continue;
      }
      if (finding.severity === Severity.INFO && !this.options.reportInfo) continue;
      const line = formatFinding(finding);
      if (this.reported.has(line)) continue;
      this.reported.add(line);
      (this.options.reporter ?? STDERR_REPORTER).report(finding);
    }
    return errors;
  }
}

const STDERR_REPORTER: ILintReporter = {
  report: (finding) => { process.stderr.write(`cdk8s-netpol lint: ${formatFinding(finding)}\n`); },
};

function namespaceOf(object: unknown): string {
  const metadata = (object as { metadata?: { namespace?: unknown } } | undefined)?.metadata;
  return typeof metadata?.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
}
