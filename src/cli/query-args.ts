import { Protocol } from '../model/protocol';
import { cidrInterval, parseIp } from '../net/cidr';

/** A parsed `--from`/`--to` value: a workload reference, an IP address, or the internet. */
export type EndpointArg = { readonly workload: string } | { readonly ip: string } | { readonly internet: true };

/** A parsed `--port` value: a number, or a name to resolve on the destination's container ports. */
export type PortArg =
  | { readonly protocol: Protocol; readonly port: number }
  | { readonly protocol: Protocol; readonly portName: string };

/** Thrown for a command-line value that cannot be used; the message is for the user. */
export class ArgumentError extends Error {}

const WORKLOAD_REF = /^[^/\s[\]]+\/[^/\s[\]]+(\[[A-Za-z]+\])?$/;

/** `ns/name`, `ns/name[Kind]`, an IPv4/IPv6 address as the API server writes one, or `internet`. */
export function parseEndpoint(option: string, value: string): EndpointArg {
  const text = value.trim();
  if (text === 'internet') return { internet: true };
  if (parseIp(text)) return { ip: text };
  if (cidrInterval(text)) {
    throw new ArgumentError(`${option} "${value}" is neither a workload nor an IP address but a CIDR; give one address of it, such as ${text.split('/')[0]}`);
  }
  if (WORKLOAD_REF.test(text)) return { workload: text };
  if (/^0x/i.test(text) || /^\d+$/.test(text) || /^\d+(\.\d+){1,2}$/.test(text) || /^[0-9a-f:.]+%/i.test(text)) {
    throw new ArgumentError(
      `${option} "${value}" is not an IP address as Kubernetes writes one: use four decimal octets (10.1.2.3) or an IPv6 address `
      + 'without a zone (fe80::1); hex, octal, shortened and integer forms are not accepted',
    );
  }
  throw new ArgumentError(
    `${option} "${value}" is neither a workload nor an IP address; use ns/name, ns/name[Kind] (e.g. shop/web[Deployment]), `
    + 'an address such as 10.0.0.1, or internet',
  );
}

/**
 * `tcp/80`, `udp/53`, `sctp/9000` or a bare `80` (TCP), or a named port such as `tcp/http` or
 * `udp/dns` (resolved on the destination); the protocol is case-insensitive.
 */
export function parsePort(value: string): PortArg {
  const m = /^(?:(tcp|udp|sctp)\/)?(?:(\d+)|([a-z0-9]+(?:-[a-z0-9]+)*))$/i.exec(value.trim());
  const protocol = ((m?.[1]) ?? 'tcp').toUpperCase() as Protocol;
  if (m?.[3] !== undefined && /[a-z]/i.test(m[3]) && m[3].length <= 15) return { protocol, portName: m[3].toLowerCase() };
  const port = m?.[2] !== undefined ? Number(m[2]) : NaN;
  if (!m || !(port >= 1 && port <= 65535)) {
    throw new ArgumentError(`--port "${value}" is not a port; use tcp/80, udp/53, sctp/9000, 80 (TCP), or a named port such as tcp/http, with a number from 1 to 65535`);
  }
  return { protocol, port };
}
