import { Diagnostic, formatDiagnostic } from './diagnostic';
import { validateNetworkPolicy } from './network-policy';
import { Severity } from './severity';


/** One finding about a NetworkPolicy object. */
export interface ValidationProblem {
  /** Whether the server rejects the object or only warns. */
  readonly severity: Severity;
  /** Stable rule id, e.g. `port-range` or `ipblock-except-subset`. */
  readonly rule: string;
  /** Field path as the API server names it, e.g. `spec.ingress[0].from[1].ipBlock.except[0]`. */
  readonly fieldPath: string;
  /** What is wrong, in the API server's words, quoting the bad value. */
  readonly message: string;
  /**
   * How to fix it.
   * @default - no hint
   */
  readonly fix?: string;
}

/** Options for {@link NetworkPolicyValidator.validate}. */
export interface ValidatorOptions {
  /**
   * Validate CIDRs as Kubernetes 1.36+ does: leading zeros, IPv4-mapped IPv6 addresses and
   * bits set beyond the prefix length are errors. With `false` they are warnings, as on 1.33–1.35.
   * @default true
   */
  readonly strictCidr?: boolean;
}

/**
 * Checks NetworkPolicy objects the way the Kubernetes API server does on create, without a
 * cluster: decoding (wrong JSON types, unknown fields), then every validation rule.
 *
 * @example
 * const problems = NetworkPolicyValidator.validate({
 *   apiVersion: 'networking.k8s.io/v1',
 *   kind: 'NetworkPolicy',
 *   metadata: { name: 'allow-web' },
 *   spec: { ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }] },
 * });
 * // problems[0].fieldPath === 'spec.ingress[0].ports[0].protocol'
 */
export class NetworkPolicyValidator {
  /**
   * Every problem the API server would report for the object (errors and warnings), in
   * field order. An empty list means the server accepts it without warnings.
   *
   * @param manifest the object as parsed from YAML or JSON
   * @param options which server behaviour to mirror
   */
  public static validate(manifest: any, options?: ValidatorOptions): ValidationProblem[] {
    return validateNetworkPolicy(manifest, { strictCidr: options?.strictCidr }).map(toProblem);
  }

  /**
   * True when the API server would accept the object (warnings allowed).
   *
   * @param manifest the object as parsed from YAML or JSON
   * @param options which server behaviour to mirror
   */
  public static isValid(manifest: any, options?: ValidatorOptions): boolean {
    return !NetworkPolicyValidator.validate(manifest, options).some((p) => p.severity === Severity.ERROR);
  }

  /**
   * One line per problem: `<field path>: <message> Fix: <fix>`.
   *
   * @param problem the problem to print
   */
  public static formatProblem(problem: ValidationProblem): string {
    return formatDiagnostic(problem);
  }

  private constructor() {}
}

function toProblem(d: Diagnostic): ValidationProblem {
  const { severity, rule, fieldPath, message, fix } = d;
  return fix === undefined ? { severity, rule, fieldPath, message } : { severity, rule, fieldPath, message, fix };
}
