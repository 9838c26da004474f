import { isEmptySelector, selectorMatches, selectorToString } from '../../src/model/labels';

describe('selectorMatches', () => {
  const labels = { app: 'web', tier: 'front', empty: '' };

  test('an empty, missing or null selector matches every label set', () => {
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches(undefined, {})).toBe(true);
    expect(selectorMatches(null, labels)).toBe(true);
  });

  test('matchLabels entries and expressions are ANDed', () => {
    expect(selectorMatches({ matchLabels: { app: 'web', tier: 'front' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web', tier: 'back' } }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, labels)).toBe(false);
  });

  test('In needs the key and one of the values', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'missing', operator: 'In', values: [''] }] }, labels)).toBe(false);
  });

  test('NotIn matches when the key is absent or the value is not listed', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['x'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, labels)).toBe(false);
  });

  test('Exists and DoesNotExist look at presence only', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'empty', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'missing', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, labels)).toBe(false);
  });

  test('matching is exact and case-sensitive; an empty value matches only the empty string', () => {
    expect(selectorMatches({ matchLabels: { app: 'Web' } }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { App: 'web' } }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { empty: '' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: '' } }, labels)).toBe(false);
  });

  test('operators the API server rejects (Gt, lowercase in) match nothing', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] }, labels)).toBe(false);
  });

  test('shapes the API server cannot decode select nothing instead of throwing', () => {
    expect(selectorMatches({ matchLabels: ['app=web'] } as any, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: 'app=web' } as any, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: { key: 'app', operator: 'Exists' } } as any, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: 5 } as any, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [null] } as any, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: 'web' }] } as any, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: null, matchExpressions: null } as any, labels)).toBe(true);
  });

  test('inherited object properties are not labels', () => {
    expect(selectorMatches({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {})).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, {})).toBe(true);
  });
});

describe('selectorToString', () => {
  test('prints kubectl-style requirements, sorted matchLabels first', () => {
    expect(selectorToString({
      matchLabels: { tier: 'front', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'team', operator: 'Exists' },
        { key: 'zone', operator: 'NotIn', values: ['a'] },
      ],
    })).toBe('app=web,tier=front,env in (dev,prod),!legacy,team,zone notin (a)');
  });

  test('prints {} for the empty selector', () => {
    expect(selectorToString({})).toBe('{}');
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false);
  });
});
