import { Findings, FieldRef, readArray, readObject, readString, readStringMap } from './decode';
import { labelKeyFix, labelValueFix } from './fixes';
import { childPath, forbidden, indexPath, invalid, required } from './issues';
import { labelKeyErrors, labelValueErrors } from './labels';
import { Rules } from './rules';

const SELECTOR_FIELDS = ['matchLabels', 'matchExpressions'];
const REQUIREMENT_FIELDS = ['key', 'operator', 'values'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

const MATCH_LABELS_LIST_FIX =
  'matchLabels is a map (key: value), not a list; to match any of several values use matchExpressions: [{key: app, operator: In, values: [a, b]}]';

function operatorFix(operator: string): string {
  const sameLetters = OPERATORS.find((o) => o.toLowerCase() === operator.toLowerCase());
  if (sameLetters) return `operators are case-sensitive: write ${JSON.stringify(sameLetters)}`;
  if (operator === 'Gt' || operator === 'Lt') {
    return 'Gt and Lt exist only for node affinity; label selectors allow In, NotIn, Exists and DoesNotExist';
  }
  return 'use one of In, NotIn, Exists, DoesNotExist';
}

/**
 * `ValidateLabelSelector` (docs/semantics.md#validation), after decoding the selector. A `null` or absent
 * selector is not checked; `{}` is valid.
 */
export function validateLabelSelector(findings: Findings, value: unknown, field: FieldRef): void {
  const selector = readObject(findings, field, value, 'v1.LabelSelector', SELECTOR_FIELDS);
  if (!selector) return;

  const matchLabelsField = { path: childPath(field.path, 'matchLabels'), owner: 'LabelSelector' };
  const matchLabels = readStringMap(findings, matchLabelsField, selector.matchLabels, MATCH_LABELS_LIST_FIX);
  for (const [key, labelValue] of matchLabels ?? []) {
    for (const msg of labelKeyErrors(key)) {
      findings.add(invalid(matchLabelsField.path, key, msg, Rules.SELECTOR_LABEL_KEY, labelKeyFix(key)));
    }
    for (const msg of labelValueErrors(labelValue)) {
      findings.add(invalid(matchLabelsField.path, labelValue, msg, Rules.SELECTOR_LABEL_VALUE, labelValueFix(labelValue)));
    }
  }

  const expressionsField = { path: childPath(field.path, 'matchExpressions'), owner: 'LabelSelector' };
  const expressions = readArray(findings, expressionsField, selector.matchExpressions, '[]v1.LabelSelectorRequirement');
  (expressions ?? []).forEach((expression, i) => {
    validateRequirement(findings, expression, { path: indexPath(expressionsField.path, i), owner: 'LabelSelector' });
  });
}

function validateRequirement(findings: Findings, value: unknown, field: FieldRef): void {
  const requirement = readObject(findings, field, value, 'v1.LabelSelectorRequirement', REQUIREMENT_FIELDS) ?? {};
  const owner = 'LabelSelectorRequirement';
  const operatorField = { path: childPath(field.path, 'operator'), owner };
  const keyField = { path: childPath(field.path, 'key'), owner };
  const valuesField = { path: childPath(field.path, 'values'), owner };

  const operatorDecoded = requirement.operator === undefined || requirement.operator === null || typeof requirement.operator === 'string';
  const operator = readString(findings, operatorField, requirement.operator) ?? '';
  const key = readString(findings, keyField, requirement.key) ?? '';
  const values = readArray(findings, valuesField, requirement.values, '[]string');
  const valuesDecoded = requirement.values === undefined || requirement.values === null || values !== undefined;
  const valueCount = values?.length ?? 0;

  if (operatorDecoded && valuesDecoded) {
    if (operator === 'In' || operator === 'NotIn') {
      if (valueCount === 0) {
        findings.add(required(valuesField.path, "must be specified when `operator` is 'In' or 'NotIn'",
          Rules.SELECTOR_VALUES_REQUIRED, 'add at least one value, or use operator Exists to match any value'));
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (valueCount > 0) {
        findings.add(forbidden(valuesField.path, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          Rules.SELECTOR_VALUES_FORBIDDEN, 'remove values, or use operator In / NotIn to compare against them'));
      }
    }
  }
  if (operatorDecoded && !OPERATORS.includes(operator)) {
    findings.add(invalid(operatorField.path, operator, 'not a valid selector operator', Rules.SELECTOR_OPERATOR, operatorFix(operator)));
  }

  if (typeof requirement.key === 'string' || requirement.key === undefined || requirement.key === null) {
    for (const msg of labelKeyErrors(key)) {
      findings.add(invalid(keyField.path, key, msg, Rules.SELECTOR_EXPRESSION_KEY, labelKeyFix(key)));
    }
  }

  (values ?? []).forEach((entry, j) => {
    const entryField = { path: indexPath(valuesField.path, j), owner };
    if (entry !== null && typeof entry !== 'string') {
      readString(findings, entryField, entry);
      return;
    }
    const text = entry ?? '';
    for (const msg of labelValueErrors(text)) {
      findings.add(invalid(entryField.path, text, msg, Rules.SELECTOR_EXPRESSION_VALUE, labelValueFix(text)));
    }
  });
}
