import { Chart, Testing } from 'cdk8s';
import { shopApp } from './shop-app';
import { AllowFrom, Peer, Pods, Port, Reachability } from '../../src';
import { printReachability } from '../../src/testing/print-reachability';

function shopReach(widen?: (s: ReturnType<typeof shopApp>) => void): Reachability {
  const s = shopApp();
  widen?.(s);
  return Reachability.of(s.app)
    .addWorkload({ namespaceName: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } })
    .addWorkload({ namespaceName: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, kind: 'Deployment' });
}

describe('the reachability matrix', () => {
  test('lists every source -> destination with something allowed, sorted, with external addresses summarised', () => {
    expect(shopReach().matrix()).toBe([
      '203.0.113.0/24 -> shop/web[Deployment] : TCP 8080',
      'internet -> kube-system/coredns[Deployment] : All Connections',
      'internet -> monitoring/prometheus[Pod] : All Connections',
      'kube-system/coredns[Deployment] -> internet : All Connections',
      'kube-system/coredns[Deployment] -> monitoring/prometheus[Pod] : All Connections',
      'monitoring/prometheus[Pod] -> internet : All Connections',
      'monitoring/prometheus[Pod] -> kube-system/coredns[Deployment] : All Connections',
      'monitoring/prometheus[Pod] -> shop/api[Deployment] : TCP 9090',
      'shop/api[Deployment] -> 0.0.0.0/0 except 10.0.0.0/8 : TCP 443',
      'shop/api[Deployment] -> kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/db[StatefulSet] -> kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/web[Deployment] -> kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/web[Deployment] -> shop/api[Deployment] : TCP 8080',
      '',
    ].join('\n'));
  });

  test('a widened policy shows up as exactly the lines it opens', () => {
    // GIVEN the shop, and the shop where web may also reach db and IPv6 clients reach web
    const before = shopReach().matrix().split('\n');
    const after = shopReach((s) => {
      new AllowFrom(s.chart, 'web-to-db', { destinations: Pods.labelled({ app: 'db' }), sources: [Pods.labelled({ app: 'web' })], ports: [Port.POSTGRES], bothEnds: false });
      new AllowFrom(s.chart, 'v6-to-web', { destinations: Pods.labelled({ app: 'web' }), sources: [Peer.anyIpv6()], ports: [Port.tcp(8080)] });
    }).matrix().split('\n');

    // THEN web -> db is still denied by web's egress; only the ingress from IPv6 is new
    expect(after.filter((l) => !before.includes(l))).toEqual([
      '203.0.113.0/24, ::/0 -> shop/web[Deployment] : TCP 8080',
    ]);
    expect(before.filter((l) => !after.includes(l))).toEqual([
      '203.0.113.0/24 -> shop/web[Deployment] : TCP 8080',
    ]);
  });

  test('is the same text every time', () => {
    expect(shopReach().matrix()).toBe(shopReach().matrix());
  });

  test('is empty for an empty cluster', () => {
    expect(Reachability.fromManifests([]).matrix()).toBe('');
  });
});

describe('printReachability', () => {
  test('indents the matrix under a heading', () => {
    const { app } = shopApp();

    expect(printReachability(app)).toBe([
      '  reachability:',
      '    203.0.113.0/24 -> shop/web[Deployment] : TCP 8080',
      '    shop/api[Deployment] -> 0.0.0.0/0 except 10.0.0.0/8 : TCP 443',
      '    shop/web[Deployment] -> shop/api[Deployment] : TCP 8080',
    ].join('\n'));
  });

  test('prints a Reachability with its declarations', () => {
    const { app } = shopApp();
    const reach = Reachability.of(app).addWorkload({ namespaceName: 'partner', name: 'client', labels: { app: 'client' } });

    expect(printReachability(reach)).toContain('    partner/client[Pod] -> internet : All Connections');
  });

  test('says so when nothing is allowed', () => {
    const app = Testing.app();
    new Chart(app, 'empty');

    expect(printReachability(app)).toBe('  reachability:\n    (nothing is allowed)');
  });
});
