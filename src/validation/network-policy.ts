import { Findings, FieldRef, isJsonObject, jsonKind, readArray, readObject, readString, WrittenAs } from './decode';
import { Diagnostic } from './diagnostic';
import { IpBlockOptions } from './ip-block';
import { childPath, indexPath, invalid, notSupported } from './issues';
import { validateObjectMeta } from './metadata';
import { validateNetworkPolicyPeer } from './peer';
import { validateNetworkPolicyPort } from './policy-port';
import { Rules } from './rules';
import { validateLabelSelector } from './selector';
import { Severity } from './severity';

/** Options of {@link validateNetworkPolicy}. */
export interface ValidationOptions {
  /**
   * Validate CIDRs as 1.36+ servers do (`StrictIPCIDRValidation` on): leading zeros,
   * IPv4-mapped addresses and bits beyond the prefix are errors. With `false`, they are
   * warnings, as on 1.33–1.35.
   * @default true
   */
  readonly strictCidr?: boolean;
  /** The text of a field as written in its file, for fixes that quote it. @default - the value itself */
  readonly writtenAs?: WrittenAs;
}

/** The only apiVersion and kind this validator accepts. */
const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';
const NETWORK_POLICY_KIND = 'NetworkPolicy';

const TOP_LEVEL_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const SPEC_FIELDS = ['podSelector', 'ingress', 'egress', 'policyTypes'];
const INGRESS_RULE_FIELDS = ['ports', 'from'];
const EGRESS_RULE_FIELDS = ['ports', 'to'];
const POLICY_TYPES = ['Ingress', 'Egress'];

const SELECTOR_BESIDE_IT = {
  matchLabels: 'matchLabels belongs under podSelector (check the indentation)',
  matchExpressions: 'matchExpressions belongs under podSelector (check the indentation)',
};

/**
 * Checks one NetworkPolicy object, typed or straight from YAML/JSON, the way the API server
 * would on create: first decoding (wrong JSON types, unknown fields, apiVersion/kind), then
 * every validation rule of docs/semantics.md#validation, collecting all findings. Warnings are what the
 * server accepts but warns about. An empty result means the server accepts the object.
 */
export function validateNetworkPolicy(manifest: unknown, options: ValidationOptions = {}): Diagnostic[] {
  const findings = new Findings(options.writtenAs);
  const ipBlockOptions: IpBlockOptions = { strictCidr: options.strictCidr ?? true };

  if (!isJsonObject(manifest)) {
    findings.add({
      severity: Severity.ERROR,
      rule: Rules.DECODE_TYPE,
      fieldPath: '',
      message: `a NetworkPolicy must be a map of fields, got ${jsonKind(manifest)}`,
      fix: 'give an object with apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata and spec',
    });
    return findings.items;
  }

  if (!checkTypeMeta(findings, manifest)) return findings.items;
  readObject(findings, { path: '', owner: 'NetworkPolicy' }, manifest, 'v1.NetworkPolicy', TOP_LEVEL_FIELDS, {
    status: 'remove status: NetworkPolicy has had no status field since Kubernetes 1.28',
    podSelector: 'podSelector belongs under spec (check the indentation)',
    ingress: 'ingress belongs under spec (check the indentation)',
    egress: 'egress belongs under spec (check the indentation)',
    policyTypes: 'policyTypes belongs under spec (check the indentation)',
    name: 'name belongs under metadata (check the indentation)',
    namespace: 'namespace belongs under metadata (check the indentation)',
  });

  validateObjectMeta(findings, manifest.metadata);
  validateSpec(findings, manifest.spec, ipBlockOptions);
  return findings.items;
}

/** Checks apiVersion and kind; false when the object is not a NetworkPolicy at all. */
function checkTypeMeta(findings: Findings, manifest: Record<string, unknown>): boolean {
  const { apiVersion, kind } = manifest;
  if (kind !== NETWORK_POLICY_KIND) {
    const sameLetters = typeof kind === 'string' && kind.toLowerCase() === NETWORK_POLICY_KIND.toLowerCase();
    findings.add({
      severity: Severity.ERROR,
      rule: Rules.KIND,
      fieldPath: 'kind',
      message: kind === undefined || kind === null
        ? 'Required value: kind must be "NetworkPolicy"'
        : `Invalid value: ${JSON.stringify(kind)}: kind must be "NetworkPolicy"`,
      fix: sameLetters ? 'kinds are case-sensitive: write kind: NetworkPolicy' : 'set kind: NetworkPolicy',
    });
    return false;
  }
  if (apiVersion !== NETWORK_POLICY_API_VERSION) {
    const old = apiVersion === 'extensions/v1beta1' || apiVersion === 'networking.k8s.io/v1beta1';
    findings.add({
      severity: Severity.ERROR,
      rule: Rules.API_VERSION,
      fieldPath: 'apiVersion',
      message: apiVersion === undefined || apiVersion === null
        ? 'Required value: apiVersion must be "networking.k8s.io/v1"'
        : `Invalid value: ${JSON.stringify(apiVersion)}: apiVersion must be "networking.k8s.io/v1"`,
      fix: old
        ? `set apiVersion: networking.k8s.io/v1 (${String(apiVersion)} NetworkPolicy was removed in Kubernetes 1.16)`
        : 'set apiVersion: networking.k8s.io/v1',
    });
  }
  return true;
}

/** `ValidateNetworkPolicySpec`. */
function validateSpec(findings: Findings, value: unknown, options: IpBlockOptions): void {
  const spec = readObject(findings, { path: 'spec', owner: 'NetworkPolicy' }, value, 'v1.NetworkPolicySpec', SPEC_FIELDS, {
    ...SELECTOR_BESIDE_IT,
    from: 'from belongs inside an ingress rule: ingress: [{from: [...]}]',
    to: 'to belongs inside an egress rule: egress: [{to: [...]}]',
    ports: 'ports belongs inside an ingress or egress rule',
  }) ?? {};
  const owner = 'NetworkPolicySpec';

  validateLabelSelector(findings, spec.podSelector, { path: 'spec.podSelector', owner });
  validateRules(findings, spec.ingress, 'ingress', options);
  validateRules(findings, spec.egress, 'egress', options);
  validatePolicyTypes(findings, spec.policyTypes);
}

/** Hints for fields written at the rule level that belong elsewhere (built once: every rule is checked). */
function misplacedInRule(peersName: 'from' | 'to'): Record<string, string> {
  return {
    ...(peersName === 'from'
      ? { to: 'ingress rules list their peers under "from"' }
      : { from: 'egress rules list their peers under "to"' }),
    ...Object.fromEntries(['podSelector', 'namespaceSelector', 'ipBlock'].map((f) => [
      f, `${f} belongs inside a "${peersName}" list item: ${peersName}: [{${f}: ...}] (check the indentation)`,
    ])),
    port: 'port belongs inside a "ports" list item: ports: [{port: 80}]',
    protocol: 'protocol belongs inside a "ports" list item: ports: [{protocol: UDP, port: 53}]',
  };
}

const MISPLACED_IN_INGRESS_RULE = misplacedInRule('from');
const MISPLACED_IN_EGRESS_RULE = misplacedInRule('to');

function validateRules(findings: Findings, value: unknown, direction: 'ingress' | 'egress', options: IpBlockOptions): void {
  const ingress = direction === 'ingress';
  const listPath = `spec.${direction}`;
  const goRule = ingress ? 'NetworkPolicyIngressRule' : 'NetworkPolicyEgressRule';
  const peersName = ingress ? 'from' : 'to';
  const rules = readArray(findings, { path: listPath, owner: 'NetworkPolicySpec' }, value, `[]v1.${goRule}`) ?? [];

  rules.forEach((ruleValue, i) => {
    const rulePath = indexPath(listPath, i);
    const rule = readObject(findings, { path: rulePath, owner: 'NetworkPolicySpec' }, ruleValue, `v1.${goRule}`,
      ingress ? INGRESS_RULE_FIELDS : EGRESS_RULE_FIELDS, ingress ? MISPLACED_IN_INGRESS_RULE : MISPLACED_IN_EGRESS_RULE) ?? {};

    const portsField: FieldRef = { path: childPath(rulePath, 'ports'), owner: goRule };
    const ports = readArray(findings, portsField, rule.ports, '[]v1.NetworkPolicyPort') ?? [];
    ports.forEach((port, j) => validateNetworkPolicyPort(findings, port, { path: indexPath(portsField.path, j), owner: goRule }));

    const peersField: FieldRef = { path: childPath(rulePath, peersName), owner: goRule };
    const peers = readArray(findings, peersField, rule[peersName], '[]v1.NetworkPolicyPeer') ?? [];
    peers.forEach((peer, j) => {
      validateNetworkPolicyPeer(findings, peer, { path: indexPath(peersField.path, j), owner: goRule }, peersName, options);
    });
  });
}

/** policyTypes: more than two is checked first and ends the check; duplicates are allowed. */
function validatePolicyTypes(findings: Findings, value: unknown): void {
  const path = 'spec.policyTypes';
  const types = readArray(findings, { path, owner: 'NetworkPolicySpec' }, value, '[]v1.PolicyType');
  if (!types) return;
  const decoded = types.map((t, i) => (t === null ? '' : readString(findings, { path: indexPath(path, i), owner: 'NetworkPolicySpec' }, t)));
  if (decoded.some((t) => t === undefined)) return;

  if (types.length > POLICY_TYPES.length) {
    findings.add(invalid(path, decoded, 'may not specify more than two policyTypes', Rules.POLICY_TYPES_COUNT,
      'list "Ingress" and/or "Egress", each at most once'));
    return;
  }
  decoded.forEach((t, i) => {
    const text = t ?? '';
    if (POLICY_TYPES.includes(text)) return;
    const sameLetters = POLICY_TYPES.find((p) => p.toLowerCase() === text.toLowerCase());
    findings.add(notSupported(indexPath(path, i), text, POLICY_TYPES, Rules.POLICY_TYPES_VALUE,
      sameLetters ? `policy types are case-sensitive: write ${JSON.stringify(sameLetters)}` : 'use "Ingress" or "Egress"'));
  });
}
