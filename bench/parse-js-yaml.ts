// The reader's baseline: read every YAML file of a folder and parse it into plain objects with
// js-yaml, the fastest maintained YAML parser for JavaScript, and nothing else.
import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';

let objects = 0;
const dir = process.argv[2];
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith('.yaml')) continue;
  for (const doc of jsyaml.loadAll(fs.readFileSync(path.join(dir, name), 'utf8'))) {
    if (doc !== null && doc !== undefined) objects++;
  }
}
process.stdout.write(`${objects}\n`);
