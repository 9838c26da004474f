import { CliIo, ExitCode } from './io';
import { formatProblem, LoadedObject, loadManifests } from './load';
import { isNetworkPolicy, objectName } from './network-policies';
import { ReadProgress } from './progress';
import { ReadLimits } from './read-limits';
import { Cluster } from '../model/cluster';
import { clusterAssembler } from '../model/cluster-from-manifests';
import { isClusterPolicyObject, isPolicyApiGroupObject } from '../model/cluster-policy';
import { concernsRules, errorsOf } from '../validation/admission';
import { validateClusterPolicy } from '../validation/cluster-policy/validate';
import { objectDecodeErrors } from '../validation/object-decode';
import { Severity } from '../validation/severity';

export interface ClusterInputOptions {
  /** What stops hostile input; unset limits take their defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** Told of the reading as it goes. */
  readonly progress?: ReadProgress;
}

/** A cluster read from files, and the exit code the run ends with (OK unless input was bad). */
export interface ClusterInput {
  readonly cluster: Cluster;
  readonly exitCode: ExitCode;
}

/**
 * Loads files into a cluster for `connlist` and `explain`, with messages on stderr.
 *
 * What can be read is used and the rest is left out: unreadable input makes the run end with
 * code 2. A NetworkPolicy whose `spec` the API server would reject is left out of the cluster (it
 * could never exist there, and its rules have no defined meaning) and makes the run end with
 * code 1. Errors outside `spec` (an invalid name, an unknown top-level field such as the `status`
 * that `kubectl get -o yaml` prints) do not change what a policy allows: they are printed as
 * warnings and the policy is evaluated. CIDRs with host bits set are accepted, as API servers
 * before 1.36 do, and read with the host bits masked. A cluster-scoped policy the API server would
 * reject is reported field by field as a warning; what the reader can make of it is evaluated.
 */
export function loadCluster(paths: string[], options: ClusterInputOptions, io: CliIo): ClusterInput {
  // Objects are folded into the cluster as they are read: a dump of 150,000 pods is never held whole.
  const assembler = clusterAssembler();
  const findings: string[] = [];
  const rejected: string[] = [];
  // Objects whose fields YAML typed where kubectl wants another type: the API server refuses them.
  const refused: string[] = [];
  const onObject = (o: LoadedObject): void => {
    if (isPolicyApiGroupObject(o.object) && !isClusterPolicyObject(o.object)) {
      findings.push(`${o.source.file}:${o.source.line}: warning: ${String(o.object.kind)} ${objectName(o).replace(/^default\//, '')} `
        + `is not evaluated (${String(o.object.apiVersion)} ${String(o.object.kind)} is not a kind this tool reads: `
        + 'ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy and BaselineAdminNetworkPolicy v1alpha1 are): the result ignores it\n');
      return;
    }
    if (isClusterPolicyObject(o.object)) {
      // What the reader can read is evaluated, as netpol-analyzer does, but never silently: the run says what the API server would refuse.
      for (const d of validateClusterPolicy(o.object).filter((each) => each.severity === Severity.ERROR)) {
        findings.push(`${o.source.file}:${o.lineOf(d.fieldPath)}: warning: ${String(o.object.kind)} ${objectName(o).replace(/^default\//, '')}: `
          + `${d.fieldPath}: ${d.message} (the API server would reject this object)\n`);
        if (d.fix) findings.push(`    fix: ${d.fix}\n`);
      }
    }
    const mistyped = objectDecodeErrors(o.object, o.writtenAs);
    if (mistyped.length > 0) {
      const name = `${String(o.object.kind)} ${objectName(o).replace(/^default\//, '')}`;
      for (const d of mistyped) {
        findings.push(`${o.source.file}:${o.lineOf(d.fieldPath)}: ${name}: ${d.fieldPath}: ${d.message}\n`);
        if (d.fix) findings.push(`    fix: ${d.fix}\n`);
      }
      refused.push(name);
      return;
    }
    const errors = isNetworkPolicy(o) ? errorsOf(o.object, o.writtenAs) : [];
    for (const d of errors) {
      const label = concernsRules(d) ? '' : 'warning: ';
      findings.push(`${o.source.file}:${o.lineOf(d.fieldPath)}: ${label}${objectName(o)}: ${d.fieldPath}: ${d.message}\n`);
      if (d.fix) findings.push(`    fix: ${d.fix}\n`);
    }
    if (errors.some(concernsRules)) rejected.push(objectName(o));
    else assembler.add({ object: o.object, source: o.source });
  };
  const loaded = loadManifests(paths, { limits: options.limits, onObject, podEssentials: true, progress: options.progress });
  options.progress?.done();
  for (const p of loaded.problems) io.stderr.write(`${formatProblem(p)}${p.fatal ? '' : ' (warning)'}\n`);
  for (const line of findings) io.stderr.write(line);

  const unread = loaded.problems.filter((p) => p.fatal).length;
  if (unread > 0) {
    io.stderr.write(`error: ${unread} input problem${unread === 1 ? '' : 's'} (see above): the result covers only what could be read\n`);
  }
  if (rejected.length > 0) {
    io.stderr.write(
      `error: invalid NetworkPolic${rejected.length === 1 ? 'y' : 'ies'} left out, as the API server would reject ${rejected.length === 1 ? 'it' : 'them'}: `
      + `${rejected.join(', ')} (details: cdk8s-netpol validate)\n`,
    );
  }

  if (refused.length > 0) {
    io.stderr.write(
      `error: ${refused.length === 1 ? 'an object' : `${refused.length} objects`} left out, as the API server would refuse ${refused.length === 1 ? 'it' : 'them'} `
      + `(a value of the wrong type, see above): ${refused.join(', ')}\n`,
    );
  }

  const { cluster, warnings } = assembler.finish();
  for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  const exitCode = unread > 0 ? ExitCode.BAD_INPUT : rejected.length + refused.length > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  return { cluster, exitCode };
}
