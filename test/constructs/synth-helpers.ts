import { Chart, Testing } from 'cdk8s';
import { NetworkPolicyManifest } from '../../src/model/manifest';

/** A chart in its own app, with an optional namespace. */
export function chartIn(namespace?: string, id = 'test'): Chart {
  return new Chart(Testing.app(), id, { namespace });
}

/** The NetworkPolicy objects a chart synthesizes, in order. */
export function policiesOf(chart: Chart): NetworkPolicyManifest[] {
  return Testing.synth(chart).filter((o) => o.kind === 'NetworkPolicy');
}

/** The one NetworkPolicy of a chart with the given name. */
export function policyNamed(chart: Chart, name: string): NetworkPolicyManifest {
  const found = policiesOf(chart).filter((p) => p.metadata?.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one NetworkPolicy named "${name}", found ${found.length}: ${policiesOf(chart).map((p) => p.metadata?.name).join(', ')}`);
  }
  return found[0];
}

/** The synthesis error message of a chart (throws if it synthesizes). */
export function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail');
}
