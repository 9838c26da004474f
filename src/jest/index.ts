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
import { EndpointLike, reachabilityMatchers } from './matchers';
import { Port } from '../values/port';

export { reachabilityMatchers, toAllow, toDeny } from './matchers';
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
