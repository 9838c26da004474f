// The JSON dump's baseline: read each file given as a Buffer and `JSON.parse` it, and nothing
// else. Prints the number of List items.
import * as fs from 'fs';

let items = 0;
for (const file of process.argv.slice(2)) {
  const value = JSON.parse(fs.readFileSync(file).toString('utf8'));
  items += Array.isArray(value.items) ? value.items.length : 1;
}
process.stdout.write(`${items}\n`);
