import { CsvFormatter } from './csv-formatter';
import { ConnlistFormatter } from './formatter';
import { JsonFormatter } from './json-formatter';
import { MarkdownFormatter } from './md-formatter';
import { TxtFormatter } from './txt-formatter';

const FORMATTERS: ConnlistFormatter[] = [new TxtFormatter(), new JsonFormatter(), new MarkdownFormatter(), new CsvFormatter()];

/** The names accepted by `connlist --format`, default first. */
export const CONNLIST_FORMATS: readonly string[] = FORMATTERS.map((f) => f.name);

/** The formatter for a format name; throws a message listing the valid names otherwise. */
export function connlistFormatter(name: string): ConnlistFormatter {
  const found = FORMATTERS.find((f) => f.name === name.toLowerCase());
  if (!found) {
    throw new Error(`unknown output format "${name}"; use one of: ${CONNLIST_FORMATS.join(', ')}`);
  }
  return found;
}
