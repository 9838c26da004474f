import { TextSink, writeJsonRows } from './chunked-output';
import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** netpol-analyzer's json layout: an array of `{ src, dst, conn }`, written one row at a time. */
export class JsonFormatter implements ConnlistFormatter {
  public readonly name = 'json';

  public write(entries: Iterable<ConnlistEntry>, out: TextSink): void {
    writeJsonRows(rows(entries), out);
  }
}

function* rows(entries: Iterable<ConnlistEntry>): IterableIterator<object> {
  for (const e of entries) yield { src: e.source, dst: e.destination, conn: e.connections };
}
