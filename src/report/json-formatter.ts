import { TextSink } from './chunked-output';
import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/**
 * netpol-analyzer's json layout: an array of `{ src, dst, conn }`, two-space indented exactly as
 * `JSON.stringify(rows, undefined, 2)` writes it, one row at a time.
 */
export class JsonFormatter implements ConnlistFormatter {
  public readonly name = 'json';

  public write(entries: Iterable<ConnlistEntry>, out: TextSink): void {
    let first = true;
    for (const e of entries) {
      out.write(`${first ? '[\n' : ',\n'}  {\n    "src": ${JSON.stringify(e.source)},\n    "dst": ${JSON.stringify(e.destination)},\n    "conn": ${JSON.stringify(e.connections)}\n  }`);
      first = false;
    }
    out.write(first ? '[]\n' : '\n]\n');
  }
}
