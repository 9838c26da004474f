import { WorkloadSpec } from '../../model/cluster';
import { selectorMatches } from '../../model/labels';
import { Direction, NormalizedPort, NormalizedRule } from '../../model/normalize';
import {
  CheckFinding,
  destinationWorkloads,
  effectiveRules,
  LintContext,
  LintedPolicy,
  listWorkloads,
  policyFinding,
  portPath,
} from '../lint-context';
import { ServicePortSpec, ServiceSpec } from '../services';

/**
 * `named-port-not-declared`: a named rule port that no destination pod declares, or declares
 * only with another protocol, never matches. Towards ipBlock-only peers a named port never
 * matches at all (IP addresses have no named ports).
 */
export function checkNamedPorts(ctx: LintContext): CheckFinding[] {
  const findings: CheckFinding[] = [];
  forEachPort(ctx, (policy, direction, rule, port) => {
    if (typeof port.port !== 'string' || !port.protocol) return;
    const path = portPath(direction, rule.index, port.index);
    const name = port.port;
    if (direction === 'egress' && rule.peers && rule.peers.every((p) => p.kind === 'ipBlock')) {
      findings.push(policyFinding(policy, 'named-port-not-declared', path,
        `The named port "${name}" is used in an egress rule whose peers are all ipBlocks; IP addresses have no `
        + 'named ports, so this entry never matches.',
        'Use the port number for ipBlock destinations.'));
      return;
    }
    const destinations = destinationWorkloads(ctx, policy, direction, rule);
    if (!destinations || destinations.length === 0) return;
    const declaring = destinations.filter((w) => w.ports.some((cp) => cp.name === name));
    if (declaring.some((w) => w.ports.some((cp) => cp.name === name && cp.protocol === port.protocol))) return;
    const whose = direction === 'ingress' ? 'selected pod' : 'destination pod';
    if (declaring.length > 0) {
      const protocols = [...new Set(declaring.flatMap((w) => w.ports.filter((cp) => cp.name === name).map((cp) => cp.protocol)))];
      findings.push(policyFinding(policy, 'named-port-not-declared', path,
        `The named port "${name}" is ${port.protocol} in this rule, but ${listWorkloads(declaring)} declare${declaring.length === 1 ? 's' : ''} `
        + `it as ${protocols.join('/')}; a named port matches only with the same protocol, so this entry never matches.`,
        `Set protocol: ${protocols[0]} on this port entry, or fix the container port's protocol.`));
      return;
    }
    findings.push(policyFinding(policy, 'named-port-not-declared', path,
      `No ${whose} declares a container port named "${name}" (checked ${listWorkloads(destinations)}), so this entry never matches.`,
      'Use a name from containers[].ports[].name of the destination pods, or the port number.'));
  });
  return findings;
}

/**
 * `service-port-not-target-port`: a numeric rule port equal to a Service's `port` whose
 * `targetPort` differs, for pods that do not declare that port themselves. Policies see
 * traffic after the Service translated it to the pod's targetPort.
 */
export function checkServicePorts(ctx: LintContext): CheckFinding[] {
  if (ctx.services.length === 0) return [];
  const findings: CheckFinding[] = [];
  forEachPort(ctx, (policy, direction, rule, port) => {
    if (typeof port.port !== 'number' || !port.protocol) return;
    if (port.endPort !== undefined && port.endPort !== port.port) return;
    const destinations = destinationWorkloads(ctx, policy, direction, rule) ?? [];
    for (const service of ctx.services) {
      const backends = backendsOf(service, destinations);
      for (const servicePort of service.ports) {
        if (servicePort.port !== port.port || servicePort.protocol !== port.protocol) continue;
        const misses = backends.filter((w) => {
          const target = resolveTarget(servicePort, w);
          return target !== port.port && !w.ports.some((cp) => cp.port === port.port && cp.protocol === port.protocol);
        });
        if (misses.length === 0) continue;
        const target = targetText(servicePort, misses[0]);
        findings.push(policyFinding(policy, 'service-port-not-target-port', portPath(direction, rule.index, port.index),
          `${port.protocol} port ${port.port} is the port of Service ${service.namespace}/${service.name}, which forwards `
          + `to targetPort ${target} on ${listWorkloads(misses)}. Policies see the pod's port after the Service translates `
          + `the address, and no container there declares port ${port.port}, so Service traffic is not matched by this entry.`,
          `Use the pods' port (targetPort ${target}) instead of the Service port ${port.port}.`));
      }
    }
  });
  return findings;
}

function forEachPort(
  ctx: LintContext,
  visit: (policy: LintedPolicy, direction: Direction, rule: NormalizedRule, port: NormalizedPort) => void,
): void {
  for (const policy of ctx.policies) {
    for (const { direction, rules } of effectiveRules(policy)) {
      for (const rule of rules) {
        for (const port of rule.ports ?? []) visit(policy, direction, rule, port);
      }
    }
  }
}

function backendsOf(service: ServiceSpec, workloads: readonly WorkloadSpec[]): WorkloadSpec[] {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return workloads.filter((w) => w.namespace === service.namespace && selectorMatches({ matchLabels: { ...selector } }, w.labels));
}

function resolveTarget(servicePort: ServicePortSpec, workload: WorkloadSpec): number | undefined {
  if (typeof servicePort.targetPort === 'number') return servicePort.targetPort;
  return workload.ports.find((cp) => cp.name === servicePort.targetPort && cp.protocol === servicePort.protocol)?.port;
}

function targetText(servicePort: ServicePortSpec, workload: WorkloadSpec): string {
  const resolved = resolveTarget(servicePort, workload);
  if (typeof servicePort.targetPort === 'number') return String(servicePort.targetPort);
  return resolved !== undefined ? `"${servicePort.targetPort}" (${resolved})` : `"${servicePort.targetPort}"`;
}
