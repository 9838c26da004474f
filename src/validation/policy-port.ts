import { Findings, FieldRef, isInt32, jsonKind, readInt32, readObject, readString } from './decode';
import { childPath, invalid, notSupported } from './issues';
import { portNameErrors, portNumberErrors, protocolErrors, SUPPORTED_PROTOCOLS } from './ports';
import { Rules } from './rules';

const PORT_FIELDS = ['protocol', 'port', 'endPort'];

function protocolFix(protocol: string): string {
  const upper = protocol.toUpperCase();
  if (SUPPORTED_PROTOCOLS.includes(upper)) return `write the protocol in upper case: ${JSON.stringify(upper)}`;
  if (upper === 'ICMP' || upper === 'ICMPV6') {
    return 'NetworkPolicy filters only TCP, UDP and SCTP; ICMP cannot be allowed or denied by a NetworkPolicy';
  }
  if (upper === 'ALL' || upper === 'ANY' || upper === '*') {
    return 'to allow every protocol and port, omit ports from the rule';
  }
  return 'use TCP, UDP or SCTP (or omit protocol for TCP)';
}

function portNumberFix(port: number): string {
  if (port === 0) return 'a whole protocol is written as {protocol: TCP} with no port';
  return 'use a port between 1 and 65535';
}

function portNameFix(name: string): string {
  if (/^\d+$/.test(name)) return `write the number without quotes (port: ${name}); a quoted value is read as a port name`;
  if (/^\d+[-:]\d+$/.test(name)) {
    const [start, end] = name.split(/[-:]/);
    return `write a range as port: ${start} with endPort: ${end}`;
  }
  return 'a named port is a lower-case IANA service name: up to 15 of a-z, 0-9 and "-", with at least one letter, no "--" and no "-" at either end (e.g. "http", "metrics")';
}

/** Reads `port` (an IntOrString): a whole number, or a string. */
function readPort(findings: Findings, field: FieldRef, value: unknown): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (isInt32(value)) return value;
  let fix = 'use a port number (e.g. port: 443) or a port name (e.g. port: https)';
  if (jsonKind(value) === 'array') fix = 'list several ports as separate items: "- port: 80" and "- port: 443"';
  else if (typeof value === 'number') fix = 'use a whole port number between 1 and 65535';
  findings.wrongType(field, value, 'intstr.IntOrString', fix);
  return undefined;
}

/** `ValidateNetworkPolicyPort` (docs/semantics.md#validation), on a port before defaulting. */
export function validateNetworkPolicyPort(findings: Findings, value: unknown, field: FieldRef): void {
  const entry = readObject(findings, field, value, 'v1.NetworkPolicyPort', PORT_FIELDS) ?? {};
  const owner = 'NetworkPolicyPort';
  const protocolPath = childPath(field.path, 'protocol');
  const portPath = childPath(field.path, 'port');
  const endPortPath = childPath(field.path, 'endPort');

  // An absent protocol is defaulted to TCP before validation; an explicit "" is not.
  const protocol = readString(findings, { path: protocolPath, owner }, entry.protocol);
  if (protocol !== undefined && protocolErrors(protocol).length > 0) {
    findings.add(notSupported(protocolPath, protocol, SUPPORTED_PROTOCOLS, Rules.PORT_PROTOCOL, protocolFix(protocol)));
  }

  const port = readPort(findings, { path: portPath, owner }, entry.port);
  const endPort = readInt32(findings, { path: endPortPath, owner }, entry.endPort);
  const portUndecodable = port === undefined && entry.port !== undefined && entry.port !== null;

  if (typeof port === 'number') {
    for (const msg of portNumberErrors(port)) {
      findings.add(invalid(portPath, port, msg, Rules.PORT_RANGE, portNumberFix(port)));
    }
    if (endPort !== undefined) {
      // Since kubernetes/kubernetes#137960 the bad value shown is endPort (before: port).
      if (endPort < port) {
        findings.add(invalid(endPortPath, endPort, 'must be greater than or equal to `port`', Rules.END_PORT_BELOW_PORT,
          `endPort is the last port of the range: use port: ${Math.min(port, endPort)} and endPort: ${Math.max(port, endPort)}`));
      }
      for (const msg of portNumberErrors(endPort)) {
        findings.add(invalid(endPortPath, endPort, msg, Rules.END_PORT_RANGE, 'use an endPort between 1 and 65535'));
      }
    }
  } else if (typeof port === 'string') {
    if (endPort !== undefined) {
      findings.add(invalid(endPortPath, endPort, 'may not be specified when `port` is non-numeric', Rules.END_PORT_NAMED_PORT,
        'a range needs numeric ports: give port as a number, or remove endPort'));
    }
    for (const msg of portNameErrors(port)) {
      findings.add(invalid(portPath, port, msg, Rules.PORT_NAME, portNameFix(port)));
    }
  } else if (endPort !== undefined && !portUndecodable) {
    findings.add(invalid(endPortPath, endPort, 'may not be specified when `port` is not specified', Rules.END_PORT_WITHOUT_PORT,
      `add port with the first port of the range next to endPort: ${endPort}, or remove endPort`));
  }
}
