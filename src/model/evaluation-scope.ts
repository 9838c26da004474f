import { IConstruct } from 'constructs';

const evaluating = new WeakSet<IConstruct>();

/**
 * Runs `render` (a synthesis done to evaluate the app, not to write it) with the app marked as
 * being evaluated, so that work meant for synthesis only, the lints, stays out of it.
 */
export function whileEvaluating<T>(scope: IConstruct, render: () => T): T {
  const root = scope.node.root;
  if (evaluating.has(root)) return render();
  evaluating.add(root);
  try {
    return render();
  } finally {
    evaluating.delete(root);
  }
}

/** Whether the app of `scope` is being synthesized for evaluation (see {@link whileEvaluating}). */
export function isEvaluating(scope: IConstruct): boolean {
  return evaluating.has(scope.node.root);
}
