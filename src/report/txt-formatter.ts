import { TextSink } from './chunked-output';
import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** netpol-analyzer's txt layout: `src => dst : conns`, one line per pair, nothing else. */
export class TxtFormatter implements ConnlistFormatter {
  public readonly name = 'txt';

  public write(entries: Iterable<ConnlistEntry>, out: TextSink): void {
    for (const e of entries) out.write(`${e.source} => ${e.destination} : ${e.connections}\n`);
  }
}
