import { IPeer, OppositeEnd } from './peer';
import { CallText, quote, valueError } from './value-error';
import { NetworkPolicyPeerManifest } from '../model/manifest';
import { cidrErrors, formatIp, formatNetwork, isStrictSubset, parseCidr, ParsedCidrDetail, parseIpAsWritten } from '../net/cidr';

/**
 * An `ipBlock` peer, checked with the strict (Kubernetes 1.36+) CIDR rules so that it is
 * accepted by every server version.
 * @internal
 */
export class IpBlockPeer implements IPeer {
  public static create(call: CallText, cidr: string, exceptCidrs: string[]): IpBlockPeer {
    const outer = checkCidr(call, 'the cidr', cidr);
    for (const except of exceptCidrs) {
      const inner = checkCidr(call, 'the except entry', except);
      if (inner.family !== outer.family) {
        throw valueError(call, `the except entry ${quote(except)} is IPv${inner.family} but the cidr ${quote(cidr)} is IPv${outer.family}`,
          'An except entry must lie inside the cidr; put addresses of the other family in their own Peer.ipBlock().');
      }
      if (!isStrictSubset(inner, outer)) {
        throw valueError(call, `the except entry ${quote(except)} is not a strict subset of the cidr ${quote(cidr)}`,
          `Use a smaller block inside ${cidr}, or drop the entry.`);
      }
    }
    return new IpBlockPeer(cidr, [...new Set(exceptCidrs)]);
  }

  private constructor(public readonly cidr: string, public readonly exceptCidrs: string[]) {}

  public toString(): string {
    return this.exceptCidrs.length > 0 ? `${this.cidr} except ${this.exceptCidrs.join(', ')}` : this.cidr;
  }

  public _toPeerManifests(): NetworkPolicyPeerManifest[] {
    return [{ ipBlock: { cidr: this.cidr, ...(this.exceptCidrs.length > 0 ? { except: [...this.exceptCidrs] } : {}) } }];
  }

  public _oppositeEnd(): OppositeEnd | undefined {
    return undefined;
  }
}

function checkCidr(call: CallText, what: string, text: string): ParsedCidrDetail {
  const errors = cidrErrors(text, { strict: true });
  const parsed = parseCidr(text);
  if (errors.length === 0 && parsed) {
    // The server only warns about non-canonical IPv6 (upper case, uncompressed); generated YAML should not earn warnings.
    const canonical = formatNetwork(parsed);
    if (canonical !== text) {
      throw valueError(call, `${what} ${quote(text)} is not in canonical form (RFC 5952)`, `Write it as ${quote(canonical)}.`);
    }
    return parsed;
  }
  throw valueError(call, `${what} ${quote(text)} ${errors.join('; ')}`, suggestion(text, parsed));
}

function suggestion(text: string, parsed: ParsedCidrDetail | undefined): string {
  if (parsed?.hostBitsSet && !parsed.leadingZeros && !parsed.ipv4Mapped) {
    const host = `${formatIp(parsed.family, parsed.address)}/${parsed.bits}`;
    return `Did you mean ${quote(formatNetwork(parsed))} or ${quote(host)}?`;
  }
  if (parsed?.leadingZeros || parsed?.ipv4Mapped) {
    return `Did you mean ${quote(formatNetwork(parsed))}?`;
  }
  const ip = typeof text === 'string' ? parseIpAsWritten(text) : undefined;
  if (ip) return `A CIDR needs a prefix length. Did you mean ${quote(`${text}/${ip.family === 4 ? 32 : 128}`)}?`;
  return 'Write an IPv4 or IPv6 network with its prefix length, e.g. "10.0.0.0/8" or "2001:db8::/32".';
}

/** Every source or destination: rendered as a rule without a peer list. @internal */
export class AnywherePeer implements IPeer {
  public toString(): string {
    return 'anywhere';
  }

  public _toPeerManifests(): undefined {
    return undefined;
  }

  public _oppositeEnd(): OppositeEnd | undefined {
    return undefined;
  }
}
