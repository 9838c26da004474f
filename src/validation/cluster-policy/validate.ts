import { celFix } from './cel-fixes';
import { Channel, CLUSTER_POLICY_KINDS, ClusterPolicyKind, schemaOf } from './crd-schemas';
import { checkSchema, isBlocking, PendingCel } from './schema-check';
import { acceptedButSuspicious } from './warnings';
import { Findings, isJsonObject, jsonKind } from '../decode';
import { Diagnostic } from '../diagnostic';
import { validateObjectMeta } from '../metadata';
import { Rules } from '../rules';
import { Severity } from '../severity';

/** Options of {@link validateClusterPolicy}. */
export interface ClusterPolicyValidationOptions {
  /**
   * The CRD release channel installed in the cluster: `experimental` adds the `nodes` and
   * `domainNames` peers, the v1alpha1 `namedPort` and the named-port CEL rule.
   * @default 'standard'
   */
  readonly channel?: Channel;
}

/** The API group of the cluster-scoped policy kinds. */
export const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/** Rule id of the line the server adds when a blocking schema error kept the CEL rules from running. */
export const CEL_NOT_CHECKED = 'cel-not-checked';

/** Rule id of a namespace on a cluster-scoped object (cleared by the server, not an error). */
const CLUSTER_SCOPED_NAMESPACE = 'cluster-scoped-namespace';

/** Whether an object claims to be one of the cluster-scoped policy kinds (any version of the group). */
export function claimsClusterPolicyKind(object: unknown): boolean {
  if (!isJsonObject(object)) return false;
  const { apiVersion, kind } = object;
  return (typeof apiVersion === 'string' && apiVersion.startsWith(`${CLUSTER_POLICY_GROUP}/`))
    || CLUSTER_POLICY_KINDS.some((k) => k.kind === kind);
}

/**
 * Checks a ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy or BaselineAdminNetworkPolicy
 * (v1alpha1) the way the API server does on create (spec A.0.1): unknown fields, defaulting,
 * object metadata, the CRD's OpenAPI schema and list sets, then the CEL rules, which the server
 * runs only when no blocking error (Required, enum, too long, too many, wrong type) came before.
 * Unknown fields are reported and then left out, as pruning does, so the rest is still checked.
 * Warnings are what the server accepts but is probably a mistake.
 */
export function validateClusterPolicy(manifest: unknown, options: ClusterPolicyValidationOptions = {}): Diagnostic[] {
  if (!isJsonObject(manifest)) {
    return [{
      severity: Severity.ERROR,
      rule: Rules.DECODE_TYPE,
      fieldPath: '',
      message: `a cluster network policy must be a map of fields, got ${jsonKind(manifest)}`,
      fix: 'give an object with apiVersion, kind, metadata and spec',
    }];
  }
  const kind = checkTypeMeta(manifest);
  if (typeof kind !== 'string') return [kind];

  const diagnostics: Diagnostic[] = [];
  const metadata = manifest.metadata;
  if (isJsonObject(metadata)) {
    const { namespace, ...clusterMetadata } = metadata;
    if (namespace !== undefined && namespace !== null && namespace !== '') {
      diagnostics.push({
        severity: Severity.WARNING,
        rule: CLUSTER_SCOPED_NAMESPACE,
        fieldPath: 'metadata.namespace',
        message: `${kind} is cluster-scoped: the API server clears metadata.namespace (${JSON.stringify(namespace)})`,
        fix: 'remove metadata.namespace',
      });
    }
    const findings = new Findings();
    validateObjectMeta(findings, clusterMetadata, kind);
    diagnostics.push(...findings.items);
  }

  const schema = checkSchema(manifest, schemaOf(kind, options.channel ?? 'standard'));
  diagnostics.push(...schema.diagnostics);

  const blocked = diagnostics.some((d) => isBlocking(d) || d.rule === Rules.METADATA_NAME_REQUIRED);
  if (blocked) {
    diagnostics.push({
      severity: Severity.INFO,
      rule: CEL_NOT_CHECKED,
      fieldPath: '',
      message: 'Invalid value: "null": some validation rules were not checked because the object was invalid; '
        + 'correct the existing errors to complete validation',
      fix: 'correct the errors above; the CEL rules of the CRD run only then',
    });
    return diagnostics;
  }
  diagnostics.push(...schema.pendingCel.filter((p) => !p.rule.holds(p.value)).map(celError));
  if (!diagnostics.some((d) => d.severity === Severity.ERROR)) diagnostics.push(...acceptedButSuspicious(kind, schema.defaulted));
  return diagnostics;
}

/** The kind, or the error that stops the check: a kind of another group, or the wrong version for it. */
function checkTypeMeta(manifest: Record<string, unknown>): ClusterPolicyKind | Diagnostic {
  const { apiVersion, kind } = manifest;
  const known = CLUSTER_POLICY_KINDS.find((k) => k.kind === kind);
  if (!known) {
    const sameLetters = CLUSTER_POLICY_KINDS.find((k) => typeof kind === 'string' && k.kind.toLowerCase() === kind.toLowerCase());
    return {
      severity: Severity.ERROR,
      rule: Rules.KIND,
      fieldPath: 'kind',
      message: kind === undefined || kind === null
        ? 'Required value: kind must be ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy'
        : `Invalid value: ${JSON.stringify(kind)}: no kind ${JSON.stringify(kind)} is registered for ${String(apiVersion)}`,
      fix: sameLetters
        ? `kinds are case-sensitive: write kind: ${sameLetters.kind}`
        : 'use kind: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2), or AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1)',
    };
  }
  if (apiVersion !== known.apiVersion) {
    const fix = known.kind === 'ClusterNetworkPolicy'
      ? `set apiVersion: ${known.apiVersion} (ClusterNetworkPolicy exists only in v1alpha2)`
      : `set apiVersion: ${known.apiVersion}; in v1alpha2 the same policy is a ClusterNetworkPolicy with tier: `
        + `${known.kind === 'AdminNetworkPolicy' ? 'Admin' : 'Baseline'} (actions Allow become Accept, ports become protocols)`;
    return {
      severity: Severity.ERROR,
      rule: Rules.API_VERSION,
      fieldPath: 'apiVersion',
      message: `Invalid value: ${JSON.stringify(apiVersion ?? null)}: no kind "${known.kind}" is registered for version ${JSON.stringify(apiVersion ?? null)}`,
      fix,
    };
  }
  return known.kind;
}

/** `Invalid value: "object": <message>`: the server names the node's type, not its value. */
function celError(pending: PendingCel): Diagnostic {
  return {
    severity: Severity.ERROR,
    rule: pending.rule.id,
    fieldPath: pending.path,
    message: `Invalid value: ${JSON.stringify(pending.typeName)}: ${pending.rule.message}`,
    fix: celFix(pending.rule.id, pending.value),
  };
}
