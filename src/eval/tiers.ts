import { ClusterPolicyAction } from '../model/cluster-policy';
import { ConnectionSet } from '../model/connection-set';

/** A cluster policy rule whose peers match, with the connections its ports cover. */
export interface TierHit {
  readonly action: ClusterPolicyAction;
  readonly connections: ConnectionSet;
}

/** Set operations, so that callers can memoize them. */
export interface SetOps {
  union(a: ConnectionSet, b: ConnectionSet): ConnectionSet;
  intersect(a: ConnectionSet, b: ConnectionSet): ConnectionSet;
  subtract(a: ConnectionSet, b: ConnectionSet): ConnectionSet;
}

/**
 * What one direction allows, over the whole connection space at once (B1–B13):
 * - the Admin tier's matching rules in evaluation order: the first rule that covers a connection
 *   decides it; Accept allows, Deny denies, Pass hands it to the NetworkPolicy tier (B6–B8);
 * - what the Admin tier leaves open or passes goes to the NetworkPolicies: when they isolate the
 *   pod in this direction (`networkPolicy` defined), they decide it (B11);
 * - otherwise the Baseline tier decides in the same way, a Baseline Pass ending in the default (B9, B12);
 * - what nothing decides is allowed (B13).
 */
export function tieredConnections(
  admin: readonly TierHit[],
  networkPolicy: ConnectionSet | undefined,
  baseline: readonly TierHit[],
  ops: SetOps,
): ConnectionSet {
  const afterAdmin = decideTier(admin, ConnectionSet.all(), ops);
  const handedDown = ops.union(afterAdmin.open, afterAdmin.passed);
  if (networkPolicy !== undefined) return ops.union(afterAdmin.accepted, ops.intersect(handedDown, networkPolicy));
  const afterBaseline = decideTier(baseline, handedDown, ops);
  // A Baseline Pass leaves the last tier: the default (allow) decides it.
  return ops.union(afterAdmin.accepted, ops.union(afterBaseline.accepted, ops.union(afterBaseline.passed, afterBaseline.open)));
}

interface TierOutcome {
  readonly accepted: ConnectionSet;
  readonly passed: ConnectionSet;
  /** What no rule of the tier matched. */
  readonly open: ConnectionSet;
}

function decideTier(hits: readonly TierHit[], start: ConnectionSet, ops: SetOps): TierOutcome {
  let open = start;
  let accepted = ConnectionSet.none();
  let passed = ConnectionSet.none();
  for (const hit of hits) {
    if (open.isEmpty()) break;
    const decided = ops.intersect(open, hit.connections);
    if (decided.isEmpty()) continue;
    if (hit.action === 'Accept') accepted = ops.union(accepted, decided);
    else if (hit.action === 'Pass') passed = ops.union(passed, decided);
    open = ops.subtract(open, decided);
  }
  return { accepted, passed, open };
}
