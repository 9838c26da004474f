import { buildPlatformAndTeams } from '../../examples/platform-and-teams';
import { Endpoint, Port, Reachability } from '../../src';

const pod = (ref: string) => Endpoint.workload(ref);

describe('the platform-and-teams example', () => {
  const reach = Reachability.of(buildPlatformAndTeams());

  test('the storefront reaches the payments API across namespaces, and only on its port', () => {
    reach.assertAllowed(pod('storefront/storefront-web'), pod('payments/payments-api'), Port.tcp(8443));
    reach.assertDenied(pod('storefront/storefront-web'), pod('payments/payments-api'), Port.tcp(8080));
    reach.assertDenied(pod('storefront/storefront-web'), pod('payments/payments-db'), Port.POSTGRES);
  });

  test('the internet reaches the storefront only through the ingress controller', () => {
    reach.assertAllowed(Endpoint.internet(), pod('ingress-nginx/platform-ingress-controller'), Port.HTTPS);
    reach.assertAllowed(pod('ingress-nginx/platform-ingress-controller'), pod('storefront/storefront-web'), Port.tcp(8080));
    reach.assertDenied(Endpoint.internet(), pod('storefront/storefront-web'), Port.tcp(8080));
  });

  test('payments may call the provider over HTTPS and nothing else outside', () => {
    reach.assertAllowed(pod('payments/payments-api'), Endpoint.cidr('203.0.113.0/24'), Port.HTTPS);
    reach.assertDenied(pod('payments/payments-api'), Endpoint.ip('198.51.100.1'), Port.HTTPS);
    // Outside the cluster, the database may only query NodeLocal DNSCache.
    const dbOut = reach.verdict(pod('payments/payments-db'), Endpoint.internet(), Port.allTraffic());
    expect(dbOut.allowed).toBe(false);
    expect(dbOut.denied).toBe(false);
    expect(dbOut.explanation).toContain('Allowed, e.g. TCP 53 to 169.254.20.10; denied, e.g. TCP 1 to 0.0.0.0-169.254.20.9.');
    reach.assertDenied(pod('payments/payments-db'), Endpoint.internet(), Port.HTTPS);
  });

  test('prometheus scrapes the named metrics port of every team workload', () => {
    for (const target of ['storefront/storefront-web', 'payments/payments-api', 'payments/payments-db']) {
      const verdict = reach.verdict(pod('monitoring/platform-prometheus'), pod(target), Port.named('metrics'));
      expect(verdict.allowed).toBe(true);
      expect(verdict.allowedConnections).toBe('TCP 9100');
    }
  });

  test('team pods resolve names through NodeLocal DNSCache', () => {
    reach.assertAllowed(pod('payments/payments-api'), Endpoint.ip('169.254.20.10'), Port.DNS_UDP);
    reach.assertDenied(pod('payments/payments-api'), Endpoint.ip('169.254.20.11'), Port.DNS_UDP);
  });
});
