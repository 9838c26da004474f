import { ConnlistEntry } from './connlist-entry';

/** Renders a connectivity list. Implementations receive entries already sorted. */
export interface ConnlistFormatter {
  /** The name users pass to `--format`. */
  readonly name: string;
  format(entries: readonly ConnlistEntry[]): string;
}
