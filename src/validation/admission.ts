import { WrittenAs } from './decode';
import { Diagnostic } from './diagnostic';
import { validateNetworkPolicy } from './network-policy';

/**
 * The errors that keep a NetworkPolicy out of an evaluation: the API server would reject the
 * object, and the error concerns its rules (`spec`), so any reading of them would be a guess.
 * Errors outside `spec` (an invalid name, a `status: {}` left by `kubectl get -o yaml`) do not
 * change what the policy allows. CIDRs with host bits set are accepted, as API servers before
 * 1.36 stored them (host bits masked).
 */
export function ruleErrors(manifest: unknown, writtenAs?: WrittenAs): Diagnostic[] {
  return errorsOf(manifest, writtenAs).filter(concernsRules);
}

/** Errors of a NetworkPolicy, for the checks above; lenient about CIDR host bits. */
export function errorsOf(manifest: unknown, writtenAs?: WrittenAs): Diagnostic[] {
  return validateNetworkPolicy(manifest, { strictCidr: false, writtenAs }).filter((d) => d.severity === 'error');
}

/** Whether an error is about the rules of a policy (its `spec`). */
export function concernsRules(d: Diagnostic): boolean {
  return d.fieldPath === 'spec' || d.fieldPath.startsWith('spec.') || d.fieldPath.startsWith('spec[');
}

/** Whether a Kubernetes object is a NetworkPolicy (any apiVersion: validation reports a wrong one). */
export function isNetworkPolicyObject(object: unknown): boolean {
  return typeof object === 'object' && object !== null && (object as { kind?: unknown }).kind === 'NetworkPolicy';
}
