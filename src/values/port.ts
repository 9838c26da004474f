import { Protocol } from './protocol';
import { CallText, quote, valueError } from './value-error';
import { NetworkPolicyPortManifest } from '../model/manifest';
import { portNameErrors, portNumberErrors } from '../validation/ports';

/**
 * The destination port(s) a rule allows: one port, a range, a named container port, every
 * port of one protocol, or all traffic.
 *
 * Create ports with the static factories (`Port.tcp(8080)`, `Port.udpRange(30000, 32767)`,
 * `Port.named('metrics')`) or use a well-known constant (`Port.HTTPS`). Every factory checks
 * its input at once and throws an error that quotes the value and says what to do.
 *
 * @example
 * Port.tcp(8080).toString() // 'TCP 8080'
 */
export class Port {
  /**
   * DNS over UDP (53).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=53
   */
  public static readonly DNS_UDP = Port.udp(53);
  /**
   * DNS over TCP (53).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=53
   */
  public static readonly DNS_TCP = Port.tcp(53);
  /**
   * HTTP (TCP 80).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=80
   */
  public static readonly HTTP = Port.tcp(80);
  /**
   * HTTPS (TCP 443).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=443
   */
  public static readonly HTTPS = Port.tcp(443);
  /**
   * PostgreSQL (TCP 5432).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=5432
   */
  public static readonly POSTGRES = Port.tcp(5432);
  /**
   * MySQL (TCP 3306).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=3306
   */
  public static readonly MYSQL = Port.tcp(3306);
  /**
   * Redis (TCP 6379).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=6379
   */
  public static readonly REDIS = Port.tcp(6379);
  /**
   * MongoDB (TCP 27017).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=27017
   */
  public static readonly MONGODB = Port.tcp(27017);
  /**
   * Apache Kafka brokers (TCP 9092).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=9092
   */
  public static readonly KAFKA = Port.tcp(9092);
  /**
   * Apache ZooKeeper clients (TCP 2181).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=2181
   */
  public static readonly ZOOKEEPER = Port.tcp(2181);
  /**
   * The Prometheus server (TCP 9090).
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=9090
   */
  public static readonly PROMETHEUS = Port.tcp(9090);
  /**
   * The Kubernetes API server's secure port on its endpoints (TCP 6443), which egress rules
   * must allow because policies see the endpoint, not the `kubernetes` Service port 443.
   * @see https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=6443
   */
  public static readonly KUBE_APISERVER = Port.tcp(6443);

  /**
   * One TCP port.
   *
   * @param port a port number between 1 and 65535
   */
  public static tcp(port: number): Port {
    return Port.single('Port.tcp', Protocol.TCP, port);
  }

  /**
   * One UDP port.
   *
   * @param port a port number between 1 and 65535
   */
  public static udp(port: number): Port {
    return Port.single('Port.udp', Protocol.UDP, port);
  }

  /**
   * One SCTP port.
   *
   * @param port a port number between 1 and 65535
   */
  public static sctp(port: number): Port {
    return Port.single('Port.sctp', Protocol.SCTP, port);
  }

  /**
   * A range of TCP ports, both ends included (rendered with `endPort`).
   *
   * @param startPort the first port of the range
   * @param endPort the last port of the range, not lower than `startPort`
   */
  public static tcpRange(startPort: number, endPort: number): Port {
    return Port.range('Port.tcpRange', Protocol.TCP, startPort, endPort);
  }

  /**
   * A range of UDP ports, both ends included (rendered with `endPort`).
   *
   * @param startPort the first port of the range
   * @param endPort the last port of the range, not lower than `startPort`
   */
  public static udpRange(startPort: number, endPort: number): Port {
    return Port.range('Port.udpRange', Protocol.UDP, startPort, endPort);
  }

  /**
   * A range of SCTP ports, both ends included (rendered with `endPort`).
   *
   * @param startPort the first port of the range
   * @param endPort the last port of the range, not lower than `startPort`
   */
  public static sctpRange(startPort: number, endPort: number): Port {
    return Port.range('Port.sctpRange', Protocol.SCTP, startPort, endPort);
  }

  /**
   * A named container port, resolved on the destination pod by the network plugin.
   *
   * The name must be an IANA service name: at most 15 lowercase letters, digits and
   * hyphens, with at least one letter.
   *
   * @param name the container port's name, e.g. `metrics`
   * @param protocol the protocol of the container port
   * @default protocol Protocol.TCP
   */
  public static named(name: string, protocol?: Protocol): Port {
    const proto = protocol ?? Protocol.TCP;
    const call = () => (protocol ? `Port.named(${quote(name)}, Protocol.${proto})` : `Port.named(${quote(name)})`);
    const errors = typeof name === 'string' ? portNameErrors(name) : ['must be a string'];
    if (errors.length > 0) {
      throw valueError(call, `${quote(name)} is not a valid port name: ${errors.join('; ')}`,
        'Use the name of a container port, e.g. "metrics" or "http-api", or a number with Port.tcp().');
    }
    return new Port({ protocol: proto, portName: name, text: `${proto} port ${quote(name)}` });
  }

  /** Every TCP port. Rendered as `{protocol: TCP}` with no port. */
  public static allTcp(): Port {
    return new Port({ protocol: Protocol.TCP, text: 'all TCP ports' });
  }

  /** Every UDP port. Rendered as `{protocol: UDP}` with no port. */
  public static allUdp(): Port {
    return new Port({ protocol: Protocol.UDP, text: 'all UDP ports' });
  }

  /** Every SCTP port. Rendered as `{protocol: SCTP}` with no port. */
  public static allSctp(): Port {
    return new Port({ protocol: Protocol.SCTP, text: 'all SCTP ports' });
  }

  /**
   * All traffic: every port of every protocol. A rule that contains it is rendered without
   * a `ports` list, which is how Kubernetes spells "all ports".
   */
  public static allTraffic(): Port {
    return new Port({ text: 'all traffic' });
  }

  private static single(call: string, protocol: Protocol, port: number): Port {
    checkPortNumber(() => `${call}(${quote(port)})`, port, 'the port');
    return new Port({ protocol, portNumber: port, text: `${protocol} ${port}` });
  }

  private static range(call: string, protocol: Protocol, startPort: number, endPort: number): Port {
    const fullCall = () => `${call}(${quote(startPort)}, ${quote(endPort)})`;
    checkPortNumber(fullCall, startPort, 'the start port');
    checkPortNumber(fullCall, endPort, 'the end port');
    if (endPort < startPort) {
      throw valueError(fullCall, `the end port ${endPort} is lower than the start port ${startPort}`,
        `Swap them: ${call}(${endPort}, ${startPort}).`);
    }
    if (endPort === startPort) {
      return new Port({ protocol, portNumber: startPort, text: `${protocol} ${startPort}` });
    }
    return new Port({ protocol, portNumber: startPort, endPort, text: `${protocol} ${startPort}-${endPort}` });
  }

  /** The protocol, or undefined for all traffic. */
  public readonly protocol?: Protocol;
  /** The (first) port number, or undefined for a named port or a whole protocol. */
  public readonly portNumber?: number;
  /** The last port of a range, or undefined when this is not a range. */
  public readonly endPort?: number;
  /** The named container port, or undefined when the port is a number. */
  public readonly portName?: string;
  /** True for `Port.allTraffic()`: every port of every protocol. */
  public readonly isAllTraffic: boolean;
  private readonly text: string;

  private constructor(parts: PortParts) {
    this.protocol = parts.protocol;
    this.portNumber = parts.portNumber;
    this.endPort = parts.endPort;
    this.portName = parts.portName;
    this.isAllTraffic = parts.protocol === undefined;
    this.text = parts.text;
  }

  /** A readable form such as `TCP 8080`, `UDP 53`, `TCP 8000-8080`, `TCP port "metrics"` or `all TCP ports`. */
  public toString(): string {
    return this.text;
  }

  /**
   * The port entry of a rule, or undefined for all traffic (a rule with no ports).
   * @internal
   */
  public _toManifest(): NetworkPolicyPortManifest | undefined {
    if (this.protocol === undefined) return undefined;
    const port = this.portName ?? this.portNumber;
    return {
      protocol: this.protocol,
      ...(port !== undefined ? { port } : {}),
      ...(this.endPort !== undefined ? { endPort: this.endPort } : {}),
    };
  }
}

interface PortParts {
  readonly protocol?: Protocol;
  readonly portNumber?: number;
  readonly endPort?: number;
  readonly portName?: string;
  readonly text: string;
}

function checkPortNumber(call: CallText, port: number, what: string): void {
  const errors = typeof port === 'number' ? portNumberErrors(port) : ['must be a number'];
  if (errors.length > 0) {
    throw valueError(call, `${what} ${quote(port)} is not a valid port number: ${errors.join('; ')}`,
      'Use a whole number from 1 to 65535; for every port of a protocol use Port.allTcp(), Port.allUdp() or Port.allSctp().');
  }
}

