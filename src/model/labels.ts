import { LabelSelectorManifest, LabelSelectorRequirementManifest } from './manifest';

/** A label map as found on pods and namespaces. */
export type Labels = Readonly<Record<string, string>>;

/**
 * Whether a label selector matches a label set, with apimachinery semantics:
 * `matchLabels` and every `matchExpressions` entry are ANDed; an empty selector matches
 * everything; `NotIn` and `DoesNotExist` match when the key is absent; matching is exact and
 * case-sensitive.
 *
 * `undefined`/`null` are treated like `{}` (match everything), which is what a missing
 * `spec.podSelector` means. Callers that give a missing *peer* selector another meaning
 * (the policy's namespace) must handle that before calling.
 *
 * An operator other than `In`, `NotIn`, `Exists`, `DoesNotExist` (which the API server
 * rejects) matches nothing, and so does a selector whose shape cannot be decoded.
 */
export function selectorMatches(selector: LabelSelectorManifest | undefined | null, labels: Labels): boolean {
  if (!selector) return true;
  const { matchLabels, matchExpressions } = selector;
  // Shapes that cannot be decoded (a list of labels, a map of expressions) select nothing.
  if (matchLabels !== undefined && matchLabels !== null && (typeof matchLabels !== 'object' || Array.isArray(matchLabels))) return false;
  if (matchExpressions !== undefined && matchExpressions !== null && !Array.isArray(matchExpressions)) return false;
  if (matchLabels) {
    // for…in, not Object.keys: selectors are matched against every workload, and this copies nothing.
    for (const key in matchLabels) {
      if (!Object.prototype.hasOwnProperty.call(matchLabels, key)) continue;
      if (!hasLabel(labels, key) || labels[key] !== decodeLabelValue(matchLabels[key])) return false;
    }
  }
  for (const requirement of matchExpressions ?? []) {
    if (!requirement || !requirementMatches(requirement, labels)) return false;
  }
  return true;
}

/** Whether one `matchExpressions` entry holds for a label set. */
function requirementMatches(requirement: LabelSelectorRequirementManifest, labels: Labels): boolean {
  const key = requirement.key ?? '';
  const present = hasLabel(labels, key);
  const values = Array.isArray(requirement.values) ? requirement.values.map(decodeLabelValue) : [];
  switch (requirement.operator) {
    case 'In': return present && values.includes(labels[key]);
    case 'NotIn': return !present || !values.includes(labels[key]);
    case 'Exists': return present;
    case 'DoesNotExist': return !present;
    default: return false;
  }
}

/**
 * A selector as the API server stores it: JSON `null` inside `matchLabels` or `values`
 * decodes to `""` (Go's encoding/json into string fields), so YAML `matchLabels: {env: }`
 * selects pods whose `env` label is the empty string. Other shapes are left as they are.
 */
export function decodeSelector(selector: LabelSelectorManifest): LabelSelectorManifest {
  const { matchLabels, matchExpressions } = selector;
  const labels = matchLabels && typeof matchLabels === 'object' && !Array.isArray(matchLabels)
    ? Object.fromEntries(Object.entries(matchLabels).map(([k, v]) => [k, decodeLabelValue(v)]))
    : matchLabels;
  const expressions = Array.isArray(matchExpressions)
    ? matchExpressions.map((r) => (r && Array.isArray(r.values) ? { ...r, values: r.values.map(decodeLabelValue) } : r))
    : matchExpressions;
  return {
    ...selector,
    ...(labels !== undefined ? { matchLabels: labels } : {}),
    ...(expressions !== undefined ? { matchExpressions: expressions } : {}),
  };
}

function decodeLabelValue(value: string | null | undefined): string {
  return value ?? '';
}

/** True when the selector has no requirement at all, so it matches every label set. */
export function isEmptySelector(selector: LabelSelectorManifest | undefined | null): boolean {
  if (!selector) return true;
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/**
 * A stable text for a selector, e.g. `app=web,tier in (a,b),!legacy`, or `{}` for the empty
 * selector (kubectl's notation). Equal selectors give equal strings.
 */
export function selectorToString(selector: LabelSelectorManifest | undefined | null): string {
  if (isEmptySelector(selector)) return '{}';
  const parts: string[] = [];
  const matchLabels = selector?.matchLabels ?? {};
  for (const key of Object.keys(matchLabels).sort()) parts.push(`${key}=${matchLabels[key]}`);
  for (const r of selector?.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    switch (r.operator) {
      case 'In': parts.push(`${r.key} in (${values})`); break;
      case 'NotIn': parts.push(`${r.key} notin (${values})`); break;
      case 'Exists': parts.push(`${r.key}`); break;
      case 'DoesNotExist': parts.push(`!${r.key}`); break;
      default: parts.push(`${r.key} ${r.operator} (${values})`);
    }
  }
  return parts.join(',');
}

function hasLabel(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}
