import { Diagnostic } from '../../validation/diagnostic';
import { validateNetworkPolicy } from '../../validation/network-policy';
import { Severity } from '../../validation/severity';
import { CliIo, ExitCode } from '../io';
import { formatProblem, LoadedObject, loadManifests, LoadProblem } from '../load';
import { isNetworkPolicy, objectName } from '../network-policies';
import { progressFor } from '../progress';
import { ReadLimits } from '../read-limits';

export interface ValidateOptions {
  /** Reject CIDRs with host bits set, as API servers from 1.36 do. @default - the validator's default */
  readonly strictCidr?: boolean;
  /** `text` or `json`. @default 'text' */
  readonly format?: string;
  /** What stops hostile input; unset limits take their defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** No progress line, even on a terminal. @default false */
  readonly quiet?: boolean;
}

interface CheckedPolicy {
  readonly file: string;
  readonly line: number;
  readonly policy: string;
  readonly diagnostics: (Diagnostic & { readonly line: number })[];
}

export const VALIDATE_FORMATS = ['text', 'json'];

/** `validate PATH...`: every NetworkPolicy is checked with the API server's rules. */
export function runValidate(paths: string[], options: ValidateOptions, io: CliIo): ExitCode {
  const progress = progressFor(io, options.quiet);
  // Only NetworkPolicies are kept: a dump's other objects are read and let go.
  const policies: LoadedObject[] = [];
  const loaded = loadManifests(paths, { limits: options.limits, progress, onObject: (o) => { if (isNetworkPolicy(o)) policies.push(o); } });
  progress.done();
  const firstSeen = new Map<string, string>();
  const checked: CheckedPolicy[] = policies.map((o) => {
    const policy = objectName(o);
    const diagnostics = validateNetworkPolicy(o.object, { strictCidr: options.strictCidr })
      .map((d) => ({ ...d, line: o.lineOf(d.fieldPath) }));
    const earlier = firstSeen.get(policy);
    if (earlier !== undefined) diagnostics.push({ ...duplicateOf(earlier), line: o.lineOf('metadata.name') });
    else firstSeen.set(policy, `${o.source.file}:${o.source.line}`);
    return { file: o.source.file, line: o.source.line, policy, diagnostics };
  });
  const invalid = checked.filter((c) => c.diagnostics.some((d) => d.severity === 'error'));
  const fatal = loaded.problems.some((p) => p.fatal);
  const code = fatal ? ExitCode.BAD_INPUT : invalid.length > 0 ? ExitCode.FINDINGS : ExitCode.OK;

  if (options.format === 'json') {
    io.stdout.write(JSON.stringify(toJson(checked, loaded.problems, invalid.length), undefined, 2) + '\n');
  } else {
    io.stdout.write(toText(checked, loaded.problems, invalid.length, loaded.files.length));
  }
  return code;
}

/** A second policy with the same namespace and name: not an API error, but one of them is lost. */
function duplicateOf(earlier: string): Diagnostic {
  return {
    severity: Severity.WARNING,
    rule: 'duplicate-name',
    fieldPath: 'metadata.name',
    message: `the same namespace and name as the NetworkPolicy at ${earlier}; applied together, this one replaces it`,
    fix: 'give each NetworkPolicy its own name, or delete one of them',
  };
}

function toText(checked: CheckedPolicy[], problems: LoadProblem[], invalid: number, files: number): string {
  const lines: string[] = problems.map((p) => (p.fatal ? formatProblem(p) : `${formatProblem(p)} (warning)`));
  let errors = 0;
  let warnings = 0;
  for (const c of checked) {
    for (const d of c.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      const label = d.severity === 'error' ? '' : `${d.severity}: `;
      lines.push(`${c.file}:${d.line}: ${label}${c.policy}: ${d.fieldPath}: ${d.message}`);
      if (d.fix) lines.push(`    fix: ${d.fix}`);
    }
  }
  const policies = plural(checked.length, 'NetworkPolicy', 'NetworkPolicies');
  const unread = problems.filter((p) => p.fatal).length;
  const verdict = invalid > 0 ? `${invalid} invalid` : unread > 0 ? 'none invalid in what could be read' : 'all valid';
  const details = [plural(errors, 'error', 'errors'), plural(warnings, 'warning', 'warnings')];
  if (unread > 0) details.push(plural(unread, 'unreadable input', 'unreadable inputs'));
  lines.push(`${policies} in ${plural(files, 'file', 'files')}: ${verdict} (${details.join(', ')})`);
  return lines.join('\n') + '\n';
}

function toJson(checked: CheckedPolicy[], problems: LoadProblem[], invalid: number): unknown {
  return {
    valid: invalid === 0 && !problems.some((p) => p.fatal),
    policies: checked.map((c) => ({
      file: c.file,
      line: c.line,
      policy: c.policy,
      valid: !c.diagnostics.some((d) => d.severity === 'error'),
      diagnostics: c.diagnostics,
    })),
    inputProblems: problems.map((p) => ({ file: p.file, line: p.line, message: p.message, fatal: p.fatal })),
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
