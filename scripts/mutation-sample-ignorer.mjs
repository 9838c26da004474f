// Stryker ignorer for scripts/mutation-sample.mjs: a drawn mutant's location range also holds the
// mutants nested inside it (a block statement's range holds its whole body). This ignores every
// node that neither is the node of a drawn mutant nor contains one, so Stryker tests little more
// than the drawn mutants. It reads the drawn list the sampling script wrote.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';
import fs from 'node:fs';

const DRAWN_FILE = process.env.NETPOL_MUTATION_DRAWN ?? 'reports/mutation/sample/drawn.json';
// Drawn locations use the instrumenter's 0-based lines; Babel's node.loc lines are 1-based.
const drawn = fs.existsSync(DRAWN_FILE)
  ? JSON.parse(fs.readFileSync(DRAWN_FILE, 'utf8')).map((m) => ({
    start: { line: m.start.line + 1, column: m.start.column },
    end: { line: m.end.line + 1, column: m.end.column },
  }))
  : [];

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const contains = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);

const drawnOnly = {
  shouldIgnore(path) {
    const loc = path.node?.loc;
    if (!loc) return undefined;
    return drawn.some((m) => contains(loc, m)) ? undefined : 'not drawn for the sampled mutation score';
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'drawn-only', drawnOnly)];
