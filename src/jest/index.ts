/**
 * Jest matchers for reachability: `import 'cdk8s-netpol/jest'` (or list `cdk8s-netpol/jest`
 * in `setupFilesAfterEnv`) registers `toAllow` and `toDeny` on `expect`.
 *
 * ```ts
 * expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080));
 * expect(app).toDeny('shop/web', 'internet', Port.HTTPS);
 * ```
 *
 * Not part of the jsii API: other languages use `Reachability.assertAllowed/assertDenied`.
 */
import { EndpointLike, ReachabilitySubject, toAllow, toDeny } from './matchers';
import { reachabilitySnapshot } from './snapshot';
import { toWidenOnly } from './widen-only';
import { Port } from '../values/port';

export { toAllow, toDeny } from './matchers';
export { toWidenOnly } from './widen-only';
export { reachabilitySnapshot } from './snapshot';

/** The matchers, for `expect.extend(reachabilityMatchers)` in runners that do not auto-register. */
export const reachabilityMatchers = { toAllow, toDeny, toWidenOnly };
export type { EndpointLike, MatcherResult, ReachabilitySubject } from './matchers';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R, T = {}> {
      /**
       * Passes when every connection from `source` to `destination` on `port` is allowed by
       * the NetworkPolicies of the App, Chart or Reachability under test. Endpoints are
       * `namespace/name` workloads, IP addresses, CIDRs, `internet`, `Endpoint`s, or the
       * workload constructs themselves (a cdk8s-plus `Deployment`, an `ApiObject`).
       */
      toAllow(source: EndpointLike, destination: EndpointLike, port: Port): R;
      /** Passes when no connection from `source` to `destination` on `port` is allowed. */
      toDeny(source: EndpointLike, destination: EndpointLike, port: Port): R;
      /**
       * Passes when everything the subject allows beyond `before` is between the listed pairs,
       * `"source -> destination"` (e.g. `"shop/web -> shop/db"`): the reviewer's question of a change.
       */
      toWidenOnly(before: ReachabilitySubject, expected: readonly string[]): R;
    }
  }
}

interface Extendable {
  extend(matchers: Record<string, unknown>): void;
}

const globalExpect = (globalThis as { expect?: Partial<Extendable> }).expect;
if (globalExpect && typeof globalExpect.extend === 'function') {
  globalExpect.extend(reachabilityMatchers);
}
const serializers = globalExpect as { addSnapshotSerializer?: (serializer: unknown) => void } | undefined;
if (serializers && typeof serializers.addSnapshotSerializer === 'function') {
  serializers.addSnapshotSerializer(reachabilitySnapshot);
}
