import { ArgumentError, parseEndpoint, parsePort } from '../../src/cli/query-args';

describe('explain arguments', () => {
  describe('parseEndpoint', () => {
    test.each([
      ['shop/web', { workload: 'shop/web' }],
      ['shop/web[Deployment]', { workload: 'shop/web[Deployment]' }],
      ['10.0.0.1', { ip: '10.0.0.1' }],
      ['2001:db8::1', { ip: '2001:db8::1' }],
      [' shop/web ', { workload: 'shop/web' }],
    ])('reads %j', (text, expected) => {
      expect(parseEndpoint('--from', text)).toEqual(expected);
    });

    test.each(['web', 'a/b/c', 'shop/web[Deploy ment]', '10.0.0.0/8', ''])('rejects %j', (text) => {
      expect(() => parseEndpoint('--to', text)).toThrow(ArgumentError);
      expect(() => parseEndpoint('--to', text)).toThrow(`--to "${text}" is neither a workload nor an IP address`);
    });
  });

  describe('parsePort', () => {
    test.each([
      ['tcp/80', { protocol: 'TCP', port: 80 }],
      ['UDP/53', { protocol: 'UDP', port: 53 }],
      ['sctp/9000', { protocol: 'SCTP', port: 9000 }],
      ['8080', { protocol: 'TCP', port: 8080 }],
      ['1', { protocol: 'TCP', port: 1 }],
      ['tcp/65535', { protocol: 'TCP', port: 65535 }],
      ['tcp/http', { protocol: 'TCP', portName: 'http' }],
      ['UDP/dns', { protocol: 'UDP', portName: 'dns' }],
      ['metrics', { protocol: 'TCP', portName: 'metrics' }],
    ])('reads %j', (text, expected) => {
      expect(parsePort(text)).toEqual(expected);
    });

    test.each(['0', '65536', 'tcp/', 'icmp/8', 'tcp/80-90', '-1', 'tcp/-http', 'tcp/a_b', 'tcp/averyveryverylongname'])('rejects %j', (text) => {
      expect(() => parsePort(text)).toThrow(`--port "${text}" is not a port`);
    });
  });
});
