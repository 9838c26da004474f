import { ConnlistEntry } from './connlist-entry';
import { ConnlistFormatter } from './formatter';

/** A Markdown table with netpol-analyzer's columns `src | dst | conn`. */
export class MarkdownFormatter implements ConnlistFormatter {
  public readonly name = 'md';

  public format(entries: readonly ConnlistEntry[]): string {
    const lines = ['| src | dst | conn |', '|-----|-----|------|'];
    for (const e of entries) {
      lines.push(`| ${cell(e.source)} | ${cell(e.destination)} | ${cell(e.connections)} |`);
    }
    return lines.join('\n') + '\n';
  }
}

/** Pipes would end the cell; workload names cannot hold them, but stay safe. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
