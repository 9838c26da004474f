// The baseline of the CLI benchmark: read every YAML file of a folder and parse it into plain
// objects with the same YAML library the CLI uses, and nothing else.
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

let objects = 0;
const dir = process.argv[2];
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith('.yaml')) continue;
  for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, name), 'utf8'))) {
    if (doc.toJS() !== null) objects++;
  }
}
process.stdout.write(`${objects}\n`);
