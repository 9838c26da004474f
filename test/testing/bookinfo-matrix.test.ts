import { buildBookinfo } from '../../examples/bookinfo';
import { Endpoint, Port, Reachability } from '../../src';

/** Bookinfo (with its monitoring scraper) plus the cluster DNS its policies talk about. */
function bookinfo(): Reachability {
  return Reachability.of(buildBookinfo())
    .addWorkload({ namespaceName: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, kind: 'Deployment' });
}

describe('the bookinfo example', () => {
  test('its matrix has exactly the calls the example describes, DNS and monitoring', () => {
    const lines = bookinfo().matrix().trimEnd().split('\n');

    const inside = lines.filter((l) => /^myproject\/\S+ -> myproject\//.test(l));
    expect(inside).toEqual([
      'myproject/bookinfo-product[Deployment] -> myproject/bookinfo-detail[Deployment] : TCP 9080',
      'myproject/bookinfo-product[Deployment] -> myproject/bookinfo-review[Deployment] : TCP 9080',
      'myproject/bookinfo-review[Deployment] -> myproject/bookinfo-db[Deployment] : TCP 27017',
    ]);
    for (const tier of ['product', 'review', 'detail', 'db']) {
      expect(lines).toContain(`monitor/monitor-scraper[Deployment] -> myproject/bookinfo-${tier}[Deployment] : TCP 10050`);
      expect(lines).toContain(`myproject/bookinfo-${tier}[Deployment] -> kube-system/coredns[Deployment] : TCP 53,UDP 53`);
    }
    expect(lines.filter((l) => l.startsWith('internet') && l.includes('myproject/'))).toEqual([]);
    expect(lines.filter((l) => /^myproject\/\S+ -> internet/.test(l))).toEqual([]);
  });

  test('its matrix snapshot', () => {
    expect(bookinfo().matrix()).toMatchSnapshot();
  });

  test('the calls it forbids are denied with the reason', () => {
    const reach = bookinfo();
    const pod = (name: string) => Endpoint.workload(`myproject/bookinfo-${name}`);

    reach.assertDenied(pod('detail'), pod('review'), Port.tcp(9080));
    reach.assertDenied(pod('product'), pod('db'), Port.MONGODB);
    reach.assertDenied(Endpoint.internet(), pod('product'), Port.tcp(9080));
    const verdict = reach.verdict(pod('product'), pod('db'), Port.MONGODB);
    expect(verdict.egress.allowed).toBe(false);
    expect(verdict.ingress.allowed).toBe(false);
    expect(verdict.ingress.isolatingPolicies).toEqual(expect.arrayContaining(['myproject/baseline-deny-all', 'myproject/review-to-db']));
  });
});
