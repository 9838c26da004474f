import * as path from 'path';
import { runCli } from './run-cli';

jest.mock('../../src/eval/evaluator', () => ({
  Evaluator: class {
    constructor() {
      throw new Error('index out of range');
    }
  },
}));

describe('an unexpected error inside a command', () => {
  test('becomes one line on stderr and exit code 2, without a stack trace', () => {
    const run = runCli('connlist', path.join(__dirname, '..', 'fixtures', 'cli', 'shop'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('cdk8s-netpol: internal error: index out of range (this is a bug: please report it with the input)\n');
  });
});
