import { ContainerPortSpec } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { NormalizedPort, NormalizedRule } from '../model/normalize';
import { MAX_PORT, MIN_PORT, Protocol } from '../model/protocol';

/**
 * The connections one port entry allows towards a destination. Named ports resolve on the
 * destination's container ports with the entry's protocol (docs/semantics.md#named-ports); `destinationPorts`
 * undefined means the destination is not a pod, so a named port matches nothing.
 */
export function portEntryConnections(entry: NormalizedPort, destinationPorts: readonly ContainerPortSpec[] | undefined): ConnectionSet {
  const protocol = entry.protocol;
  if (!protocol) return ConnectionSet.none();
  if (entry.port === undefined) return ConnectionSet.allPortsOf(protocol);
  if (typeof entry.port === 'number') return ConnectionSet.ports(protocol, entry.port, entry.endPort ?? entry.port);
  let result = ConnectionSet.none();
  for (const cp of destinationPorts ?? []) {
    if (cp.name === entry.port && cp.protocol === protocol) result = result.union(ConnectionSet.ports(protocol, cp.port));
  }
  return result;
}

/**
 * Whether one port entry admits `protocol`/`port` towards a destination: the same answer as
 * `portEntryConnections(entry, destinationPorts).contains(protocol, port)`, without building a set.
 */
export function portEntryAdmits(
  entry: NormalizedPort,
  protocol: Protocol,
  port: number,
  destinationPorts: readonly ContainerPortSpec[] | undefined,
): boolean {
  if (entry.protocol !== protocol || !(port >= MIN_PORT && port <= MAX_PORT)) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return port >= entry.port && port <= (entry.endPort ?? entry.port);
  return (destinationPorts ?? []).some((cp) => cp.name === entry.port && cp.protocol === protocol && cp.port === port);
}

/** The connections a rule's `ports` list allows towards a destination (no list: everything). */
export function ruleConnections(rule: NormalizedRule, destinationPorts: readonly ContainerPortSpec[] | undefined): ConnectionSet {
  if (!rule.ports) return ConnectionSet.all();
  let result = ConnectionSet.none();
  for (const entry of rule.ports) result = result.union(portEntryConnections(entry, destinationPorts));
  return result;
}

/** True when some entry of the rule is a named port (its meaning then depends on the destination). */
export function hasNamedPort(rule: NormalizedRule): boolean {
  return (rule.ports ?? []).some((p) => typeof p.port === 'string');
}
