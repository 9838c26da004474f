import { subjectsMayOverlap } from '../../src/lint/subject-overlap';

describe('subjectsMayOverlap', () => {
  const ns = (matchLabels: { [k: string]: string }) => ({ namespaces: { matchLabels } });
  test.each([
    ['every namespace and one tenant', { namespaces: {} }, ns({ tenant: 'a' }), true],
    ['two tenants by one label', ns({ tenant: 'a' }), ns({ tenant: 'b' }), false],
    ['two labels that can both hold', ns({ tenant: 'a' }), ns({ env: 'prod' }), true],
    ['Exists against DoesNotExist', { namespaces: { matchExpressions: [{ key: 't', operator: 'Exists' }] } },
      { namespaces: { matchExpressions: [{ key: 't', operator: 'DoesNotExist' }] } }, false],
    ['pods in one namespace against that namespace', { pods: { namespaceSelector: { matchLabels: { n: 'x' } }, podSelector: { matchLabels: { app: 'web' } } } }, ns({ n: 'x' }), true],
    ['different pods in one namespace', { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } },
      { pods: { podSelector: { matchLabels: { app: 'db' } } } }, false],
    ['NotIn excluding the only value', ns({ tenant: 'a' }), { namespaces: { matchExpressions: [{ key: 'tenant', operator: 'NotIn', values: ['a'] }] } }, false],
  ])('%s', (_, a, b, overlap) => {
    expect(subjectsMayOverlap(a, b)).toBe(overlap);
    expect(subjectsMayOverlap(b, a)).toBe(overlap);
  });
});
