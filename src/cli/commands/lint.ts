import { findingObject, lintCluster } from '../../lint/lint-cluster';
import { LintFinding, LintLevel } from '../../lint/lint-finding';
import { LINT_RULES } from '../../lint/rules';
import { clusterAssembler } from '../../model/cluster-from-manifests';
import { Severity } from '../../validation/severity';
import { CliIo, ExitCode } from '../io';
import { formatProblem, LoadedObject, loadManifests } from '../load';
import { progressFor } from '../progress';
import { ReadLimits } from '../read-limits';

/** Options of the `lint` command. */
export interface LintCommandOptions {
  /** `id=level` overrides, e.g. `egress-without-dns=off`. */
  readonly rules?: readonly string[];
  /** `text` or `json`. @default 'text' */
  readonly format?: string;
  /** What stops hostile input; unset limits take their defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** No progress line, even on a terminal. @default false */
  readonly quiet?: boolean;
}

/** Output formats of the `lint` command (read by main.ts through a lazy require). @public */
export const LINT_FORMATS = ['text', 'json'];

/**
 * `lint PATH...`: best-practice checks over the NetworkPolicies, workloads, Namespaces and
 * Services in the files. Exit 1 when a finding has severity error (see `--rule id=error`),
 * 2 for unreadable input or a bad `--rule`, else 0.
 */
export function runLint(paths: string[], options: LintCommandOptions, io: CliIo): ExitCode {
  const rules = parseRuleOptions(options.rules ?? []);
  if (typeof rules === 'string') {
    io.stderr.write(`cdk8s-netpol lint: ${rules}\n`);
    return ExitCode.BAD_INPUT;
  }
  const progress = progressFor(io, options.quiet);
  // Objects are folded into the cluster as they are read; Pods are kept only as their workloads,
  // so a dump of 50,000 pods is never held whole. The other objects are kept: lints read the
  // Services among them, and findings point at fields of the policies.
  const assembler = clusterAssembler();
  const bySource = new Map<string, LoadedObject>();
  const kept: unknown[] = [];
  const onObject = (o: LoadedObject): void => {
    assembler.add({ object: o.object, source: { file: o.source.file, line: o.source.line } });
    if (o.object.kind === 'Pod') return;
    bySource.set(`${o.source.file}:${o.source.line}`, o);
    kept.push(o.object);
  };
  const loaded = loadManifests(paths, { limits: options.limits, progress, onObject, podEssentials: true });
  progress.done();
  const findings = lintCluster(assembler.finish().cluster, kept, { rules }).map((f) => withFieldLine(f, bySource));
  const fatal = loaded.problems.some((p) => p.fatal);
  const errors = findings.filter((f) => f.severity === Severity.ERROR).length;

  if (options.format === 'json') {
    io.stdout.write(JSON.stringify({
      findings,
      inputProblems: loaded.problems.map((p) => ({ file: p.file, line: p.line, message: p.message, fatal: p.fatal })),
    }, undefined, 2) + '\n');
  } else {
    const lines = loaded.problems.map((p) => (p.fatal ? formatProblem(p) : `${formatProblem(p)} (warning)`));
    for (const f of findings) {
      const object = findingObject(f);
      const field = f.fieldPath ? ` ${f.fieldPath}` : '';
      lines.push(`${f.source ? `${f.source}: ` : ''}${f.severity} [${f.rule}] ${object}${field}: ${f.message}`);
      if (f.fix) lines.push(`    fix: ${f.fix}`);
    }
    lines.push(summary(findings, loaded.files.length));
    io.stdout.write(lines.join('\n') + '\n');
  }
  if (fatal) return ExitCode.BAD_INPUT;
  return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
}

/** `id=level` strings to a rules map, or the error text for the first bad one. */
export function parseRuleOptions(specs: readonly string[]): { [ruleId: string]: LintLevel } | string {
  const rules: { [ruleId: string]: LintLevel } = {};
  const levels = Object.values(LintLevel) as string[];
  for (const spec of specs) {
    const [id, level, ...rest] = spec.split('=');
    if (rest.length > 0 || level === undefined || !levels.includes(level.trim())) {
      return `--rule "${spec}" is not "<rule>=<level>" with level one of ${levels.join(', ')} (e.g. --rule egress-without-dns=off).`;
    }
    if (!LINT_RULES.some((r) => r.id === id.trim())) {
      return `--rule "${spec}" names an unknown rule "${id.trim()}". Known rules: ${LINT_RULES.map((r) => r.id).join(', ')}.`;
    }
    rules[id.trim()] = level.trim() as LintLevel;
  }
  return rules;
}

/** Points a finding's source at the line of its field, when the object came from a file. */
function withFieldLine(finding: LintFinding, bySource: Map<string, LoadedObject>): LintFinding {
  const object = finding.source ? bySource.get(finding.source) : undefined;
  if (!object || !finding.fieldPath) return finding;
  return { ...finding, source: `${object.source.file}:${object.lineOf(finding.fieldPath)}` };
}

function summary(findings: readonly LintFinding[], files: number): string {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const parts = [
    plural(count(Severity.ERROR), 'error', 'errors'),
    plural(count(Severity.WARNING), 'warning', 'warnings'),
    `${count(Severity.INFO)} info`,
  ];
  return `${plural(findings.length, 'finding', 'findings')} in ${plural(files, 'file', 'files')} (${parts.join(', ')})`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
