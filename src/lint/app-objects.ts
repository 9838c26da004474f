import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { markWellFormed } from '../describe/sanitize';
import { ManifestDocument } from '../model/cluster-from-manifests';

let policyEdits = 0;

/** Called by the policy constructs whenever one is created or gains a rule. */
export function notePolicyEdit(): void {
  policyEdits++;
}

/**
 * A cheap text that changes when policies are created or edited, or when a chart gains or loses
 * a direct child: what lints kept within one synthesis are keyed on. (Walking every construct
 * would cost more than the lints save, since cdk8s validates the whole app once per chart.)
 */
export function appShape(root: IConstruct): string {
  const cached = chartsCache.get(root);
  if (cached) {
    const shape = shapeOf(root, cached.charts);
    if (shape === cached.shape) return shape;
  }
  // Something changed: look for the charts again (a nested chart may have been added).
  const charts = chartsIn(root);
  const shape = shapeOf(root, charts);
  chartsCache.set(root, { shape, charts });
  return shape;
}

const chartsCache = new WeakMap<IConstruct, { readonly shape: string; readonly charts: readonly Chart[] }>();

function shapeOf(root: IConstruct, charts: readonly Chart[]): string {
  const counts: number[] = [policyEdits, childCount(root)];
  for (const chart of charts) counts.push(childCount(chart));
  return counts.join(',');
}

/**
 * How many children a construct has. `node.children` copies them into a new array, which costs
 * several times more than counting the keys of the node's own table (held in dictionary mode);
 * that field is private to the constructs library, so when it is not found, `children` is used.
 */
function childCount(construct: IConstruct): number {
  const table = (construct.node as unknown as { _children?: unknown })._children;
  return typeof table === 'object' && table !== null ? Object.keys(table).length : construct.node.children.length;
}

function chartsIn(root: IConstruct): Chart[] {
  const charts: Chart[] = [];
  const visit = (scope: IConstruct) => {
    for (const child of scope.node.children) {
      if (!Chart.isChart(child)) continue;
      charts.push(child);
      visit(child);
    }
  };
  visit(root);
  return charts;
}

const providedManifests = new WeakMap<ApiObject, () => unknown>();

/**
 * Lets a construct hand the lints its object as it already computed it for validation, so that
 * linting at synthesis does not render that object a second time. Used only while the object
 * has no JSON patches (a patch changes what is rendered).
 */
export function provideLintManifest(apiObject: ApiObject, manifest: () => unknown): void {
  providedManifests.set(apiObject, manifest);
}

/**
 * Renders every `ApiObject` below `scope` with its construct path, without running the app's
 * validations (so a validation may call this without recursing into itself). An object whose
 * rendering throws is left out: its own error surfaces when the app synthesizes.
 */
export function renderApiObjects(scope: IConstruct): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  for (const construct of scope.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    let object: unknown;
    try {
      const provided = providedManifests.get(construct);
      if (provided && !hasJsonPatches(construct)) {
        object = provided();
        markWellFormed(object as object);
      } else {
        object = construct.toJson();
      }
    } catch {
      continue;
    }
    docs.push({ object, source: { constructPath: construct.node.path } });
  }
  return docs;
}

function hasJsonPatches(apiObject: ApiObject): boolean {
  // cdk8s keeps the patches private; when that field is not found, assume there are patches.
  const patches = (apiObject as unknown as { patches?: unknown }).patches;
  return !Array.isArray(patches) || patches.length > 0;
}
