import { Port, Protocol } from '../../src';

describe('Port', () => {
  describe('rendering', () => {
    test('a single port renders its protocol and number', () => {
      expect(Port.tcp(8080)._toManifest()).toEqual({ protocol: 'TCP', port: 8080 });
      expect(Port.udp(53)._toManifest()).toEqual({ protocol: 'UDP', port: 53 });
      expect(Port.sctp(9000)._toManifest()).toEqual({ protocol: 'SCTP', port: 9000 });
    });

    test('a range renders port and endPort', () => {
      expect(Port.tcpRange(8000, 8080)._toManifest()).toEqual({ protocol: 'TCP', port: 8000, endPort: 8080 });
      expect(Port.udpRange(30000, 32767)._toManifest()).toEqual({ protocol: 'UDP', port: 30000, endPort: 32767 });
      expect(Port.sctpRange(1, 65535)._toManifest()).toEqual({ protocol: 'SCTP', port: 1, endPort: 65535 });
    });

    test('a range of one port renders as that port alone', () => {
      expect(Port.tcpRange(80, 80)._toManifest()).toEqual({ protocol: 'TCP', port: 80 });
      expect(Port.tcpRange(80, 80).toString()).toBe('TCP 80');
    });

    test('a named port defaults to TCP and keeps the name as the port', () => {
      expect(Port.named('metrics')._toManifest()).toEqual({ protocol: 'TCP', port: 'metrics' });
      expect(Port.named('dns', Protocol.UDP)._toManifest()).toEqual({ protocol: 'UDP', port: 'dns' });
    });

    test('every port of a protocol renders the protocol with no port, never port 0', () => {
      expect(Port.allTcp()._toManifest()).toEqual({ protocol: 'TCP' });
      expect(Port.allUdp()._toManifest()).toEqual({ protocol: 'UDP' });
      expect(Port.allSctp()._toManifest()).toEqual({ protocol: 'SCTP' });
    });

    test('all traffic renders no port entry at all', () => {
      expect(Port.allTraffic()._toManifest()).toBeUndefined();
      expect(Port.allTraffic().isAllTraffic).toBe(true);
      expect(Port.allTcp().isAllTraffic).toBe(false);
    });
  });

  describe('toString', () => {
    test.each([
      [Port.tcp(8080), 'TCP 8080'],
      [Port.udp(53), 'UDP 53'],
      [Port.tcpRange(8000, 8080), 'TCP 8000-8080'],
      [Port.named('metrics'), 'TCP port "metrics"'],
      [Port.named('syslog', Protocol.UDP), 'UDP port "syslog"'],
      [Port.allTcp(), 'all TCP ports'],
      [Port.allSctp(), 'all SCTP ports'],
      [Port.allTraffic(), 'all traffic'],
    ])('%s', (port, text) => {
      expect(port.toString()).toBe(text);
    });
  });

  describe('well-known ports', () => {
    test('constants carry the IANA numbers and protocols', () => {
      expect(Port.DNS_UDP._toManifest()).toEqual({ protocol: 'UDP', port: 53 });
      expect(Port.DNS_TCP._toManifest()).toEqual({ protocol: 'TCP', port: 53 });
      expect(Port.HTTP.toString()).toBe('TCP 80');
      expect(Port.HTTPS.toString()).toBe('TCP 443');
      expect(Port.POSTGRES.toString()).toBe('TCP 5432');
      expect(Port.MYSQL.toString()).toBe('TCP 3306');
      expect(Port.REDIS.toString()).toBe('TCP 6379');
      expect(Port.MONGODB.toString()).toBe('TCP 27017');
      expect(Port.KAFKA.toString()).toBe('TCP 9092');
      expect(Port.ZOOKEEPER.toString()).toBe('TCP 2181');
      expect(Port.PROMETHEUS.toString()).toBe('TCP 9090');
      expect(Port.KUBE_APISERVER.toString()).toBe('TCP 6443');
    });
  });

  describe('eager validation', () => {
    test('port 0 is rejected with the call, the value and a way out', () => {
      expect(() => Port.tcp(0)).toThrow(
        'Port.tcp(0): the port 0 is not a valid port number: must be between 1 and 65535, inclusive. '
        + 'Use a whole number from 1 to 65535; for every port of a protocol use Port.allTcp(), Port.allUdp() or Port.allSctp().');
    });

    test.each([65536, -1, 80.5, NaN])('port %p is rejected', (n) => {
      expect(() => Port.udp(n)).toThrow(/^Port\.udp\(.*\): the port .* is not a valid port number/);
    });

    test('a reversed range names both ends and suggests swapping them', () => {
      expect(() => Port.tcpRange(8080, 80)).toThrow(
        'Port.tcpRange(8080, 80): the end port 80 is lower than the start port 8080. Swap them: Port.tcpRange(80, 8080).');
    });

    test('a range end out of bounds is rejected', () => {
      expect(() => Port.sctpRange(1, 70000)).toThrow(/^Port\.sctpRange\(1, 70000\): the end port 70000 is not a valid port number/);
      expect(() => Port.udpRange(0, 10)).toThrow(/^Port\.udpRange\(0, 10\): the start port 0 is not a valid port number/);
    });

    test('an invalid port name lists every broken rule', () => {
      expect(() => Port.named('Metrics')).toThrow(/Port\.named\("Metrics"\): "Metrics" is not a valid port name: must contain only alpha-numeric characters/);
      expect(() => Port.named('8080')).toThrow(/must contain at least one letter \(a-z\)/);
      expect(() => Port.named('a-very-long-port-name')).toThrow(/must be no more than 15 characters/);
      expect(() => Port.named('web--api', Protocol.UDP)).toThrow(/^Port\.named\("web--api", Protocol\.UDP\): .*must not contain consecutive hyphens/);
    });
  });
});
