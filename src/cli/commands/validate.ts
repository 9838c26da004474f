import { Channel } from '../../validation/cluster-policy/crd-schemas';
import { claimsClusterPolicyKind, validateClusterPolicy } from '../../validation/cluster-policy/validate';
import { Diagnostic } from '../../validation/diagnostic';
import { validateNetworkPolicy } from '../../validation/network-policy';
import { objectDecodeErrors } from '../../validation/object-decode';
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
  /** The CRD channel cluster-scoped policies are checked against. @default 'standard' */
  readonly crdChannel?: string;
}

interface CheckedPolicy {
  readonly file: string;
  readonly line: number;
  readonly policy: string;
  /** The object's kind. */
  readonly kind: string;
  readonly diagnostics: (Diagnostic & { readonly line: number })[];
}

export const VALIDATE_FORMATS = ['text', 'json'];

/**
 * `validate PATH...`: every NetworkPolicy is checked with the API server's rules, and every
 * ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy with the rules of
 * the upstream CRDs (schema and CEL).
 */
export function runValidate(paths: string[], options: ValidateOptions, io: CliIo): ExitCode {
  const progress = progressFor(io, options.quiet);
  // Only policies are kept: a dump's other objects are read and let go.
  const policies: LoadedObject[] = [];
  // Other objects are checked only for what YAML typed where kubectl wants another type.
  const mistyped: CheckedPolicy[] = [];
  const onObject = (o: LoadedObject): void => {
    if (isNetworkPolicy(o) || claimsClusterPolicyKind(o.object)) {
      policies.push(o);
      return;
    }
    const errors = objectDecodeErrors(o.object, o.writtenAs);
    if (errors.length > 0) {
      const kind = String(o.object.kind);
      const diagnostics = errors.map((d) => ({ ...d, line: o.lineOf(d.fieldPath) }));
      mistyped.push({ file: o.source.file, line: o.source.line, policy: `${kind} ${objectName(o).replace(/^default\//, '')}`, kind, diagnostics });
    }
  };
  const loaded = loadManifests(paths, { limits: options.limits, progress, onObject });
  progress.done();
  const firstSeen = new Map<string, string>();
  const channel = (options.crdChannel ?? 'standard') as Channel;
  const checked: CheckedPolicy[] = policies.map((o) => {
    const kind = String(o.object.kind);
    const clusterScoped = !isNetworkPolicy(o);
    const policy = clusterScoped ? clusterObjectName(o.object) : objectName(o);
    const found = clusterScoped
      ? validateClusterPolicy(o.object, { channel })
      : validateNetworkPolicy(o.object, { strictCidr: options.strictCidr, writtenAs: o.writtenAs });
    const diagnostics = found.map((d) => ({ ...d, line: o.lineOf(d.fieldPath) }));
    const key = `${kind}/${policy}`;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) diagnostics.push({ ...duplicateOf(earlier, kind), line: o.lineOf('metadata.name') });
    else firstSeen.set(key, `${o.source.file}:${o.source.line}`);
    return { file: o.source.file, line: o.source.line, policy, kind, diagnostics };
  });
  const invalid = [...mistyped, ...checked.filter((c) => c.diagnostics.some((d) => d.severity === 'error'))];
  const fatal = loaded.problems.some((p) => p.fatal);
  const code = fatal ? ExitCode.BAD_INPUT : invalid.length > 0 ? ExitCode.FINDINGS : ExitCode.OK;

  if (options.format === 'json') {
    io.stdout.write(JSON.stringify(toJson(checked, mistyped, loaded.problems, invalid.length), undefined, 2) + '\n');
  } else {
    io.stdout.write(toText(checked, mistyped, loaded.problems, invalid.length, loaded.files.length));
  }
  return code;
}

/** A second policy with the same namespace and name: not an API error, but one of them is lost. */
function duplicateOf(earlier: string, kind: string): Diagnostic {
  const clusterScoped = kind !== 'NetworkPolicy';
  return {
    severity: Severity.WARNING,
    rule: 'duplicate-name',
    fieldPath: 'metadata.name',
    message: `the same ${clusterScoped ? 'name' : 'namespace and name'} as the ${kind} at ${earlier}; applied together, this one replaces it`,
    fix: `give each ${kind} its own name, or delete one of them`,
  };
}

/** The name of a cluster-scoped object, which has no namespace. */
function clusterObjectName(object: Record<string, unknown>): string {
  const name = (object.metadata as { name?: unknown } | undefined)?.name;
  return `${String(object.kind)} ${typeof name === 'string' && name !== '' ? name : '<unnamed>'}`;
}

function toText(checked: CheckedPolicy[], mistyped: CheckedPolicy[], problems: LoadProblem[], invalid: number, files: number): string {
  const lines: string[] = problems.map((p) => (p.fatal ? formatProblem(p) : `${formatProblem(p)} (warning)`));
  let errors = 0;
  let warnings = 0;
  for (const c of [...mistyped, ...checked]) {
    for (const d of c.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      const label = d.severity === 'error' ? '' : `${d.severity}: `;
      lines.push(`${c.file}:${d.line}: ${label}${c.policy}: ${d.fieldPath || '<nil>'}: ${d.message}`);
      if (d.fix) lines.push(`    fix: ${d.fix}`);
    }
  }
  const clusterScoped = checked.filter((c) => c.kind !== 'NetworkPolicy').length;
  const namespaced = plural(checked.length - clusterScoped, 'NetworkPolicy', 'NetworkPolicies');
  const clusterText = plural(clusterScoped, 'cluster-scoped policy', 'cluster-scoped policies');
  const policies = clusterScoped === 0 ? namespaced : checked.length === clusterScoped ? clusterText : `${namespaced} and ${clusterText}`;
  const unread = problems.filter((p) => p.fatal).length;
  const verdict = invalid > 0 ? `${invalid} invalid` : unread > 0 ? 'none invalid in what could be read' : 'all valid';
  const details = [plural(errors, 'error', 'errors'), plural(warnings, 'warning', 'warnings')];
  if (unread > 0) details.push(plural(unread, 'unreadable input', 'unreadable inputs'));
  if (mistyped.length > 0) details.push(`${plural(mistyped.length, 'other object', 'other objects')} the API server would refuse`);
  lines.push(`${policies} in ${plural(files, 'file', 'files')}: ${verdict} (${details.join(', ')})`);
  return lines.join('\n') + '\n';
}

function toJson(checked: CheckedPolicy[], mistyped: CheckedPolicy[], problems: LoadProblem[], invalid: number): unknown {
  return {
    valid: invalid === 0 && !problems.some((p) => p.fatal),
    ...(mistyped.length > 0
      ? { objects: mistyped.map((c) => ({ file: c.file, line: c.line, object: c.policy, kind: c.kind, valid: false, diagnostics: c.diagnostics })) }
      : {}),
    policies: checked.map((c) => ({
      file: c.file,
      line: c.line,
      policy: c.policy,
      kind: c.kind,
      valid: !c.diagnostics.some((d) => d.severity === 'error'),
      diagnostics: c.diagnostics,
    })),
    inputProblems: problems.map((p) => ({ file: p.file, line: p.line, message: p.message, fatal: p.fatal })),
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
