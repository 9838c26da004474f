import { IConstruct } from 'constructs';
import { Endpoint } from '../testing/endpoint';
import { Reachability } from '../testing/reachability';
import { Port } from '../values/port';

/** What `expect(...)` may hold for the reachability matchers. */
export type ReachabilitySubject = IConstruct | Reachability;

/**
 * A source or destination: an `Endpoint`, its text (`shop/web`, `203.0.113.7`, `internet`), or
 * the construct of a workload (a cdk8s-plus `Deployment`, an `ApiObject`), as `Endpoint.of` reads it.
 */
export type EndpointLike = string | Endpoint | IConstruct;

/** The result shape jest (and jest-compatible runners) expect from a custom matcher. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * `expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080))`: passes when every
 * connection asked about is allowed (both the source's egress and the destination's ingress).
 */
export function toAllow(
  received: unknown,
  source: EndpointLike,
  destination: EndpointLike,
  port: Port,
): MatcherResult {
  const verdict = reachabilityOf(received, 'toAllow').verdict(endpoint(source), endpoint(destination), port);
  const question = `${verdict.source} -> ${verdict.destination} on ${verdict.port}`;
  return {
    pass: verdict.allowed,
    message: () => (verdict.allowed
      ? `Expected ${question} not to be allowed, but it is.\n\n${verdict.explanation}`
      : `Expected ${question} to be allowed, but it is ${verdict.denied ? 'denied' : 'only partly allowed'}.\n\n${verdict.explanation}`),
  };
}

/**
 * `expect(app).toDeny('shop/web', 'shop/db', Port.tcp(5432))`: passes when no connection
 * asked about is allowed.
 */
export function toDeny(
  received: unknown,
  source: EndpointLike,
  destination: EndpointLike,
  port: Port,
): MatcherResult {
  const verdict = reachabilityOf(received, 'toDeny').verdict(endpoint(source), endpoint(destination), port);
  const question = `${verdict.source} -> ${verdict.destination} on ${verdict.port}`;
  return {
    pass: verdict.denied,
    message: () => (verdict.denied
      ? `Expected ${question} not to be denied, but it is.\n\n${verdict.explanation}`
      : `Expected ${question} to be denied, but it is ${verdict.allowed ? 'allowed' : 'partly allowed'}.\n\n${verdict.explanation}`),
  };
}

function endpoint(value: EndpointLike): Endpoint {
  if (value instanceof Endpoint) return value;
  return typeof value === 'string' ? Endpoint.parse(value) : Endpoint.of(value);
}

/** The Reachability an `expect(...)` subject stands for, or an error saying what to pass. */
export function reachabilityOf(received: unknown, matcher: string): Reachability {
  if (received instanceof Reachability) return received;
  if (isConstruct(received)) return Reachability.of(received);
  throw new Error(
    `expect(...).${matcher}() needs a cdk8s App, a Chart or a Reachability, but got ${describe(received)}. ` +
    'Pass the App (or Chart) that defines the policies, e.g. expect(app).' + matcher + "('shop/web', 'shop/api', Port.tcp(8080)).",
  );
}

function isConstruct(value: unknown): value is IConstruct {
  return typeof value === 'object' && value !== null && 'node' in value &&
    typeof (value as { node?: { findAll?: unknown } }).node?.findAll === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object of type ${(value as object).constructor?.name ?? 'Object'}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
