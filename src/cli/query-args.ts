import { Protocol } from '../model/protocol';
import { cidrInterval, parseIp } from '../net/cidr';

/** A parsed `--from`/`--to` value: a workload reference or an IP address. */
export type EndpointArg = { readonly workload: string } | { readonly ip: string };

/** A parsed `--port` value. */
export interface PortArg {
  readonly protocol: Protocol;
  readonly port: number;
}

/** Thrown for a command-line value that cannot be used; the message is for the user. */
export class ArgumentError extends Error {}

const WORKLOAD_REF = /^[^/\s[\]]+\/[^/\s[\]]+(\[[A-Za-z]+\])?$/;

/** `ns/name`, `ns/name[Kind]` or an IPv4/IPv6 address. */
export function parseEndpoint(option: string, value: string): EndpointArg {
  const text = value.trim();
  if (parseIp(text)) return { ip: text };
  if (cidrInterval(text)) {
    throw new ArgumentError(`${option} "${value}" is neither a workload nor an IP address but a CIDR; give one address of it, such as ${text.split('/')[0]}`);
  }
  if (WORKLOAD_REF.test(text)) return { workload: text };
  throw new ArgumentError(
    `${option} "${value}" is neither a workload nor an IP address; use ns/name, ns/name[Kind] (e.g. shop/web[Deployment]) or an address such as 10.0.0.1`,
  );
}

/** `tcp/80`, `udp/53`, `sctp/9000` or a bare `80` (TCP); the protocol is case-insensitive. */
export function parsePort(value: string): PortArg {
  const m = /^(?:(tcp|udp|sctp)\/)?(\d+)$/i.exec(value.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) {
    throw new ArgumentError(`--port "${value}" is not a port; use tcp/80, udp/53, sctp/9000 or 80 (TCP), with a number from 1 to 65535`);
  }
  return { protocol: (m[1] ?? 'tcp').toUpperCase() as Protocol, port };
}
