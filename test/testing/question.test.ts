import { Endpoint, Port, Reachability, ReachabilityVerdict } from '../../src';

/**
 * How a question is answered over every connection it covers, and how the explanation is laid
 * out: the outcome, an example when the question spans several ports or addresses, and the
 * evaluator's account of the deciding connection.
 */

const pod = (name: string, ports: object[] = []) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: { containers: [{ name: 'c', image: 'i', ports }] },
});

/**
 * shop/api accepts TCP 8080 from shop/web, from 203.0.113.0/24 and from 203.0.114.1; shop/web may send anything to
 * api and TCP 443 to 198.51.100.0/24 except 198.51.100.128/25. Nothing else is isolated.
 */
function cluster(): Reachability {
  return Reachability.fromManifests([
    pod('web'),
    pod('api', [{ name: 'http', containerPort: 8080 }]),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api-in', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 8080 }] },
          { from: [{ ipBlock: { cidr: '203.0.114.1/32' } }], ports: [{ port: 8080 }] },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'web-out', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Egress'],
        egress: [
          { to: [{ podSelector: { matchLabels: { app: 'api' } } }] },
          { to: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.128/25'] } }], ports: [{ port: 443 }] },
        ],
      },
    },
  ]);
}

const web = Endpoint.workload('shop/web');
const api = Endpoint.workload('shop/api');

/** The first `count` lines of the explanation. */
function head(verdict: ReachabilityVerdict, count: number): string[] {
  return verdict.explanation.split('\n').slice(0, count);
}

describe('answering a question about two workloads', () => {
  test('one port: the outcome, then the evaluator\'s account of that connection, with no example line', () => {
    const v = cluster().verdict(web, api, Port.tcp(8080));

    expect(v).toMatchObject({ source: 'shop/web[Pod]', destination: 'shop/api[Pod]', port: 'TCP 8080', allowed: true, denied: false, allowedConnections: 'TCP 8080' });
    expect(head(v, 3)).toEqual([
      'shop/web[Pod] -> shop/api[Pod] on TCP 8080: allowed.',
      'TCP/8080 from shop/web[Pod] to shop/api[Pod]: ALLOWED',
      '  egress at shop/web[Pod]: allowed (isolated by shop/web-out)',
    ]);
    expect(v.egress).toEqual({
      applies: true,
      isolated: true,
      allowed: true,
      isolatingPolicies: ['shop/web-out'],
      allowedBy: ['shop/web-out spec.egress[0].to[0]'],
      reason: 'allowed by shop/web-out spec.egress[0].to[0]',
    });
    expect(v.ingress.allowedBy).toEqual(['shop/api-in spec.ingress[0].from[0] + spec.ingress[0].ports[0]']);
  });

  test('a named port resolves on the destination and is answered as its number', () => {
    const v = cluster().verdict(web, api, Port.named('http'));

    expect(v).toMatchObject({ port: 'TCP port "http"', allowed: true, allowedConnections: 'TCP 8080' });
    expect(head(v, 2)).toEqual(['shop/web[Pod] -> shop/api[Pod] on TCP port "http": allowed.', 'TCP/8080 from shop/web[Pod] to shop/api[Pod]: ALLOWED']);
  });

  test('a range that is partly allowed gives an allowed and a denied example, and explains the denied one', () => {
    const v = cluster().verdict(web, api, Port.tcpRange(8080, 8081));

    expect(v).toMatchObject({ allowed: false, denied: false, allowedConnections: 'TCP 8080' });
    expect(head(v, 4)).toEqual([
      'shop/web[Pod] -> shop/api[Pod] on TCP 8080-8081: partly allowed.',
      'Allowed, e.g. TCP 8080; denied, e.g. TCP 8081.',
      'Why TCP 8081 is denied:',
      'TCP/8081 from shop/web[Pod] to shop/api[Pod]: DENIED',
    ]);
    expect(v.ingress).toMatchObject({ allowed: false, isolatingPolicies: ['shop/api-in'], allowedBy: [] });
  });

  test('a range that is denied throughout is explained by its lowest port', () => {
    const v = cluster().verdict(web, api, Port.tcpRange(9000, 9001));

    expect(v).toMatchObject({ allowed: false, denied: true, allowedConnections: 'No Connections' });
    expect(head(v, 3)).toEqual([
      'shop/web[Pod] -> shop/api[Pod] on TCP 9000-9001: denied.',
      'For example TCP 9000:',
      'TCP/9000 from shop/web[Pod] to shop/api[Pod]: DENIED',
    ]);
  });

  test('all traffic takes its examples from TCP first; another protocol from its lowest port', () => {
    const all = cluster().verdict(web, api, Port.allTraffic());
    const udp = cluster().verdict(web, api, Port.allUdp());

    expect(all).toMatchObject({ port: 'all traffic', allowed: false, denied: false, allowedConnections: 'TCP 8080' });
    expect(head(all, 4)).toEqual([
      'shop/web[Pod] -> shop/api[Pod] on all traffic: partly allowed.',
      'Allowed, e.g. TCP 8080; denied, e.g. TCP 1.',
      'Why TCP 1 is denied:',
      'TCP/1 from shop/web[Pod] to shop/api[Pod]: DENIED',
    ]);
    expect(head(udp, 3)).toEqual([
      'shop/web[Pod] -> shop/api[Pod] on all UDP ports: denied.',
      'For example UDP 1:',
      'UDP/1 from shop/web[Pod] to shop/api[Pod]: DENIED',
    ]);
  });

  test('a pod that no policy isolates is allowed on both sides', () => {
    const v = cluster().verdict(api, web, Port.HTTP);

    expect(v.allowed).toBe(true);
    expect(v.egress).toEqual({
      applies: true,
      isolated: false,
      allowed: true,
      isolatingPolicies: [],
      allowedBy: [],
      reason: 'not isolated for egress: no NetworkPolicy in namespace shop selects it with policyType Egress',
    });
  });
});

describe('answering a question about external addresses', () => {
  test('one address on one port needs no example; the side that is not a pod does not apply', () => {
    const v = cluster().verdict(Endpoint.ip('203.0.113.7'), api, Port.tcp(8080));

    expect(v).toMatchObject({ source: '203.0.113.7', allowed: true });
    expect(head(v, 2)).toEqual(['203.0.113.7 -> shop/api[Pod] on TCP 8080: allowed.', 'TCP/8080 from 203.0.113.7 to shop/api[Pod]: ALLOWED']);
    expect(v.egress).toEqual({
      applies: false, isolated: false, allowed: true, isolatingPolicies: [], allowedBy: [], reason: 'not checked: the source is not a pod',
    });
    expect(v.ingress.allowedBy).toEqual(['shop/api-in spec.ingress[0].from[1] + spec.ingress[0].ports[0]']);
  });

  test('a block is explained by its first address, and the example names the block it stands for', () => {
    const v = cluster().verdict(Endpoint.cidr('203.0.113.0/24'), api, Port.tcp(8080));

    expect(head(v, 3)).toEqual([
      '203.0.113.0/24 -> shop/api[Pod] on TCP 8080: allowed.',
      'For example TCP 8080 from 203.0.113.0/24:',
      'TCP/8080 from 203.0.113.0 to shop/api[Pod]: ALLOWED',
    ]);
  });

  test('the addresses of a partly allowed block are cut to the block asked about', () => {
    const v = cluster().verdict(Endpoint.cidr('203.0.112.0/23'), api, Port.tcp(8080));

    expect(head(v, 4)).toEqual([
      '203.0.112.0/23 -> shop/api[Pod] on TCP 8080: partly allowed.',
      'Allowed, e.g. TCP 8080 from 203.0.113.0/24; denied, e.g. TCP 8080 from 203.0.112.0/24.',
      'Why TCP 8080 from 203.0.112.0/24 is denied:',
      'TCP/8080 from 203.0.112.0 to shop/api[Pod]: DENIED',
    ]);
  });

  test('a block of single addresses that are answered alike still gets an example', () => {
    const denied = cluster().verdict(Endpoint.cidr('203.0.114.0/31'), api, Port.tcp(9090));
    const partly = cluster().verdict(Endpoint.cidr('203.0.114.0/31'), api, Port.tcp(8080));

    expect(head(denied, 3)).toEqual([
      '203.0.114.0/31 -> shop/api[Pod] on TCP 9090: denied.',
      'For example TCP 9090 from 203.0.114.0:',
      'TCP/9090 from 203.0.114.0 to shop/api[Pod]: DENIED',
    ]);
    expect(head(partly, 4)).toEqual([
      '203.0.114.0/31 -> shop/api[Pod] on TCP 8080: partly allowed.',
      'Allowed, e.g. TCP 8080 from 203.0.114.1; denied, e.g. TCP 8080 from 203.0.114.0.',
      'Why TCP 8080 from 203.0.114.0 is denied:',
      'TCP/8080 from 203.0.114.0 to shop/api[Pod]: DENIED',
    ]);
  });

  test('the internet starts with IPv4 from 0.0.0.0', () => {
    const v = cluster().verdict(Endpoint.internet(), api, Port.tcp(8080));

    expect(head(v, 4)).toEqual([
      'internet -> shop/api[Pod] on TCP 8080: partly allowed.',
      'Allowed, e.g. TCP 8080 from 203.0.113.0/24; denied, e.g. TCP 8080 from 0.0.0.0-203.0.112.255.',
      'Why TCP 8080 from 0.0.0.0-203.0.112.255 is denied:',
      'TCP/8080 from 0.0.0.0 to shop/api[Pod]: DENIED',
    ]);
  });

  test('allowed connections of a block are those allowed for every address in it', () => {
    expect(cluster().verdict(Endpoint.cidr('203.0.113.0/24'), api, Port.tcpRange(8080, 8081)).allowedConnections).toBe('TCP 8080');
    expect(cluster().verdict(Endpoint.cidr('203.0.112.0/23'), api, Port.tcp(8080)).allowedConnections).toBe('No Connections');
  });

  test('egress examples say "to" the addresses', () => {
    const partly = cluster().verdict(web, Endpoint.cidr('198.51.100.0/24'), Port.HTTPS);
    const denied = cluster().verdict(web, Endpoint.cidr('192.0.2.0/24'), Port.HTTPS);
    const onePortDenied = cluster().verdict(web, Endpoint.cidr('198.51.100.0/25'), Port.tcpRange(443, 444));
    const oneAddress = cluster().verdict(web, Endpoint.ip('198.51.100.200'), Port.HTTPS);

    expect(head(partly, 4)).toEqual([
      'shop/web[Pod] -> 198.51.100.0/24 on TCP 443: partly allowed.',
      'Allowed, e.g. TCP 443 to 198.51.100.0/25; denied, e.g. TCP 443 to 198.51.100.128/25.',
      'Why TCP 443 to 198.51.100.128/25 is denied:',
      'TCP/443 from shop/web[Pod] to 198.51.100.128: DENIED',
    ]);
    expect(head(denied, 3)).toEqual([
      'shop/web[Pod] -> 192.0.2.0/24 on TCP 443: denied.',
      'For example TCP 443 to 192.0.2.0/24:',
      'TCP/443 from shop/web[Pod] to 192.0.2.0: DENIED',
    ]);
    expect(head(onePortDenied, 3)).toEqual([
      'shop/web[Pod] -> 198.51.100.0/25 on TCP 443-444: partly allowed.',
      'Allowed, e.g. TCP 443 to 198.51.100.0/25; denied, e.g. TCP 444 to 198.51.100.0/25.',
      'Why TCP 444 to 198.51.100.0/25 is denied:',
    ]);
    expect(onePortDenied.allowedConnections).toBe('TCP 443');
    expect(head(oneAddress, 2)).toEqual(['shop/web[Pod] -> 198.51.100.200 on TCP 443: denied.', 'TCP/443 from shop/web[Pod] to 198.51.100.200: DENIED']);
    expect(oneAddress.ingress).toEqual({
      applies: false, isolated: false, allowed: true, isolatingPolicies: [], allowedBy: [], reason: 'not checked: the destination is not a pod',
    });
  });

  test('a named port cannot be asked of an external destination', () => {
    expect(() => cluster().verdict(web, Endpoint.internet(), Port.named('https'))).toThrow(new Error(
      'Cannot resolve the named port TCP port "https" on internet: named ports exist only on pods. Ask about a port number instead, e.g. Port.tcp(443).'));
  });

  test('a pod that declares no named ports says so', () => {
    expect(() => cluster().verdict(api, web, Port.named('http'))).toThrow(new Error(
      'shop/web[Pod] has no TCP container port named "http": it declares no named ports. Ask about a port it declares, or a port number.'));
  });
});
