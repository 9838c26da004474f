/* eslint-disable no-bitwise */ // address and bitset arithmetic is bit manipulation by nature
/** A fixed-size set of small integers. */
export class Bitset {
  public static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const rest = size & 31;
    if (rest !== 0) b.words[b.words.length - 1] = (1 << rest) - 1;
    return b;
  }

  private readonly words: Uint32Array;

  constructor(public readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  public add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }

  public has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** Adds every member of `other` (same size). */
  public addAll(other: Bitset): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= other.words[w];
  }

  /** A new set with the same members. */
  public copy(): Bitset {
    const b = new Bitset(this.size);
    b.words.set(this.words);
    return b;
  }

  /** Keeps only the members that `other` (same size) also has. */
  public retainAll(other: Bitset): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] &= other.words[w];
  }

  public forEach(fn: (i: number) => void): void {
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        fn((w << 5) + bit);
        word &= word - 1;
      }
    }
  }
}
