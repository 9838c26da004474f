import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SourceRef } from './cluster';
import { clusterFromManifests } from './cluster-from-manifests';
import { whileEvaluating } from './evaluation-scope';

/** One synthesized Kubernetes object and the construct that produced it. */
export interface SynthesizedObject {
  readonly object: unknown;
  readonly source: SourceRef;
}

/**
 * Synthesizes every chart in `scope` (an App, or a Chart and the charts nested in it)
 * exactly as `app.synth()` would: lazy values are resolved and every registered validation
 * of the app runs (through `Chart.toJson()`), so an invalid policy throws the same
 * "Validation failed" error here as at synth time. Each object carries the path of the
 * `ApiObject` that rendered it.
 */
export function synthesizeWithPaths(scope: IConstruct): SynthesizedObject[] {
  const charts = chartsIn(scope);
  if (charts.length === 0) return [];
  // Chart.toJson() validates the whole app and resolves chart dependencies before rendering;
  // once is enough, so the other charts render their objects directly (the same toJson()).
  const firstChartObjects: unknown[] = whileEvaluating(scope, () => charts[0].toJson());
  const out: SynthesizedObject[] = [];
  charts.forEach((chart, index) => {
    const apiObjects = apiObjectsOf(chart);
    const objects = index === 0 ? firstChartObjects : apiObjects.map((o) => o.toJson());
    objects.forEach((object, i) => {
      out.push({ object, source: sourceOf(apiObjects[i], object) });
    });
  });
  return out;
}

/**
 * The cluster a cdk8s App or Chart describes: its NetworkPolicies, Namespaces and workloads
 * (Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, including the
 * cdk8s-plus ones), with namespaces filled in as cdk8s renders them (the chart's namespace,
 * else `default`).
 */
export function clusterFromApp(scope: IConstruct, options?: Parameters<typeof clusterFromManifests>[1]) {
  return clusterFromManifests(synthesizeWithPaths(scope), options);
}

function chartsIn(scope: IConstruct): Chart[] {
  const charts = scope.node.findAll().filter((c): c is Chart => Chart.isChart(c));
  if (charts.length === 0 && !isApp(scope)) {
    throw new Error(
      `Expected a cdk8s App or Chart, but the construct at path "${scope.node.path}" holds no Chart. ` +
      'Pass the App or the Chart that defines the policies and workloads.',
    );
  }
  return charts;
}

function isApp(scope: IConstruct): boolean {
  return scope.node.scope === undefined && scope instanceof App;
}

/**
 * The API objects `Chart.toJson()` renders, in the same order: the chart's dependency
 * topology, keeping each object only in its closest chart (what cdk8s' own synthesis does).
 */
function apiObjectsOf(chart: Chart): ApiObject[] {
  return new DependencyGraph(chart.node)
    .topology()
    .filter((c): c is ApiObject => ApiObject.isApiObject(c))
    .filter((o) => Chart.of(o) === chart);
}

function sourceOf(apiObject: ApiObject | undefined, rendered: unknown): SourceRef {
  // The two lists come from the same topology, so they line up; the kind check guards
  // against a future cdk8s ordering change silently attaching the wrong path.
  const kind = (rendered as { kind?: unknown } | undefined)?.kind;
  if (apiObject && apiObject.kind === kind) return { constructPath: apiObject.node.path };
  return {};
}
