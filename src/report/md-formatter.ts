import { TextSink } from './chunked-output';
import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** A Markdown table with netpol-analyzer's columns `src | dst | conn`. */
export class MarkdownFormatter implements ConnlistFormatter {
  public readonly name = 'md';

  public write(entries: Iterable<ConnlistEntry>, out: TextSink): void {
    out.write('| src | dst | conn |\n|-----|-----|------|\n');
    for (const e of entries) out.write(`| ${cell(e.source)} | ${cell(e.destination)} | ${cell(e.connections)} |\n`);
  }
}

/** Pipes would end the cell; workload names cannot hold them, but stay safe. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
