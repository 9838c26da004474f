import { Construct } from 'constructs';
import { chartIn, policiesOf } from './synth-helpers';
import { NetworkPolicy } from '../../src';

describe('derived policy names', () => {
  test('a long path keeps its most specific part and gets a stable hash only then', () => {
    // GIVEN
    const chart = chartIn('shop');
    const group = new Construct(chart, 'a-rather-long-group-of-policies-for-the-payments-team');
    // WHEN
    const policy = new NetworkPolicy(group, 'allow-ingress-from-the-checkout-frontend');
    new NetworkPolicy(group, 'allow-ingress-from-the-checkout-backend');
    // THEN
    expect(policy.name.length).toBeLessThanOrEqual(63);
    expect(policy.name).toMatch(/^allow-ingress-from-the-checkout-frontend-[0-9a-f]{8}$/);
    const names = policiesOf(chart).map((p) => p.metadata!.name!);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  test('the hash is deterministic across apps', () => {
    const names = [1, 2].map(() => {
      const chart = chartIn('shop');
      return new NetworkPolicy(chart, 'x'.repeat(70)).name;
    });
    expect(names[0]).toBe(names[1]);
    expect(names[0]).toMatch(new RegExp(`^${'x'.repeat(54)}-[0-9a-f]{8}$`));
  });

  test('a name of exactly 63 characters is kept whole', () => {
    const chart = chartIn('shop');
    expect(new NetworkPolicy(chart, 'a'.repeat(63)).name).toBe('a'.repeat(63));
  });

  test('ids made only of symbols fall back to a generic name', () => {
    const chart = chartIn('shop');
    expect(new NetworkPolicy(chart, '***').name).toBe('network-policy');
  });

  test('upper case, spaces and underscores become lower-case hyphens', () => {
    const chart = chartIn('shop');
    expect(new NetworkPolicy(chart, '  Allow__Web to API  ').name).toBe('allow-web-to-api');
  });
});
