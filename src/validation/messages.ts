/**
 * Building blocks of the API server's messages (`k8s.io/apimachinery/pkg/util/validation`),
 * kept verbatim so that users can search for them.
 */

/** `MaxLenError`: object names and namespaces count characters. */
export function maxLengthError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** Label keys and values count bytes since apimachinery v0.35. */
export function maxBytesError(length: number): string {
  return `must be no more than ${length} bytes`;
}

/** `EmptyError`. */
export const EMPTY_ERROR = 'must be non-empty';

/**
 * `RegexError`: the message, then the examples joined by `', ' + ' or '` (which is where
 * the double space in `'my-name',  or '123-abc'` comes from), then the regex.
 */
export function regexError(message: string, regex: string, ...examples: [string, ...string[]]): string {
  const shown = examples.map((e) => `'${e}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${regex}')`;
}

