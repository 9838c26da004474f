import { Endpoint, Port, Reachability } from '../../src';
import { reachabilityMatchers, toAllow, toDeny } from '../../src/jest';
import { shopApp } from '../testing/shop-app';

describe('jest matchers', () => {
  describe('toAllow', () => {
    test('passes on an App, a Chart or a Reachability when the connection is allowed', () => {
      const { app, chart } = shopApp();

      expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080));
      expect(chart).toAllow('shop/web', 'shop/api', Port.tcp(8080));
      expect(Reachability.of(app)).toAllow(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(8080));
      expect(app).toAllow('203.0.113.7', 'shop/web', Port.tcp(8080));
    });

    test('fails with the explanation when the connection is denied', () => {
      const { app } = shopApp();
      const explanation = Reachability.of(app).verdict(Endpoint.workload('shop/db'), Endpoint.workload('shop/api'), Port.tcp(8080)).explanation;

      expect(() => expect(app).toAllow('shop/db', 'shop/api', Port.tcp(8080))).toThrow(
        `Expected shop/db[StatefulSet] -> shop/api[Deployment] on TCP 8080 to be allowed, but it is denied.\n\n${explanation}`,
      );
    });

    test('says "only partly allowed" when some of the connections asked about are allowed', () => {
      const { app } = shopApp();

      expect(() => expect(app).toAllow('shop/api', 'internet', Port.HTTPS)).toThrow(
        /^Expected shop\/api\[Deployment\] -> internet on TCP 443 to be allowed, but it is only partly allowed\.\n\nshop\/api\[Deployment\] -> internet on TCP 443: partly allowed\./,
      );
    });

    test('with .not, fails with the explanation when the connection is allowed', () => {
      const { app } = shopApp();

      expect(app).not.toAllow('shop/db', 'shop/api', Port.tcp(8080));
      expect(() => expect(app).not.toAllow('shop/web', 'shop/api', Port.tcp(8080))).toThrow(
        /^Expected shop\/web\[Deployment\] -> shop\/api\[Deployment\] on TCP 8080 not to be allowed, but it is\.\n\nshop\/web\[Deployment\] -> shop\/api\[Deployment\] on TCP 8080: allowed\./,
      );
    });
  });

  describe('toDeny', () => {
    test('passes when nothing asked about is allowed', () => {
      const { app } = shopApp();

      expect(app).toDeny('shop/web', 'shop/db', Port.POSTGRES);
      expect(app).toDeny('shop/web', 'internet', Port.HTTPS);
      expect(app).toDeny('198.51.100.7', 'shop/web', Port.tcp(8080));
    });

    test('fails with the explanation when the connection is allowed', () => {
      const { app } = shopApp();
      const explanation = Reachability.of(app).verdict(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(8080)).explanation;

      expect(() => expect(app).toDeny('shop/web', 'shop/api', Port.tcp(8080))).toThrow(
        `Expected shop/web[Deployment] -> shop/api[Deployment] on TCP 8080 to be denied, but it is allowed.\n\n${explanation}`,
      );
    });

    test('fails and says "partly allowed" when some connections are allowed', () => {
      const { app } = shopApp();

      expect(() => expect(app).toDeny('shop/web', 'shop/api', Port.tcpRange(8000, 9000)))
        .toThrow(/^Expected shop\/web\[Deployment\] -> shop\/api\[Deployment\] on TCP 8000-9000 to be denied, but it is partly allowed\./);
    });

    test('with .not, fails when the connection is denied', () => {
      const { app } = shopApp();

      expect(app).not.toDeny('shop/web', 'shop/api', Port.tcp(8080));
      expect(() => expect(app).not.toDeny('shop/db', 'shop/api', Port.tcp(8080)))
        .toThrow(/^Expected shop\/db\[StatefulSet\] -> shop\/api\[Deployment\] on TCP 8080 not to be denied, but it is\./);
    });
  });

  describe('bad input', () => {
    test('something that is not an App, Chart or Reachability is refused with what to pass', () => {
      expect(() => expect({ spec: {} }).toAllow('shop/web', 'shop/api', Port.tcp(8080))).toThrow(
        'expect(...).toAllow() needs a cdk8s App, a Chart or a Reachability, but got an object of type Object.',
      );
      expect(() => expect('app').toDeny('shop/web', 'shop/api', Port.tcp(8080))).toThrow(
        'expect(...).toDeny() needs a cdk8s App, a Chart or a Reachability, but got string "app".',
      );
    });

    test.each([
      ['null', null, 'null'],
      ['undefined', undefined, 'undefined undefined'],
      ['an array', [], 'an array'],
      ['an object whose node is missing', { node: undefined }, 'an object of type Object'],
      ['an object whose node has no findAll', { node: {} }, 'an object of type Object'],
      ['an object whose findAll is not a function', { node: { findAll: [] } }, 'an object of type Object'],
      ['an object without a prototype', Object.create(null), 'an object of type Object'],
      ['an instance of a class', new (class Stack { public readonly node = 'x'; })(), 'an object of type Stack'],
      ['a number', 42, 'number 42'],
    ])('%s is refused, named, with the call to make instead', (_name, received, described) => {
      const call = () => toAllow(received, 'shop/web', 'shop/api', Port.tcp(8080));
      expect(call).toThrow(
        `expect(...).toAllow() needs a cdk8s App, a Chart or a Reachability, but got ${described}. `
        + "Pass the App (or Chart) that defines the policies, e.g. expect(app).toAllow('shop/web', 'shop/api', Port.tcp(8080)).",
      );
    });

    test('an unknown workload or an unreadable endpoint surfaces the same errors as the API', () => {
      const { app } = shopApp();

      expect(() => expect(app).toAllow('shop/wbe', 'shop/api', Port.tcp(8080))).toThrow('Unknown source workload "shop/wbe". Did you mean "shop/web"');
      expect(() => expect(app).toAllow('web', 'shop/api', Port.tcp(8080))).toThrow('Endpoint.parse("web"): not an endpoint.');
    });
  });

  describe('the exported functions', () => {
    test('return pass and a lazy message, for runners that register matchers themselves', () => {
      const { app } = shopApp();

      const allowed = toAllow(app, 'shop/web', 'shop/api', Port.tcp(8080));
      const denied = toDeny(app, 'shop/web', 'shop/api', Port.tcp(8080));

      expect(allowed.pass).toBe(true);
      expect(allowed.message()).toMatch(/^Expected shop\/web\[Deployment\] -> shop\/api\[Deployment\] on TCP 8080 not to be allowed, but it is\./);
      expect(denied.pass).toBe(false);
      expect(denied.message()).toMatch(/^Expected shop\/web\[Deployment\] -> shop\/api\[Deployment\] on TCP 8080 to be denied, but it is allowed\./);
      expect(Object.keys(reachabilityMatchers).sort()).toEqual(['toAllow', 'toDeny', 'toWidenOnly']);
    });
  });
});
