/**
 * The Kubernetes `networking.k8s.io/v1` NetworkPolicy as it appears in YAML or JSON,
 * before defaulting. These shapes are the contract between every part of the library:
 * constructs render them, the CLI reads them, validation checks them and the evaluator
 * normalises them. Every field is optional because input from files can omit anything.
 */

export interface LabelSelectorRequirementManifest {
  readonly key?: string;
  readonly operator?: string;
  readonly values?: string[];
}

export interface LabelSelectorManifest {
  readonly matchLabels?: { [key: string]: string };
  readonly matchExpressions?: LabelSelectorRequirementManifest[];
}

export interface IpBlockManifest {
  readonly cidr?: string;
  readonly except?: string[];
}

export interface NetworkPolicyPeerManifest {
  readonly podSelector?: LabelSelectorManifest | null;
  readonly namespaceSelector?: LabelSelectorManifest | null;
  readonly ipBlock?: IpBlockManifest | null;
}

export interface NetworkPolicyPortManifest {
  readonly protocol?: string;
  /** A number, or a named port. */
  readonly port?: number | string;
  readonly endPort?: number;
}

interface NetworkPolicyIngressRuleManifest {
  readonly from?: NetworkPolicyPeerManifest[] | null;
  readonly ports?: NetworkPolicyPortManifest[] | null;
}

interface NetworkPolicyEgressRuleManifest {
  readonly to?: NetworkPolicyPeerManifest[] | null;
  readonly ports?: NetworkPolicyPortManifest[] | null;
}

export interface NetworkPolicySpecManifest {
  readonly podSelector?: LabelSelectorManifest | null;
  readonly policyTypes?: string[] | null;
  readonly ingress?: NetworkPolicyIngressRuleManifest[] | null;
  readonly egress?: NetworkPolicyEgressRuleManifest[] | null;
}

interface ObjectMetaManifest {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: { [key: string]: string };
  readonly annotations?: { [key: string]: string };
}

export interface NetworkPolicyManifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMetaManifest;
  readonly spec?: NetworkPolicySpecManifest;
}

/** The label every namespace carries since Kubernetes 1.22, set by the control plane. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Whether an object of kind NetworkPolicy is Kubernetes' own (`networking.k8s.io`, or an API
 * group-less legacy version such as `extensions/v1beta1`, which validation reports), rather than
 * a plugin's resource of the same kind name (Calico's `crd.projectcalico.org/v1`, Antrea's
 * `crd.antrea.io`), which has other semantics and is not evaluated.
 */
export function isKubernetesNetworkPolicy(object: { readonly apiVersion?: unknown; readonly kind?: unknown }): boolean {
  if (object.kind !== 'NetworkPolicy') return false;
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return !group.includes('.') || group === 'networking.k8s.io';
}
