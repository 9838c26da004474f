import { ClusterPolicyKind } from './crd-schemas';
import { parseCidr, formatNetwork } from '../../net/cidr';
import { Diagnostic } from '../diagnostic';
import { childPath, indexPath, warning } from '../issues';
import { Severity } from '../severity';

/**
 * What the API server accepts but is almost certainly a mistake (spec A.9): an operator a
 * label selector does not know, a v1alpha1 protocol other than TCP/UDP/SCTP or an empty or
 * single-port range, a CIDR with host bits set, domain names in a Deny or Pass rule; and, as a
 * note, a v1alpha2 pods selection without namespaceSelector, which means every namespace.
 * Runs on objects without errors, with defaults filled in.
 */
export function acceptedButSuspicious(kind: ClusterPolicyKind, object: any): Diagnostic[] {
  const found: Diagnostic[] = [];
  const spec = object.spec;
  const allNamespacesNote = (path: string, holder: any) => {
    if (kind === 'ClusterNetworkPolicy' && holder.pods && holder.pods.namespaceSelector === undefined) found.push(podsInAllNamespaces(childPath(path, 'pods')));
  };
  selectorWarnings(found, 'spec.subject', spec.subject);
  allNamespacesNote('spec.subject', spec.subject);
  for (const direction of ['ingress', 'egress'] as const) {
    (spec[direction] ?? []).forEach((rule: any, i: number) => {
      const rulePath = indexPath(`spec.${direction}`, i);
      const peersField = direction === 'ingress' ? 'from' : 'to';
      rule[peersField].forEach((peer: any, j: number) => {
        const peerPath = indexPath(childPath(rulePath, peersField), j);
        selectorWarnings(found, peerPath, peer);
        allNamespacesNote(peerPath, peer);
        (peer.networks ?? []).forEach((cidr: string, k: number) => cidrWarnings(found, indexPath(childPath(peerPath, 'networks'), k), cidr));
        if (peer.domainNames && rule.action !== 'Accept' && rule.action !== 'Allow') {
          found.push(warning(childPath(peerPath, 'domainNames'),
            `domainNames are meant for ${kind === 'ClusterNetworkPolicy' ? 'Accept' : 'Allow'} rules only; what a ${rule.action} rule does with them is up to the implementation`,
            'domain-names-action', 'match the addresses with networks instead, or make the rule an allow rule'));
        }
      });
      (rule.ports ?? []).forEach((port: any, k: number) => v1alpha1PortWarnings(found, indexPath(childPath(rulePath, 'ports'), k), port));
    });
  }
  return found;
}

/** A.9 item 6: unlike a NetworkPolicy peer, an absent namespaceSelector does not mean "this namespace". */
function podsInAllNamespaces(path: string): Diagnostic {
  return {
    severity: Severity.INFO,
    rule: 'pods-in-all-namespaces',
    fieldPath: path,
    message: 'pods without namespaceSelector are the matching pods of every namespace (a cluster policy has no namespace of its own)',
    fix: 'add namespaceSelector to narrow it, or namespaceSelector: {} to say every namespace explicitly',
  };
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function selectorWarnings(found: Diagnostic[], path: string, holder: any): void {
  for (const field of ['namespaces', 'nodes', 'pods']) {
    const value = holder[field];
    if (!value) continue;
    const selectors = field === 'pods'
      ? [['namespaceSelector', value.namespaceSelector], ['podSelector', value.podSelector]]
      : [['', value]];
    for (const [name, selector] of selectors) {
      const selectorPath = name ? childPath(childPath(path, field), name) : childPath(path, field);
      (selector?.matchExpressions ?? []).forEach((e: any, i: number) => {
        const ePath = indexPath(childPath(selectorPath, 'matchExpressions'), i);
        const values: unknown[] = e.values ?? [];
        if (!OPERATORS.includes(e.operator)) {
          found.push(warning(childPath(ePath, 'operator'), `"${e.operator}" is not a label selector operator; the CRD accepts it, but what it selects is up to the implementation`,
            'selector-operator', 'use In, NotIn, Exists or DoesNotExist'));
        } else if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) {
          found.push(warning(childPath(ePath, 'values'), `${e.operator} needs at least one value`, 'selector-values-required', 'list the values, or use Exists / DoesNotExist'));
        } else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) {
          found.push(warning(childPath(ePath, 'values'), `${e.operator} takes no values`, 'selector-values-forbidden', 'remove values'));
        }
      });
    }
  }
}

function cidrWarnings(found: Diagnostic[], path: string, cidr: string): void {
  const parsed = parseCidr(cidr);
  if (parsed?.hostBitsSet) {
    found.push(warning(path, `${JSON.stringify(cidr)} has bits set beyond the prefix length; implementations mask them`,
      'networks-host-bits', `write ${JSON.stringify(formatNetwork(parsed))}`));
  }
}

function v1alpha1PortWarnings(found: Diagnostic[], path: string, port: any): void {
  const entry = port.portNumber ?? port.portRange;
  if (!entry) return;
  const field = port.portNumber ? 'portNumber' : 'portRange';
  if (!['TCP', 'UDP', 'SCTP'].includes(entry.protocol)) {
    found.push(warning(childPath(childPath(path, field), 'protocol'), `${JSON.stringify(entry.protocol)} is not TCP, UDP or SCTP; the CRD accepts it, but what it matches is up to the implementation`,
      'port-protocol', 'use TCP, UDP or SCTP (upper case)'));
  }
  if (port.portRange && port.portRange.start >= port.portRange.end) {
    found.push(warning(childPath(path, 'portRange'), `the range ${port.portRange.start}-${port.portRange.end} is ${port.portRange.start === port.portRange.end ? 'a single port' : 'inverted'}; how it matches is up to the implementation (v1alpha2 rejects it)`,
      'port-range-order', port.portRange.start === port.portRange.end ? `use portNumber: {port: ${port.portRange.start}}` : 'swap start and end'));
  }
}
