// Public (jsii) API. Each area re-exports its own modules; keep this file to export lines only.

// --- value objects: selectors, namespaces, peers, ports
export * from './values/protocol';
export * from './values/port';
export * from './values/label-selector';
export * from './values/namespaces';
export * from './values/pods';
export * from './values/peer';
export * from './values/peers';
export * from './values/cluster-peer';

// --- constructs
export * from './constructs/policy-type';
export * from './constructs/network-policy';
export * from './constructs/default-deny-all';
export * from './constructs/allow-from';
export * from './constructs/allow-dns-egress';
export * from './constructs/allow-cluster-internal-egress';
export * from './constructs/monitoring-port';
export * from './constructs/namespace-baseline';
export * from './constructs/cluster-policy-types';
export * from './constructs/cluster-network-policy';
export * from './constructs/cluster-guardrail';
export * from './constructs/tenant-isolation';
export * from './constructs/delegate-to-namespaces';
export * from './constructs/baseline-default-deny';

// --- validation
export * from './validation/severity';
export * from './validation/validator';
export * from './validation/cluster-policy/validator';

// --- evaluation and reachability assertions
export * from './testing/endpoint';
export * from './testing/reachability';
export * from './testing/reachability-options';
export * from './testing/reachability-verdict';
export * from './testing/reachability-diff';
export * from './testing/workload-declaration';

// --- lints and descriptions
export * from './lint/lint-finding';
export * from './lint/lint-options';
export * from './lint/lint-rule-info';
export * from './lint/lint';
export * from './lint/linting';
export * from './describe/describe';
