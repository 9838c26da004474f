import { TextSink } from './chunked-output';
import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** RFC 4180 CSV with netpol-analyzer's header `src,dst,conn`. */
export class CsvFormatter implements ConnlistFormatter {
  public readonly name = 'csv';

  public write(entries: Iterable<ConnlistEntry>, out: TextSink): void {
    out.write('src,dst,conn\n');
    for (const e of entries) out.write(`${field(e.source)},${field(e.destination)},${field(e.connections)}\n`);
  }
}

/** Quotes a field when it holds a comma, a quote or a line break (`TCP 80,UDP 53` does). */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
