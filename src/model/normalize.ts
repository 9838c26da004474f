import { decodeSelector } from './labels';
import {
  LabelSelectorManifest,
  NetworkPolicyManifest,
  NetworkPolicyPeerManifest,
  NetworkPolicyPortManifest,
} from './manifest';
import { Protocol, isProtocol } from './protocol';

/** Ingress or egress. */
export type Direction = 'ingress' | 'egress';

/** A peer after defaulting. Indexes point back into the manifest for explanations. */
export type NormalizedPeer =
  | { readonly kind: 'ipBlock'; readonly index: number; readonly cidr: string; readonly exceptCidrs: readonly string[] }
  | {
    readonly kind: 'pods';
    readonly index: number;
    /** Undefined: every pod (of the selected namespaces). */
    readonly podSelector?: LabelSelectorManifest;
    /** Undefined: only the policy's own namespace. */
    readonly namespaceSelector?: LabelSelectorManifest;
  }
  /** A peer that sets none of the three fields: invalid, matches nothing. */
  | { readonly kind: 'invalid'; readonly index: number; readonly reason: string };

/** A port entry after defaulting (`protocol` is always set). */
export interface NormalizedPort {
  readonly index: number;
  /** Undefined when the manifest's protocol is not TCP/UDP/SCTP: the entry matches nothing. */
  readonly protocol?: Protocol;
  /** Undefined: every port of the protocol. A string is a named port. */
  readonly port?: number | string;
  readonly endPort?: number;
}

/** One ingress or egress rule after defaulting. `undefined` lists mean "all" (missing or empty). */
export interface NormalizedRule {
  readonly index: number;
  readonly peers?: readonly NormalizedPeer[];
  readonly ports?: readonly NormalizedPort[];
}

/** A NetworkPolicy with the API server's v1 defaults applied (docs/semantics.md#defaulting). */
export interface NormalizedPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelectorManifest;
  /** `Ingress` is in the effective policyTypes. */
  readonly isolatesIngress: boolean;
  readonly isolatesEgress: boolean;
  /** Rules of listed directions only; rules of unlisted directions are dropped. */
  readonly ingress: readonly NormalizedRule[];
  readonly egress: readonly NormalizedRule[];
}

/**
 * Applies the v1 defaults the API server applies, and drops what has no effect:
 * - `protocol` defaults to TCP in every port entry;
 * - `policyTypes` empty or missing becomes `[Ingress]`, plus `Egress` iff `egress` is non-empty;
 * - a missing/null `podSelector` is the empty selector (all pods in the namespace);
 * - rule lists of directions not in `policyTypes` are dropped;
 * - empty and missing `from`/`to`/`ports` both mean "all".
 * Never throws: values the API server would reject degrade to "matches nothing".
 */
export function normalizePolicy(manifest: NetworkPolicyManifest, namespace: string, name: string): NormalizedPolicy {
  const spec = asObject(manifest?.spec) ?? {};
  const ingressRules = asArray(spec.ingress);
  const egressRules = asArray(spec.egress);
  const declaredTypes = asArray(spec.policyTypes);
  const types = declaredTypes.length > 0
    ? declaredTypes
    : (egressRules.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
  const isolatesIngress = types.includes('Ingress');
  const isolatesEgress = types.includes('Egress');
  return {
    namespace,
    name,
    podSelector: selectorOf(spec.podSelector) ?? {},
    isolatesIngress,
    isolatesEgress,
    ingress: isolatesIngress ? ingressRules.map((r, i) => normalizeRule(asObject(r)?.from, asObject(r)?.ports, i)) : [],
    egress: isolatesEgress ? egressRules.map((r, i) => normalizeRule(asObject(r)?.to, asObject(r)?.ports, i)) : [],
  };
}

function normalizeRule(peers: unknown, ports: unknown, index: number): NormalizedRule {
  const peerList = asArray(peers);
  const portList = asArray(ports);
  return {
    index,
    ...(peerList.length > 0 ? { peers: peerList.map((p, i) => normalizePeer(asObject(p), i)) } : {}),
    ...(portList.length > 0 ? { ports: portList.map((p, i) => normalizePort(asObject(p), i)) } : {}),
  };
}

function normalizePeer(peer: NetworkPolicyPeerManifest | undefined, index: number): NormalizedPeer {
  const ipBlock = asObject(peer?.ipBlock);
  if (ipBlock) {
    const cidr = typeof ipBlock.cidr === 'string' ? ipBlock.cidr : '';
    const exceptCidrs = asArray(ipBlock.except).filter((e): e is string => typeof e === 'string');
    return { kind: 'ipBlock', index, cidr, exceptCidrs };
  }
  const podSelector = selectorOf(peer?.podSelector);
  const namespaceSelector = selectorOf(peer?.namespaceSelector);
  if (!podSelector && !namespaceSelector) {
    return { kind: 'invalid', index, reason: 'must specify a peer (podSelector, namespaceSelector or ipBlock)' };
  }
  return {
    kind: 'pods',
    index,
    ...(podSelector ? { podSelector } : {}),
    ...(namespaceSelector ? { namespaceSelector } : {}),
  };
}

function normalizePort(port: NetworkPolicyPortManifest | undefined, index: number): NormalizedPort {
  const rawProtocol = port?.protocol ?? 'TCP';
  const value = port?.port;
  const endPort = typeof port?.endPort === 'number' ? port.endPort : undefined;
  return {
    index,
    ...(isProtocol(rawProtocol) ? { protocol: rawProtocol } : {}),
    ...(typeof value === 'number' || typeof value === 'string' ? { port: value } : {}),
    ...(endPort !== undefined && typeof value === 'number' ? { endPort } : {}),
  };
}

function selectorOf(value: unknown): LabelSelectorManifest | undefined {
  const selector = asObject(value);
  return selector ? decodeSelector(selector) : undefined;
}

function asArray(value: unknown): readonly any[] {
  return Array.isArray(value) ? value : [];
}

function asObject(value: unknown): any | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
