import { LabelSelectorManifest } from '../model/manifest';

/**
 * Reasoning about label selectors without any pods: containment (every label set one
 * selector matches, the other matches too) and contradiction (matches no label set).
 * Both answers are sound but incomplete: `false` means "could not prove it".
 */

interface Requirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

// The redundancy lints compare each selector with many others: read each selector object once.
const requirementsCache = new WeakMap<LabelSelectorManifest, readonly Requirement[] | null>();
const contradictionCache = new WeakMap<LabelSelectorManifest, string | null>();
const canonicalCache = new WeakMap<LabelSelectorManifest, string>();

/** `matchLabels` and `matchExpressions` as one list; `k: v` becomes `k In [v]`. Unknown operators yield undefined. */
function requirementsOf(selector: LabelSelectorManifest | null | undefined): readonly Requirement[] | undefined {
  if (!selector) return [];
  let cached = requirementsCache.get(selector);
  if (cached === undefined) {
    cached = readRequirements(selector) ?? null;
    requirementsCache.set(selector, cached);
  }
  return cached ?? undefined;
}

function readRequirements(selector: LabelSelectorManifest): Requirement[] | undefined {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) {
    out.push({ key, operator: 'In', values: [value] });
  }
  for (const e of selector?.matchExpressions ?? []) {
    if (e.operator !== 'In' && e.operator !== 'NotIn' && e.operator !== 'Exists' && e.operator !== 'DoesNotExist') {
      return undefined;
    }
    out.push({ key: e.key ?? '', operator: e.operator, values: [...(e.values ?? [])] });
  }
  return out;
}

/** True when every label set `inner` matches is also matched by `outer` (provably). */
export function selectorContains(
  outer: LabelSelectorManifest | null | undefined,
  inner: LabelSelectorManifest | null | undefined,
): boolean {
  const outerReqs = requirementsOf(outer);
  const innerReqs = requirementsOf(inner);
  if (!outerReqs || !innerReqs) return false;
  if (selectorIsContradictory(inner)) return true;
  return outerReqs.every((o) => innerReqs.some((i) => i.key === o.key && implies(i, o)));
}

/**
 * Why a selector can match no label set at all (`a In [x]` with `a NotIn [x]`, `Exists`
 * with `DoesNotExist` on one key, …), or undefined when it is satisfiable.
 */
export function selectorContradiction(selector: LabelSelectorManifest | null | undefined): string | undefined {
  if (!selector) return undefined;
  let cached = contradictionCache.get(selector);
  if (cached === undefined) {
    cached = findContradiction(selector) ?? null;
    contradictionCache.set(selector, cached);
  }
  return cached ?? undefined;
}

function findContradiction(selector: LabelSelectorManifest): string | undefined {
  const reqs = requirementsOf(selector);
  if (!reqs) return undefined;
  if (reqs.every((r, i) => reqs.findIndex((other) => other.key === r.key) === i)) {
    // One requirement per key (the usual selector): only `In` with no values can match nothing.
    const empty = reqs.find((r) => r.operator === 'In' && r.values.length === 0);
    return empty ? `no value of label "${empty.key}" satisfies all its requirements` : undefined;
  }
  const keys = [...new Set(reqs.map((r) => r.key))];
  for (const key of keys) {
    const onKey = reqs.filter((r) => r.key === key);
    const mustExist = onKey.some((r) => r.operator === 'In' || r.operator === 'Exists');
    if (mustExist && onKey.some((r) => r.operator === 'DoesNotExist')) {
      return `label "${key}" is required to be both present and absent`;
    }
    const inSets = onKey.filter((r) => r.operator === 'In').map((r) => new Set(r.values));
    if (inSets.length === 0) continue;
    let allowed = [...inSets[0]].filter((v) => inSets.every((s) => s.has(v)));
    const excluded = new Set(onKey.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values));
    allowed = allowed.filter((v) => !excluded.has(v));
    if (allowed.length === 0) return `no value of label "${key}" satisfies all its requirements`;
  }
  return undefined;
}

/** True when the selector can match no label set at all. */
export function selectorIsContradictory(selector: LabelSelectorManifest | null | undefined): boolean {
  return selectorContradiction(selector) !== undefined;
}

/** A canonical JSON text: equal for selectors written with different order or duplicates. */
export function canonicalSelector(selector: LabelSelectorManifest | null | undefined): string {
  if (!selector) return writeCanonicalSelector(selector);
  let text = canonicalCache.get(selector);
  if (text === undefined) canonicalCache.set(selector, text = writeCanonicalSelector(selector));
  return text;
}

function writeCanonicalSelector(selector: LabelSelectorManifest | null | undefined): string {
  const reqs = requirementsOf(selector);
  if (!reqs) return JSON.stringify(selector ?? {});
  const texts = reqs.map((r) => `${r.key}\u0000${r.operator}\u0000${sortedUnique(r.values).join('\u0001')}`);
  return JSON.stringify(sortedUnique(texts));
}

/** The distinct texts, sorted (most selectors have one requirement of one value: no copy then). */
export function sortedUnique(texts: readonly string[]): readonly string[] {
  return texts.length < 2 ? texts : [...new Set(texts)].sort();
}

/** Whether requirement `i` (on the same key) implies requirement `o`. */
function implies(i: Requirement, o: Requirement): boolean {
  switch (o.operator) {
    case 'In':
      return i.operator === 'In' && i.values.every((v) => o.values.includes(v));
    case 'NotIn':
      if (i.operator === 'In') return i.values.every((v) => !o.values.includes(v));
      if (i.operator === 'NotIn') return o.values.every((v) => i.values.includes(v));
      return i.operator === 'DoesNotExist';
    case 'Exists':
      return i.operator === 'In' || i.operator === 'Exists';
    case 'DoesNotExist':
      return i.operator === 'DoesNotExist';
  }
}
