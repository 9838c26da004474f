import { synchronousTurn } from '../../src/model/synchronous-turn';

describe('synchronousTurn', () => {
  test('stays the same while synchronous code runs, and changes once the turn ends', async () => {
    const first = synchronousTurn();
    expect(synchronousTurn()).toBe(first);

    await Promise.resolve();
    const second = synchronousTurn();
    expect(second).not.toBe(first);

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(synchronousTurn()).not.toBe(second);
  });
});
