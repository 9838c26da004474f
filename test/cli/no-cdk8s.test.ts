import * as path from 'path';
import { runCli } from './run-cli';

/** The CLI must start without cdk8s: any attempt to load it fails these tests (jest hoists the mocks above the imports). */
jest.mock('cdk8s', () => {
  throw new Error('the CLI loaded cdk8s');
});
jest.mock('cdk8s-plus-28', () => {
  throw new Error('the CLI loaded cdk8s-plus-28');
});
jest.mock('constructs', () => {
  throw new Error('the CLI loaded constructs');
});

const SHOP = path.join(__dirname, '..', 'fixtures', 'cli', 'shop');

describe('the CLI without cdk8s', () => {
  test.each([
    [['--help']],
    [['validate', SHOP]],
    [['connlist', SHOP]],
    [['explain', SHOP, '--from', 'shop/web', '--to', 'shop/api', '--port', '8080']],
  ])('%j runs without loading cdk8s, cdk8s-plus-28 or constructs', (args) => {
    const run = runCli(...args);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
  });
});
