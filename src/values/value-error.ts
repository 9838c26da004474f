/**
 * Builds the message of an error thrown by a value-object factory: it names the call the
 * user wrote, says what is wrong and what to do instead.
 */
export function valueError(call: string, problem: string, fix?: string): Error {
  const hint = fix ? ` ${fix}` : '';
  return new Error(`${call}: ${problem}.${hint}`);
}

/** Quotes a value the way the user would have written it in TypeScript. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}
