import { joinWithOr } from './selector';
import { NetworkPolicyPortManifest } from '../model/manifest';

/**
 * Plain-words phrases for rule ports, with the API server's defaulting applied:
 * a port entry without `protocol` is TCP, and a rule without ports allows every port
 * of every protocol.
 */

/** One port entry: `TCP port 80`, `UDP ports 1000-2000`, `any SCTP port`, `the TCP port named "http"`. */
export function describePort(port: NetworkPolicyPortManifest): string {
  const protocol = port.protocol ?? 'TCP';
  if (port.port === undefined || port.port === null) return `any ${protocol} port`;
  if (typeof port.port === 'string') return `the ${protocol} port named "${port.port}"`;
  if (port.endPort !== undefined && port.endPort !== null && port.endPort !== port.port) {
    return `${protocol} ports ${port.port}-${port.endPort}`;
  }
  return `${protocol} port ${port.port}`;
}

/** A rule's whole port list, starting with `on`: `on TCP port 80 or UDP port 53`, `on any port and protocol`. */
export function describePorts(ports: readonly NetworkPolicyPortManifest[] | null | undefined): string {
  if (!ports || ports.length === 0) return 'on any port and protocol';
  return `on ${joinWithOr(ports.map(describePort))}`;
}
