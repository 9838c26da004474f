/**
 * Merge keys (`<<`) as go-yaml v2 applies them (decode.go, `mapping` and `merge`): in document
 * order, each merge writes the keys of its map into the map being built, over what is already
 * there, and later keys write over the merged ones; of a list of maps, the earlier maps win. So
 * `a: 1` written before `<<: {a: 2}` gives 2, unlike the YAML 1.1 merge type of js-yaml and the
 * `yaml` package (which never let a merged key replace one written in the map).
 */

/** A value go-yaml cannot merge; kubectl fails with this text. */
export class DecodeError extends Error {
  /** The field path (`spec.template`) of the map where reading failed, when known. */
  public fieldPath?: string;
}

export const MERGE_NEEDS_MAP = 'yaml: map merge requires map or sequence of maps as the value';

/** Writes the keys of a merge value (a map, or a list of maps) into `target`. */
export function mergeInto(target: Record<string, unknown>, source: unknown): void {
  if (isMap(source)) {
    for (const [key, value] of Object.entries(source)) setKey(target, key, value);
    return;
  }
  if (!Array.isArray(source)) throw new DecodeError(MERGE_NEEDS_MAP);
  for (let i = source.length - 1; i >= 0; i--) {
    const item = source[i];
    if (!isMap(item)) throw new DecodeError(MERGE_NEEDS_MAP);
    for (const [key, value] of Object.entries(item)) setKey(target, key, value);
  }
}

/** Sets a key of a plain object, `__proto__` included, as JSON would. */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * Applies the `<<` keys of a value read with `<<` as an ordinary key (the fast route), bottom-up.
 * Key order must be document order: the caller steps aside for maps whose keys JavaScript
 * reorders (integer-like keys).
 */
export function applyMergeKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = applyMergeKeys(value[i]);
    return value;
  }
  if (!isMap(value)) return value;
  if (!Object.prototype.hasOwnProperty.call(value, '<<')) {
    for (const key of Object.keys(value)) value[key] = applyMergeKeys(value[key]);
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const applied = applyMergeKeys(item);
    if (key === '<<') mergeInto(result, applied);
    else setKey(result, key, applied);
  }
  return result;
}

/** Whether a map (with a `<<` key) has keys JavaScript would not keep in document order. */
export function hasReorderedKeys(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((key) => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
