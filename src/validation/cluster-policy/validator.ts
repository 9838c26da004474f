import { validateClusterPolicy } from './validate';
import { Diagnostic, formatDiagnostic } from '../diagnostic';
import { Severity } from '../severity';
import { ValidationProblem } from '../validator';

/** The CRD release channel of the network-policy-api kinds installed in a cluster. */
export enum CrdChannel {
  /** The standard CRDs: `namespaces`, `pods` and `networks` peers, numbered ports. */
  STANDARD = 'standard',
  /** The experimental CRDs: also `nodes` and `domainNames` peers and (v1alpha1) `namedPort`, with their CEL rule. */
  EXPERIMENTAL = 'experimental',
}

/** Options for {@link ClusterPolicyValidator.validate}. */
export interface ClusterPolicyValidatorOptions {
  /**
   * The CRD channel to validate against.
   * @default CrdChannel.STANDARD
   */
  readonly channel?: CrdChannel;
}

/**
 * Checks ClusterNetworkPolicy (`policy.networking.k8s.io/v1alpha2`), AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy (`v1alpha1`) objects the way the Kubernetes API server does with
 * the upstream CRDs installed, without a cluster: unknown fields, the CRD's schema, then its
 * CEL rules (which the server skips while a blocking error is present), with the field path
 * and the server's message, plus a fix.
 *
 * @example
 * const problems = ClusterPolicyValidator.validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha2',
 *   kind: 'ClusterNetworkPolicy',
 *   metadata: { name: 'guardrail' },
 *   spec: { tier: 'Admin', priority: 10, subject: { namespaces: {} },
 *     egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0'] }] }] },
 * });
 * // problems[0].fieldPath === 'spec.egress[0].to[0].networks[0]'
 */
export class ClusterPolicyValidator {
  /**
   * Every problem the API server would report for the object (errors, warnings and notes), in
   * field order. No error means the server accepts it.
   *
   * @param manifest the object as parsed from YAML or JSON
   * @param options which CRD channel to mirror
   */
  public static validate(manifest: any, options?: ClusterPolicyValidatorOptions): ValidationProblem[] {
    return validateClusterPolicy(manifest, { channel: options?.channel }).map(toProblem);
  }

  /**
   * True when the API server would accept the object.
   *
   * @param manifest the object as parsed from YAML or JSON
   * @param options which CRD channel to mirror
   */
  public static isValid(manifest: any, options?: ClusterPolicyValidatorOptions): boolean {
    return !ClusterPolicyValidator.validate(manifest, options).some((p) => p.severity === Severity.ERROR);
  }

  /**
   * One line per problem: `<field path>: <message> Fix: <fix>` (`<nil>` for the object itself).
   *
   * @param problem the problem to print
   */
  public static formatProblem(problem: ValidationProblem): string {
    return formatClusterDiagnostic(problem);
  }

  private constructor() {}
}

/** As {@link formatDiagnostic}, with the server's `<nil>` for an empty field path. */
export function formatClusterDiagnostic(d: Diagnostic): string {
  return formatDiagnostic(d.fieldPath ? d : { ...d, fieldPath: '<nil>' });
}

function toProblem(d: Diagnostic): ValidationProblem {
  const { severity, rule, fieldPath, message, fix } = d;
  return fix === undefined ? { severity, rule, fieldPath, message } : { severity, rule, fieldPath, message, fix };
}
