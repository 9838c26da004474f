import { TextSink } from './chunked-output';
import { ConnlistEntry } from './connlist-entry';

/** Renders a connectivity list. Implementations receive entries already sorted. */
export interface ConnlistFormatter {
  /** The name users pass to `--format`. */
  readonly name: string;
  /** Writes the list line by line as entries come: never the whole list as one string. */
  write(entries: Iterable<ConnlistEntry>, out: TextSink): void;
}
