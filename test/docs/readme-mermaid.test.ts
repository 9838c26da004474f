import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBookinfo } from '../../examples/bookinfo';
import { runCliAsync } from '../cli/run-cli';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the README\'s Mermaid graph of bookinfo is what `connlist cdk8s.out/bookinfo --format mermaid` prints today', async () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bookinfo-'));
  buildBookinfo(outdir).synth();
  const run = await runCliAsync('connlist', outdir, '--format', 'mermaid');
  expect(run.code).toBe(0);
  const blocks = [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]).toBe(run.stdout);
  expect(run.stdout).toContain('subgraph ns1["myproject"]');
});
