import * as path from 'path';
import { captureIo as capture } from './run-cli';
import { runDescribe } from '../../src/cli/commands/describe';
import { ExitCode } from '../../src/cli/io';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lint');

describe('runDescribe', () => {
  test('describes every NetworkPolicy, each headed by its file and line', () => {
    const { io, out } = capture();
    expect(runDescribe([path.join(FIXTURES, 'problems', 'policies.yaml')], {}, io)).toBe(ExitCode.OK);
    const blocks = out().trimEnd().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0].split('\n').slice(0, 2)).toEqual([
      `# ${path.join(FIXTURES, 'problems', 'policies.yaml')}:2`,
      'NetworkPolicy shop/web-ingress',
    ]);
    expect(blocks[1]).toContain('1. to anywhere (every pod in every namespace, and every IP address), on TCP port 443');
  });

  test('says so on stderr when there is no NetworkPolicy', () => {
    const { io, out, err } = capture();
    expect(runDescribe([path.join(FIXTURES, 'problems', 'workloads.yaml')], {}, io)).toBe(ExitCode.OK);
    expect(out()).toBe('');
    expect(err()).toBe('No NetworkPolicy found in 1 file.\n');
  });

  test('exits 2 for a missing path', () => {
    const { io, err } = capture();
    expect(runDescribe([path.join(FIXTURES, 'no-such-file.yaml')], {}, io)).toBe(ExitCode.BAD_INPUT);
    expect(err()).toContain('no-such-file.yaml');
  });
});
