/** Protocols a NetworkPolicy port accepts, in the order the server lists them. */
export const SUPPORTED_PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** Longest IANA service name. */
const PORT_NAME_MAX_LENGTH = 15;

/** `IsValidPortNum`: an integer in 1..65535. Empty when valid. */
export function portNumberErrors(n: number): string[] {
  if (Number.isInteger(n) && n >= 1 && n <= 65535) return [];
  return ['must be between 1 and 65535, inclusive'];
}

/**
 * `IsValidPortName`: an IANA service name (RFC 6335) in lower case. Every failing sub-rule
 * gives its own message, as on the server. Empty when valid.
 */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (Buffer.byteLength(name, 'utf8') > PORT_NAME_MAX_LENGTH) errors.push(`must be no more than ${PORT_NAME_MAX_LENGTH} characters`);
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errors.push('must not begin or end with a hyphen');
  return errors;
}

/** The protocol must be exactly `TCP`, `UDP` or `SCTP` (case-sensitive). Empty when valid. */
export function protocolErrors(p: string): string[] {
  if (SUPPORTED_PROTOCOLS.includes(p)) return [];
  return [`supported values: ${SUPPORTED_PROTOCOLS.map((s) => `"${s}"`).join(', ')}`];
}
