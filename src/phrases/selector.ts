import { isEmptySelector } from '../model/labels';
import { LabelSelectorManifest, LabelSelectorRequirementManifest, NAMESPACE_NAME_LABEL } from '../model/manifest';

/**
 * Plain-words phrases for label selectors. Shared by `describe`, the lints and the
 * evaluator's explanations, so one selector always reads the same everywhere.
 */

/** One phrase per requirement, in manifest order: `app=web`, `tier in (a, b)`, … */
function describeRequirements(selector: LabelSelectorManifest | null | undefined): string[] {
  if (!selector) return [];
  const phrases = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${quoteLabelValue(value)}`);
  for (const expression of selector.matchExpressions ?? []) {
    phrases.push(describeRequirement(expression));
  }
  return phrases;
}

/** A single `matchExpressions` entry in words; NotIn spells out that it also matches a missing label. */
export function describeRequirement(requirement: LabelSelectorRequirementManifest): string {
  const key = requirement.key ?? '<no key>';
  const values = (requirement.values ?? []).map(quoteLabelValue);
  switch (requirement.operator) {
    case 'In':
      return values.length === 1 ? `${key}=${values[0]}` : `${key} in (${values.join(', ')})`;
    case 'NotIn':
      return values.length === 1
        ? `(${key}!=${values[0]} or label ${key} is absent)`
        : `(${key} not in (${values.join(', ')}) or label ${key} is absent)`;
    case 'Exists':
      return `label ${key} is present`;
    case 'DoesNotExist':
      return `label ${key} is absent`;
    default:
      return `${key} ${requirement.operator ?? '<no operator>'} (${values.join(', ')})`;
  }
}

/**
 * Pods chosen by a selector: `every pod` for an empty one, else `pods where app=web and …`.
 */
export function describePodSelector(selector: LabelSelectorManifest | null | undefined): string {
  if (isEmptySelector(selector)) return 'every pod';
  return `pods where ${describeRequirements(selector).join(' and ')}`;
}

/**
 * Namespaces chosen by a selector. A selector on `kubernetes.io/metadata.name` alone
 * reads as the namespace names themselves.
 */
export function describeNamespaceSelector(selector: LabelSelectorManifest | null | undefined): string {
  if (isEmptySelector(selector)) return 'every namespace';
  const names = namespaceNamesOf(selector);
  if (names) {
    const quoted = names.map((name) => `"${name}"`);
    return names.length === 1 ? `namespace ${quoted[0]}` : `namespaces ${joinWithOr(quoted)}`;
  }
  return `namespaces where ${describeRequirements(selector).join(' and ')}`;
}

/**
 * The namespace names a selector pins, when its only requirement is the
 * `kubernetes.io/metadata.name` label (matchLabels or a single `In`); otherwise undefined.
 */
export function namespaceNamesOf(selector: LabelSelectorManifest | null | undefined): string[] | undefined {
  if (!selector) return undefined;
  const labels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (labels.length === 1 && expressions.length === 0 && labels[0][0] === NAMESPACE_NAME_LABEL) {
    return [labels[0][1]];
  }
  if (labels.length === 0 && expressions.length === 1) {
    const only = expressions[0];
    if (only.key === NAMESPACE_NAME_LABEL && only.operator === 'In' && (only.values ?? []).length > 0) {
      return [...(only.values ?? [])];
    }
  }
  return undefined;
}

/** `a`, `a or b`, `a, b or c`. */
export function joinWithOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function quoteLabelValue(value: string): string {
  return value === '' ? '""' : value;
}
