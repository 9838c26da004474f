/**
 * Trap: a chart saw only itself. A team chart's workloads are governed by the baseline that a
 * platform chart of the same app writes; `expect(teamChart)` must see it, as the cluster will.
 */
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Endpoint, NamespaceBaseline, Port, Reachability } from '../../src';
import '../../src/jest';

function platformAndTeam() {
  const app = Testing.app();
  const platform = new Chart(app, 'platform');
  new NamespaceBaseline(platform, 'team-baseline', { namespaceName: 'team' });
  const team = new Chart(app, 'team', { namespace: 'team' });
  new kplus.Deployment(team, 'x', { metadata: { name: 'x' }, containers: [{ image: 'x', portNumber: 8080 }] });
  return { app, team };
}

test('trap: expect(teamChart).toDeny(x → internet) sees the baseline another chart of the app writes', () => {
  const { app, team } = platformAndTeam();
  expect(app).toDeny('team/x', 'internet', Port.HTTPS);
  expect(team).toDeny('team/x', 'internet', Port.HTTPS);
});

test('chartOnly looks at the chart alone', () => {
  const { team } = platformAndTeam();
  const alone = Reachability.of(team, { chartOnly: true });
  expect(alone.isAllowed(Endpoint.workload('team/x'), Endpoint.internet(), Port.HTTPS)).toBe(true);
  expect(Reachability.of(team).isAllowed(Endpoint.workload('team/x'), Endpoint.internet(), Port.HTTPS)).toBe(false);
});
