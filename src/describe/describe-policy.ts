import { sanitizePolicy } from './sanitize';
import {
  NetworkPolicyManifest,
  NetworkPolicyPeerManifest,
  NetworkPolicyPortManifest,
} from '../model/manifest';
import { normalizePolicy } from '../model/normalize';
import { describePeer } from '../phrases/peer';
import { describePorts } from '../phrases/port';
import { describePodSelector } from '../phrases/selector';

/** Which way a rule list points. */
type DirectionName = 'Ingress' | 'Egress';

interface RawRule {
  readonly peers?: readonly NetworkPolicyPeerManifest[] | null;
  readonly ports?: readonly NetworkPolicyPortManifest[] | null;
}

const INDENT = '  ';

/**
 * A NetworkPolicy in plain words: which pods it selects, whether they are isolated in each
 * direction, and every rule as "from X, on ports Y". The text follows the API server's
 * defaulting (missing policyTypes, missing protocol) and says so where it matters.
 *
 * @param input the raw NetworkPolicy, as written in YAML or rendered by a construct; fields of
 *   the wrong JSON type are read as missing (validation reports them)
 */
export function describePolicy(input: NetworkPolicyManifest): string {
  const manifest = sanitizePolicy(input);
  const namespace = manifest.metadata?.namespace || undefined;
  const name = manifest.metadata?.name ?? '<no name>';
  const spec = manifest.spec ?? {};
  const normalized = normalizePolicy(manifest, namespace ?? 'default', name);
  const lines: string[] = [];

  lines.push(namespace
    ? `NetworkPolicy ${namespace}/${name}`
    : `NetworkPolicy ${name} (no namespace set: it applies in the namespace it is created in)`);
  lines.push(`${INDENT}Selects: ${describeTargets(manifest, namespace)}.`);
  lines.push(`${INDENT}Policy types: ${describePolicyTypes(spec.policyTypes, normalized.isolatesIngress, normalized.isolatesEgress)}`);
  lines.push(...describeDirection('Ingress', normalized.isolatesIngress, rawRules(spec.ingress, 'from'), namespace));
  lines.push(...describeDirection('Egress', normalized.isolatesEgress, rawRules(spec.egress, 'to'), namespace));
  return lines.join('\n');
}

/** The pods a policy isolates, e.g. `pods where app=api, in namespace "shop"`. */
export function describeTargets(manifest: NetworkPolicyManifest, namespace?: string): string {
  const pods = describePodSelector(manifest.spec?.podSelector);
  const place = namespace ? `namespace "${namespace}"` : "the policy's namespace";
  return pods === 'every pod' ? `every pod in ${place}` : `${pods}, in ${place}`;
}

function describePolicyTypes(declared: readonly string[] | null | undefined, ingress: boolean, egress: boolean): string {
  const effective = [ingress ? 'Ingress' : undefined, egress ? 'Egress' : undefined].filter((t) => t !== undefined);
  if (declared && declared.length > 0) return `${effective.join(', ')}.`;
  const why = egress
    ? 'not set, so the API server sets Ingress, and Egress because egress rules are present'
    : 'not set, so the API server sets Ingress only';
  return `${effective.join(', ')} (${why}).`;
}

function describeDirection(
  direction: DirectionName,
  isolated: boolean,
  rules: readonly RawRule[],
  namespace: string | undefined,
): string[] {
  const verb = direction === 'Ingress' ? 'in' : 'out';
  if (!isolated) {
    const ignored = rules.length > 0
      ? `; its ${count(rules.length, `${direction.toLowerCase()} rule`)} ${rules.length === 1 ? 'is' : 'are'} ignored`
      : '';
    return [`${INDENT}${direction}: not affected (policyTypes does not list ${direction})${ignored}.`];
  }
  if (rules.length === 0) {
    return [`${INDENT}${direction}: the selected pods are isolated and this policy allows nothing ${verb} (deny all).`];
  }
  const lines = [`${INDENT}${direction}: the selected pods are isolated; this policy allows connections ${verb}:`];
  rules.forEach((rule, i) => lines.push(...describeRule(rule, i + 1, direction, namespace)));
  return lines;
}

/** One numbered rule, on one line when it has at most one peer, else with one peer per line. */
function describeRule(rule: RawRule, ordinal: number, direction: DirectionName, namespace: string | undefined): string[] {
  const preposition = direction === 'Ingress' ? 'from' : 'to';
  const head = `${INDENT.repeat(2)}${ordinal}. `;
  const ports = describePorts(rule.ports);
  const peers = rule.peers ?? [];
  if (peers.length === 0) {
    const anywhere = direction === 'Ingress'
      ? 'from anywhere (every pod in every namespace, and every IP address)'
      : 'to anywhere (every pod in every namespace, and every IP address)';
    return [`${head}${anywhere}, ${ports}`];
  }
  if (peers.length === 1) {
    return [`${head}${preposition} ${describePeer(peers[0], namespace)}, ${ports}`];
  }
  const continuation = ' '.repeat(head.length);
  return [
    `${head}${preposition} any of:`,
    ...peers.map((peer) => `${continuation}${INDENT}- ${describePeer(peer, namespace)}`),
    `${continuation}${ports}`,
  ];
}

function rawRules(list: readonly unknown[] | null | undefined, peerField: 'from' | 'to'): RawRule[] {
  return (list ?? []).map((entry) => {
    const rule = (entry ?? {}) as Record<string, unknown>;
    return {
      peers: rule[peerField] as NetworkPolicyPeerManifest[] | null | undefined,
      ports: rule.ports as NetworkPolicyPortManifest[] | null | undefined,
    };
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
