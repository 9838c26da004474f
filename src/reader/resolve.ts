/**
 * Scalars as kubectl reads them: sigs.k8s.io/yaml converts YAML to JSON with go-yaml v2, whose
 * `resolve` (resolve.go) types a plain scalar by YAML 1.1 rules, not the YAML 1.2 core schema.
 */

const TAG = 'tag:yaml.org,2002:';

/** Plain scalars go-yaml v2 reads from its resolve table (resolve.go, `init`): exact spellings only. */
const RESOLVE_MAP = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((s) => [s, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, -Infinity] as const),
]);

/** `yamlStyleFloat` of resolve.go. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** What Go's `strconv.ParseFloat` accepts after a leading "." (decimal digits, an exponent). */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

/** The first characters resolve.go's `resolveTable` gives a hint for; any other starts a string. */
function hintOf(text: string): 'S' | 'D' | 'M' | '.' | undefined {
  if (text === '') return 'M';
  const c = text.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return 'D';
  switch (text[0]) {
    case '+': case '-': return 'S';
    case '.': return '.';
    case 'y': case 'Y': case 'n': case 'N': case 't': case 'T': case 'f': case 'F': case 'o': case 'O': case '~': return 'M';
    default: return undefined;
  }
}

/** Whether a plain scalar's text can be anything but a string (most keys and values cannot). */
export function mayResolve(text: string): boolean {
  return hintOf(text) !== undefined;
}

/** The kinds a scalar resolves to, by its YAML tag. */
export type ScalarKind = 'null' | 'bool' | 'int' | 'float' | 'str' | 'merge';

/** A resolved scalar: its kind and JavaScript value. */
export interface Resolved {
  readonly kind: ScalarKind;
  readonly value: unknown;
}

const STRING = (text: string): Resolved => ({ kind: 'str', value: text });

/**
 * The value of a plain, untagged scalar, as go-yaml v2's `resolve("", text)`: the YAML 1.1 booleans
 * and nulls of its table, ints in Go's `strconv.ParseInt(text, 0, 64)` syntax once `_` are removed
 * (`010` octal, `0o10`, `0x1F`, `0b101`, signs), floats by `yamlStyleFloat` (`1e3`, `1.`, `.5`,
 * `08`), `.inf` and `.nan`. Timestamps stay strings (decode.go, `scalar`, keeps their text when
 * decoding into `interface{}`), as does sexagesimal `1:20` (v2 has none) and everything else.
 */
export function resolvePlain(text: string): Resolved {
  // decode.go, `isMerge`: a plain `<<` merges, though `resolve` itself reads it as a string.
  if (text === '<<') return { kind: 'merge', value: text };
  const hint = hintOf(text);
  if (hint === undefined) return STRING(text);
  if (RESOLVE_MAP.has(text)) {
    const value = RESOLVE_MAP.get(text);
    return { kind: value === null ? 'null' : typeof value === 'boolean' ? 'bool' : 'float', value };
  }
  if (hint === 'M') return STRING(text);
  if (hint === '.') return DOT_FLOAT.test(text) ? { kind: 'float', value: Number(text) } : STRING(text);
  // Most numbers are plain decimals that fit a double exactly.
  if (/^[1-9][0-9]{0,14}$/.test(text)) return { kind: 'int', value: Number(text) };
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const int = parseGoInt(plain);
  if (int !== undefined) return { kind: 'int', value: int };
  if (YAML_STYLE_FLOAT.test(plain)) return { kind: 'float', value: Number(plain) };
  return STRING(text);
}

const TWO_TO_63 = BigInt('9223372036854775808');
const TWO_TO_64 = BigInt('18446744073709551616');

/**
 * Go's `strconv.ParseInt(s, 0, 64)` (then `ParseUint`, for what only fits unsigned): an optional
 * sign, then `0x`/`0X` hex, `0b`/`0B` binary, `0o`/`0O` octal, a leading `0` octal, or decimal.
 * Values beyond 64 bits fail. resolve.go's later `0b` fallbacks only repeat these.
 */
function parseGoInt(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  let magnitude: bigint;
  if (/^0[oO]/.test(digits)) magnitude = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[xXbB]/.test(digits)) magnitude = BigInt(`0${digits[1].toLowerCase()}${digits.slice(2)}`);
  else if (digits.length > 1 && digits[0] === '0') magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = m[1] === '-' ? -magnitude : magnitude;
  // ParseInt takes [-2^63, 2^63); ParseUint takes the rest of [0, 2^64) when unsigned.
  if (value < -TWO_TO_63 || value >= TWO_TO_64) return undefined;
  return Number(value);
}

/**
 * The value of a scalar with an explicit tag, as `resolve(tag, text)`: `!!str` (and any tag go-yaml
 * does not resolve, such as `!!binary` or `!custom`) keeps the text; `!!int`, `!!float`, `!!bool`,
 * `!!null` must resolve to their kind (an int is accepted as a float), else go-yaml fails with
 * "cannot decode !!str `abc` as a !!int".
 */
export function resolveTagged(tag: string, text: string): Resolved {
  const short = tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
  if (!['!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp'].includes(short)) return STRING(text);
  if (short === '!!str') return STRING(text);
  const resolved = resolvePlain(text);
  const kind = resolved.kind === 'merge' ? 'str' : resolved.kind;
  if (short === `!!${kind}`) return resolved;
  if (short === '!!float' && kind === 'int') return { kind: 'float', value: resolved.value };
  // A timestamp is a string that go-yaml recognises as one: only a `!!timestamp` tag keeps it.
  if (short === '!!timestamp' && kind === 'str' && /^[0-9]{4}-/.test(text)) return resolved;
  throw new TagError(`cannot decode !!${kind} \`${text}\` as a ${short}`);
}

/** A scalar whose explicit tag does not fit its text; kubectl reports it as go-yaml does. */
export class TagError extends Error {}

/**
 * The JSON key sigs.k8s.io/yaml makes of a resolved map key (yaml.go, `convertToJSONableObject`):
 * ints in decimal, floats as Go's `strconv.FormatFloat(f, 'g', -1, 32)`, booleans as `true` and
 * `false`. A null key cannot be converted: undefined.
 */
export function jsonKeyOf(resolved: Resolved): string | undefined {
  switch (resolved.kind) {
    case 'null': return undefined;
    case 'bool': return resolved.value ? 'true' : 'false';
    case 'int': return String(resolved.value);
    case 'float': return formatFloat32(resolved.value as number);
    default: return String(resolved.value);
  }
}

/**
 * Go's `strconv.FormatFloat(f, 'g', -1, 32)`, with resolve.go's names for the infinities and NaN:
 * the shortest decimal that reads back as the same 32-bit float, in exponent form when the
 * exponent is below -4 or at least 6 (`1e+06`, `1.5e-05`).
 */
export function formatFloat32(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  const single = Math.fround(f);
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  let digits = '';
  for (let precision = 1; precision <= 9; precision++) {
    digits = Math.abs(single).toExponential(precision - 1);
    if (Math.fround(Number(digits)) === Math.abs(single)) break;
  }
  const [mantissa, exponentText] = digits.split('e');
  const exponent = Number(exponentText);
  const sign = single < 0 ? '-' : '';
  const significant = mantissa.replace('.', '');
  if (exponent < -4 || exponent >= 6) {
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${significant}`;
  const whole = significant.padEnd(exponent + 1, '0');
  const fraction = significant.slice(exponent + 1);
  return `${sign}${whole.slice(0, exponent + 1)}${fraction ? `.${fraction}` : ''}`;
}
