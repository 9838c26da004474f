import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** netpol-analyzer's txt layout: `src => dst : conns`, one line per pair, nothing else. */
export class TxtFormatter implements ConnlistFormatter {
  public readonly name = 'txt';

  public format(entries: readonly ConnlistEntry[]): string {
    return entries.map((e) => `${e.source} => ${e.destination} : ${e.connections}\n`).join('');
  }
}
