import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadManifests } from '../../src/cli/load';
import { progressFor } from '../../src/cli/progress';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { io: { stdout: { write: () => true }, stderr: { isTTY, write: (text: string) => written.push(text) } }, written };
}

describe('progress line', () => {
  test('on a terminal, a run that takes over a second shows files, objects, phase and elapsed time, then clears the line', () => {
    let now = 0;
    const { io, written } = terminal(true);
    const progress = progressFor(io, false, () => now);
    progress.file(0, 3, 'a.yaml');
    expect(written).toEqual([]); // the first second stays quiet
    now = 1500;
    progress.file(1, 3, 'dump.json');
    for (let i = 0; i < 2000; i++) progress.object();
    expect(written).toEqual(['\r\x1b[Kreading dump.json (file 2 of 3), 0 objects, 1.5 s']);
    now = 1600;
    for (let i = 0; i < 1000; i++) progress.object();
    expect(written).toHaveLength(1); // at most five redraws a second
    now = 2500;
    progress.phase('evaluating');
    expect(written[1]).toBe('\r\x1b[Kevaluating 3,000 objects, 2.5 s');
    progress.done();
    expect(written[2]).toBe('\r\x1b[K');
    progress.done();
    expect(written).toHaveLength(3);
  });

  test('nothing on a pipe or a file, nor with --quiet', () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]]) {
      let now = 0;
      const { io, written } = terminal(isTTY);
      const progress = progressFor(io, quiet, () => now);
      now = 5000;
      progress.file(0, 1, 'a.yaml');
      progress.phase('evaluating');
      progress.done();
      expect(written).toEqual([]);
    }
  });

  test('the reader reports each file and object', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-progress-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n');
      fs.writeFileSync(path.join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n');
      const events: string[] = [];
      loadManifests([dir], {
        progress: {
          file: (index, total, name) => events.push(`file ${index + 1}/${total} ${path.basename(name)}`),
          object: () => events.push('object'),
          phase: () => undefined,
          done: () => undefined,
        },
      });
      expect(events).toEqual(['file 1/2 a.yaml', 'object', 'object', 'file 2/2 b.yaml', 'object']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
