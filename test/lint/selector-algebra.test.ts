import * as fc from 'fast-check';
import { canonicalSelector, selectorContains, selectorContradiction, selectorIsContradictory } from '../../src/lint/selector-algebra';
import { selectorMatches } from '../../src/model/labels';
import { LabelSelectorManifest } from '../../src/model/manifest';
import { propertyRuns } from '../property-runs';

const KEYS = ['app', 'tier', 'env'];
const VALUES = ['a', 'b', 'c'];

const requirementArb = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const selectorArb: fc.Arbitrary<LabelSelectorManifest> = fc.record({
  matchLabels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }),
  matchExpressions: fc.array(requirementArb, { maxLength: 3 }),
});

/** Every label set over the small universe: each key absent or set to one of the values. */
function allLabelSets(): Record<string, string>[] {
  let sets: Record<string, string>[] = [{}];
  for (const key of KEYS) {
    sets = sets.flatMap((s) => [s, ...VALUES.map((v) => ({ ...s, [key]: v }))]);
  }
  return sets;
}
const UNIVERSE = allLabelSets();

describe('selectorContains', () => {
  test('an empty selector contains every selector', () => {
    expect(selectorContains({}, { matchLabels: { app: 'a' } })).toBe(true);
  });

  test('fewer requirements contain more requirements', () => {
    expect(selectorContains({ matchLabels: { app: 'a' } }, { matchLabels: { app: 'a', tier: 'b' } })).toBe(true);
    expect(selectorContains({ matchLabels: { app: 'a', tier: 'b' } }, { matchLabels: { app: 'a' } })).toBe(false);
  });

  test('In over more values contains In over fewer, and NotIn contains a disjoint In', () => {
    expect(selectorContains(
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] },
      { matchLabels: { app: 'a' } },
    )).toBe(true);
    expect(selectorContains(
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['c'] }] },
      { matchLabels: { app: 'a' } },
    )).toBe(true);
  });

  test('never claims containment that a label set refutes', () => {
    fc.assert(fc.property(selectorArb, selectorArb, (outer, inner) => {
      if (!selectorContains(outer, inner)) return true;
      return UNIVERSE.every((labels) => !selectorMatches(inner, labels) || selectorMatches(outer, labels));
    }), { numRuns: propertyRuns(500) });
  });

  test('finds containment for a selector and itself plus one more requirement', () => {
    fc.assert(fc.property(selectorArb, requirementArb, (selector, extra) => {
      const narrower = { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), extra] };
      return selectorContains(selector, narrower);
    }), { numRuns: propertyRuns(200) });
  });
});

describe('selectorContradiction', () => {
  test('explains a key required present and absent', () => {
    expect(selectorContradiction({
      matchLabels: { app: 'a' },
      matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }],
    })).toBe('label "app" is required to be both present and absent');
  });

  test('explains In and NotIn that leave no value', () => {
    expect(selectorContradiction({
      matchExpressions: [{ key: 'app', operator: 'In', values: ['a'] }, { key: 'app', operator: 'NotIn', values: ['a'] }],
    })).toBe('no value of label "app" satisfies all its requirements');
  });

  test('is undefined for a satisfiable selector', () => {
    expect(selectorContradiction({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] })).toBeUndefined();
  });

  test('a contradictory selector matches no label set', () => {
    fc.assert(fc.property(selectorArb, (selector) => {
      if (!selectorIsContradictory(selector)) return true;
      return UNIVERSE.every((labels) => !selectorMatches(selector, labels));
    }), { numRuns: propertyRuns(500) });
  });
});

describe('canonicalSelector', () => {
  test('is equal for the same requirements written differently', () => {
    expect(canonicalSelector({ matchLabels: { app: 'a', tier: 'b' } }))
      .toBe(canonicalSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['b'] }], matchLabels: { app: 'a' } }));
  });

  test('differs for different requirements', () => {
    expect(canonicalSelector({ matchLabels: { app: 'a' } })).not.toBe(canonicalSelector({ matchLabels: { app: 'b' } }));
  });
});
