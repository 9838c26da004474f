import { DiffEntry } from './connectivity-diff';

/** The names `diff --format` accepts, default first. */
export const DIFF_FORMATS: readonly string[] = ['txt', 'json', 'md', 'csv'];

/**
 * The diff in one of its formats. `txt` is netpol-analyzer's layout (`Connectivity diff:`, then
 * `diff-type: …, source: …, destination: …, ref1: …, ref2: …[, workloads-diff-info: …]`); `md`
 * is a table a pull-request comment can hold; `json` and `csv` carry the same columns.
 */
export function formatDiff(entries: readonly DiffEntry[], format: string): string {
  switch (format.toLowerCase()) {
    case 'json':
      return JSON.stringify(entries.map((e) => ({
        diffType: e.type,
        source: e.source,
        destination: e.destination,
        ref1: e.ref1.toString(),
        ref2: e.ref2.toString(),
        ...(e.workloadsInfo ? { workloadsDiffInfo: e.workloadsInfo } : {}),
      })), undefined, 2) + '\n';
    case 'md':
      return [
        '| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |',
        '|-----------|--------|-------------|------|------|---------------------|',
        ...entries.map((e) => `| ${[e.type, e.source, e.destination, e.ref1.toString(), e.ref2.toString(), e.workloadsInfo ?? '']
          .map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
      ].join('\n') + '\n';
    case 'csv':
      return [
        ['diff-type', 'source', 'destination', 'ref1', 'ref2', 'workloads-diff-info'],
        ...entries.map((e) => [e.type, e.source, e.destination, e.ref1.toString(), e.ref2.toString(), e.workloadsInfo ?? '']),
      ].map((row) => row.map(csvField).join(',') + '\n').join('');
    case 'txt':
      // netpol-analyzer prints nothing at all when nothing changed.
      if (entries.length === 0) return '';
      return ['Connectivity diff:', ...entries.map((e) => `diff-type: ${e.type}, source: ${e.source}, destination: ${e.destination}, `
        + `ref1: ${e.ref1}, ref2: ${e.ref2}${e.workloadsInfo ? `, workloads-diff-info: ${e.workloadsInfo}` : ''}`)].join('\n') + '\n';
    default:
      throw new Error(`unknown output format "${format}"; use one of: ${DIFF_FORMATS.join(', ')}`);
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
