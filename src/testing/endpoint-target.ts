import { IpInterval } from '../net/cidr';

/** What an `Endpoint` names, in a form the queries can use. */
export type EndpointTarget =
  | { readonly kind: 'workload'; readonly namespaceName: string; readonly name: string; readonly workloadKind?: string }
  | { readonly kind: 'external'; readonly ranges: readonly IpInterval[] };
