import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** netpol-analyzer's json layout: an array of `{ src, dst, conn }`. */
export class JsonFormatter implements ConnlistFormatter {
  public readonly name = 'json';

  public format(entries: readonly ConnlistEntry[]): string {
    const rows = entries.map((e) => ({ src: e.source, dst: e.destination, conn: e.connections }));
    return JSON.stringify(rows, undefined, 2) + '\n';
  }
}
