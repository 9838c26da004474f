/**
 * Importing `cdk8s-netpol/jest` registers the matchers and the snapshot serializer with whatever
 * global `expect` the test framework provides, and does nothing where a piece is missing (a
 * runner without snapshots, or a plain Node script that imports it).
 */

type FakeExpect = Record<string, unknown>;

function importWithExpect(fake: FakeExpect | undefined): void {
  const global = globalThis as { expect?: unknown };
  const real = global.expect;
  global.expect = fake;
  try {
    jest.isolateModules(() => {
      // A fresh copy of the module runs its registration again, against the fake.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/jest');
    });
  } finally {
    global.expect = real;
  }
}

test('registers every matcher and the snapshot serializer', () => {
  const extend = jest.fn();
  const addSnapshotSerializer = jest.fn();
  importWithExpect({ extend, addSnapshotSerializer });

  expect(extend).toHaveBeenCalledTimes(1);
  expect(Object.keys(extend.mock.calls[0][0]).sort()).toEqual(['toAllow', 'toDeny', 'toWidenOnly']);
  expect(addSnapshotSerializer).toHaveBeenCalledTimes(1);
  expect(addSnapshotSerializer.mock.calls[0][0]).toEqual(expect.objectContaining({ test: expect.any(Function) }));
});

test('an expect without snapshots gets the matchers only, and nothing fails', () => {
  const extend = jest.fn();
  expect(() => importWithExpect({ extend })).not.toThrow();
  expect(extend).toHaveBeenCalledTimes(1);
  expect(() => importWithExpect({ extend, addSnapshotSerializer: 'not a function' })).not.toThrow();
});

test('without a global expect, or with one that cannot be extended, importing does nothing', () => {
  expect(() => importWithExpect(undefined)).not.toThrow();
  const addSnapshotSerializer = jest.fn();
  expect(() => importWithExpect({ extend: 'not a function', addSnapshotSerializer })).not.toThrow();
  expect(addSnapshotSerializer).toHaveBeenCalledTimes(1);
});
