/**
 * The call the user wrote, as text, written only when an error needs it: factories run once per
 * value in a large app, and quoting their arguments up front cost more than the checks.
 */
export type CallText = () => string;

/**
 * Builds the message of an error thrown by a value-object factory: it names the call the
 * user wrote, says what is wrong and what to do instead.
 */
export function valueError(call: string | CallText, problem: string, fix?: string): Error {
  const hint = fix ? ` ${fix}` : '';
  return new Error(`${typeof call === 'function' ? call() : call}: ${problem}.${hint}`);
}

/** Quotes a value the way the user would have written it in TypeScript. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}
