import { Bitset } from '../../src/eval/bitset';

function members(b: Bitset): number[] {
  const found: number[] = [];
  b.forEach((i) => found.push(i));
  return found;
}

describe('Bitset', () => {
  test('full holds exactly 0..size-1, at word boundaries and between them', () => {
    for (const size of [0, 1, 31, 32, 33, 64, 70]) {
      expect(members(Bitset.full(size))).toEqual(Array.from({ length: size }, (_, i) => i));
    }
  });

  test('copy is independent of the original', () => {
    const a = new Bitset(40);
    a.add(3);
    a.add(35);
    const b = a.copy();
    b.add(7);
    expect(members(a)).toEqual([3, 35]);
    expect(members(b)).toEqual([3, 7, 35]);
  });

  test('retainAll keeps only the common members, addAll adds the other\'s', () => {
    const a = Bitset.full(40);
    const b = new Bitset(40);
    for (const i of [0, 31, 32, 39]) b.add(i);
    a.retainAll(b);
    expect(members(a)).toEqual([0, 31, 32, 39]);
    const c = new Bitset(40);
    c.add(5);
    c.addAll(b);
    expect(members(c)).toEqual([0, 5, 31, 32, 39]);
    expect(c.has(5) && !c.has(6)).toBe(true);
  });
});
