import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** RFC 4180 CSV with netpol-analyzer's header `src,dst,conn`. */
export class CsvFormatter implements ConnlistFormatter {
  public readonly name = 'csv';

  public format(entries: readonly ConnlistEntry[]): string {
    const rows = [['src', 'dst', 'conn'], ...entries.map((e) => [e.source, e.destination, e.connections])];
    return rows.map((r) => r.map(field).join(',') + '\n').join('');
  }
}

/** Quotes a field when it holds a comma, a quote or a line break (`TCP 80,UDP 53` does). */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
