import { closeMatches, editDistance } from '../../src/testing/suggest';

describe('close matches for unknown names', () => {
  test('edit distance counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('web', 'web')).toBe(0);
    expect(editDistance('wbe', 'web')).toBe(1);
    expect(editDistance('web', 'webs')).toBe(1);
    expect(editDistance('web', 'eb')).toBe(1);
    expect(editDistance('web', 'wab')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('the closest names come first, far ones are left out', () => {
    const known = ['shop/api', 'shop/db', 'shop/web', 'monitoring/prometheus'];

    expect(closeMatches('shop/wbe', known)).toEqual(['shop/web', 'shop/db']);
    expect(closeMatches('monitoring/prometeus', known)).toEqual(['monitoring/prometheus']);
    expect(closeMatches('billing/invoices', known)).toEqual([]);
  });

  test('a name contained in a candidate is suggested even when many edits away', () => {
    expect(closeMatches('api', ['shop/api', 'shop/web'])).toEqual(['shop/api']);
  });
});
