import { Diagnostic } from '../../src/validation/diagnostic';
import { validateNetworkPolicy, ValidationOptions } from '../../src/validation/network-policy';

/** A valid NetworkPolicy with the given spec (and metadata overrides). */
export function policy(spec: unknown, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'test-policy', namespace: 'default', ...metadata },
    spec,
  };
}

/** A policy whose only ingress rule has the given peers. */
export function withIngressPeers(...peers: unknown[]): Record<string, unknown> {
  return policy({ podSelector: {}, ingress: [{ from: peers }] });
}

/** A policy whose only ingress rule has the given ports. */
export function withIngressPorts(...ports: unknown[]): Record<string, unknown> {
  return policy({ podSelector: {}, ingress: [{ ports }] });
}

/** Errors only. */
export function errorsOf(manifest: unknown, options?: ValidationOptions): Diagnostic[] {
  return validateNetworkPolicy(manifest, options).filter((d) => d.severity === 'error');
}

/** Warnings only. */
export function warningsOf(manifest: unknown, options?: ValidationOptions): Diagnostic[] {
  return validateNetworkPolicy(manifest, options).filter((d) => d.severity === 'warning');
}

/** `fieldPath: message` lines, the way the server lists causes. */
export function lines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.fieldPath}: ${d.message}`);
}
