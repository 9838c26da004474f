// Public (jsii) API. Each area re-exports its own modules; keep this file to export lines only.

// --- value objects: selectors, namespaces, peers, ports

// --- constructs

// --- validation

// --- evaluation and reachability assertions
