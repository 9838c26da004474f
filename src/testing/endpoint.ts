import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { EndpointTarget } from './endpoint-target';
import { MAX_ADDRESS, cidrInterval, parseIp } from '../net/cidr';

const INTERNET_TEXT = 'internet';
const WORKLOAD_REF = /^([^/\s[\]]+)\/([^/\s[\]]+)(?:\[([A-Za-z]+)\])?$/;

/**
 * One end of a connection in a reachability question: a workload of the cluster, or
 * addresses outside it.
 *
 * - `Endpoint.workload('shop/web')`: the workload `web` in namespace `shop` (add `[Kind]`,
 *   e.g. `shop/web[StatefulSet]`, when two kinds share a name);
 * - `Endpoint.ip('203.0.113.7')`: one external address (a load balancer, a SaaS API);
 * - `Endpoint.cidr('10.20.0.0/16')`: every address of a block;
 * - `Endpoint.internet()`: every IPv4 and IPv6 address.
 *
 * A block (`cidr`, `internet`) is "allowed" only when every address in it is allowed, and
 * "denied" only when every address is denied.
 *
 * `Endpoint.parse(text)` reads the same forms from one string: `ns/name`, `ns/name[Kind]`,
 * an IP address, a CIDR, or `internet`. The jest matchers accept these strings directly.
 */
export class Endpoint {
  /**
   * A workload of the cluster, named `namespace/name` or `namespace/name[Kind]`.
   *
   * @param reference e.g. `shop/web` or `shop/db[StatefulSet]`
   */
  public static workload(reference: string): Endpoint {
    const match = typeof reference === 'string' ? WORKLOAD_REF.exec(reference.trim()) : null;
    if (!match) {
      throw new Error(
        `Endpoint.workload(${JSON.stringify(reference)}): not a workload reference. ` +
        'Name a workload "namespace/name" (e.g. "default/web"), optionally with its kind: "shop/db[StatefulSet]".',
      );
    }
    const [, namespaceName, name, workloadKind] = match;
    const text = workloadKind ? `${namespaceName}/${name}[${workloadKind}]` : `${namespaceName}/${name}`;
    return new Endpoint(text, { kind: 'workload', namespaceName, name, workloadKind });
  }

  /**
   * The workload a construct defines: a cdk8s-plus workload (`Deployment`, `StatefulSet`, …) or
   * any `ApiObject` of a workload kind. Its namespace, name (generated or not) and kind are read
   * from the object, so the reference always matches what the app synthesizes.
   *
   * @param workload the construct
   */
  public static of(workload: IConstruct): Endpoint {
    const apiObject = apiObjectOf(workload);
    if (!apiObject) {
      throw new Error(
        `Endpoint.of(${describeConstruct(workload)}): not a workload construct. ` +
        'Pass a cdk8s-plus workload (e.g. a Deployment) or an ApiObject, or name it with Endpoint.workload("namespace/name").',
      );
    }
    const namespaceName = apiObject.metadata.namespace ?? 'default';
    return Endpoint.workload(`${namespaceName}/${apiObject.name}[${apiObject.kind}]`);
  }

  /**
   * One address outside the cluster. It is never taken for a pod, even when a workload has
   * that IP: name the workload to ask about a pod.
   *
   * @param address an IPv4 or IPv6 address, e.g. `203.0.113.7`
   */
  public static ip(address: string): Endpoint {
    const parsed = typeof address === 'string' ? parseIp(address.trim()) : undefined;
    if (!parsed) {
      throw new Error(
        `Endpoint.ip(${JSON.stringify(address)}): not an IP address. ` +
        'Write an IPv4 or IPv6 address such as "203.0.113.7"; for a block use Endpoint.cidr("203.0.113.0/24").',
      );
    }
    return new Endpoint(address.trim(), { kind: 'external', ranges: [{ family: parsed.family, first: parsed.value, last: parsed.value }] });
  }

  /**
   * Every address of a CIDR block.
   *
   * @param cidr e.g. `10.20.0.0/16`
   */
  public static cidr(cidr: string): Endpoint {
    const parsed = typeof cidr === 'string' ? cidrInterval(cidr.trim()) : undefined;
    if (!parsed) {
      throw new Error(
        `Endpoint.cidr(${JSON.stringify(cidr)}): not a CIDR. ` +
        'Write an address with a prefix length, such as "10.20.0.0/16"; for one address use Endpoint.ip().',
      );
    }
    return new Endpoint(cidr.trim(), { kind: 'external', ranges: [parsed] });
  }

  /** Every IPv4 and IPv6 address: "the internet". */
  public static internet(): Endpoint {
    return new Endpoint(INTERNET_TEXT, {
      kind: 'external',
      ranges: [
        { family: 4, first: 0n, last: MAX_ADDRESS[4] },
        { family: 6, first: 0n, last: MAX_ADDRESS[6] },
      ],
    });
  }

  /**
   * Reads an endpoint from text: `internet`, an IP address, a CIDR, or a workload
   * `namespace/name` / `namespace/name[Kind]`.
   *
   * @param text the reference
   */
  public static parse(text: string): Endpoint {
    if (typeof text !== 'string') {
      throw new Error(`Endpoint.parse(${JSON.stringify(text)}): expected a string such as "shop/web", "203.0.113.7" or "internet".`);
    }
    const trimmed = text.trim();
    if (trimmed === INTERNET_TEXT) return Endpoint.internet();
    if (parseIp(trimmed)) return Endpoint.ip(trimmed);
    if (cidrInterval(trimmed)) return Endpoint.cidr(trimmed);
    if (WORKLOAD_REF.test(trimmed)) return Endpoint.workload(trimmed);
    throw new Error(
      `Endpoint.parse(${JSON.stringify(text)}): not an endpoint. Use "namespace/name" for a workload ` +
      '(e.g. "default/web" or "shop/db[StatefulSet]"), an IP address ("203.0.113.7"), a CIDR ("10.0.0.0/8") or "internet".',
    );
  }

  /** @internal */
  public readonly _target: EndpointTarget;
  private readonly text: string;

  private constructor(text: string, target: EndpointTarget) {
    this.text = text;
    this._target = target;
  }

  /** True for addresses outside the cluster (`ip`, `cidr`, `internet`). */
  public get isExternal(): boolean {
    return this._target.kind === 'external';
  }

  /** The reference as written: `shop/web`, `203.0.113.7`, `10.0.0.0/8` or `internet`. */
  public toString(): string {
    return this.text;
  }
}

/** The ApiObject a construct renders: itself, or its default child (a cdk8s-plus resource's `Resource`). */
function apiObjectOf(construct: unknown): ApiObject | undefined {
  if (ApiObject.isApiObject(construct)) return construct;
  const inner = (construct as IConstruct | undefined)?.node?.defaultChild;
  return ApiObject.isApiObject(inner) ? inner : undefined;
}

function describeConstruct(construct: unknown): string {
  const path = (construct as IConstruct | undefined)?.node?.path;
  return path !== undefined ? `"${path}"` : JSON.stringify(construct) ?? String(construct);
}
