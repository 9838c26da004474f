import { TextSink, writeJsonRows } from './chunked-output';
import { DiffEntry } from './connectivity-diff';

/** The names `diff --format` accepts, default first. */
export const DIFF_FORMATS: readonly string[] = ['txt', 'json', 'md', 'csv'];

/**
 * Writes the diff in one of its formats, row by row. `txt` is netpol-analyzer's layout
 * (`Connectivity diff:`, then `diff-type: …, source: …, destination: …, ref1: …, ref2: …[,
 * workloads-diff-info: …]`); `md` is a table a pull-request comment can hold; `json` and `csv`
 * carry the same columns.
 */
export function writeDiff(entries: readonly DiffEntry[], format: string, out: TextSink): void {
  switch (format.toLowerCase()) {
    case 'json':
      writeJsonRows(jsonRows(entries), out);
      return;
    case 'md':
      out.write('| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |\n');
      out.write('|-----------|--------|-------------|------|------|---------------------|\n');
      for (const e of entries) {
        out.write(`| ${[e.type, e.source, e.destination, e.ref1.toString(), e.ref2.toString(), e.workloadsInfo ?? '']
          .map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |\n`);
      }
      return;
    case 'csv':
      out.write('diff-type,source,destination,ref1,ref2,workloads-diff-info\n');
      for (const e of entries) {
        out.write([e.type, e.source, e.destination, e.ref1.toString(), e.ref2.toString(), e.workloadsInfo ?? ''].map(csvField).join(',') + '\n');
      }
      return;
    case 'txt':
      // netpol-analyzer prints nothing at all when nothing changed.
      if (entries.length === 0) return;
      out.write('Connectivity diff:\n');
      for (const e of entries) {
        out.write(`diff-type: ${e.type}, source: ${e.source}, destination: ${e.destination}, `
          + `ref1: ${e.ref1}, ref2: ${e.ref2}${e.workloadsInfo ? `, workloads-diff-info: ${e.workloadsInfo}` : ''}\n`);
      }
      return;
    default:
      throw new Error(`unknown output format "${format}"; use one of: ${DIFF_FORMATS.join(', ')}`);
  }
}

/** The json rows, made one at a time as they are written. */
function* jsonRows(entries: readonly DiffEntry[]): IterableIterator<object> {
  for (const e of entries) {
    yield {
      diffType: e.type,
      source: e.source,
      destination: e.destination,
      ref1: e.ref1.toString(),
      ref2: e.ref2.toString(),
      ...(e.workloadsInfo ? { workloadsDiffInfo: e.workloadsInfo } : {}),
    };
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
