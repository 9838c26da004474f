/** The transport protocols a NetworkPolicy port entry can name. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Every protocol, sorted by name (the order used in canonical connection strings). */
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

/** The lowest and highest port number a policy can name. */
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** True for `TCP`, `UDP` and `SCTP` (exact, case-sensitive, as the API server checks it). */
export function isProtocol(value: unknown): value is Protocol {
  return value === 'TCP' || value === 'UDP' || value === 'SCTP';
}
