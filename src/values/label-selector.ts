import { CallText, quote, valueError } from './value-error';
import { LabelSelectorManifest, LabelSelectorRequirementManifest } from '../model/manifest';
import { labelKeyErrors, labelValueErrors } from '../validation/labels';

/** The operators a label selector requirement can use in a NetworkPolicy. */
export enum LabelOperator {
  /** The label is present and its value is one of the values. */
  IN = 'In',
  /** The label is absent, or its value is none of the values. */
  NOT_IN = 'NotIn',
  /** The label is present, with any value. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/**
 * One requirement of a label selector (`matchExpressions` entry), such as `tier in (web,api)`.
 */
export class LabelExpression {
  /**
   * The label `key` has one of `values`.
   *
   * @param key a label key, e.g. `tier` or `example.com/tier`
   * @param values at least one label value
   */
  public static valueIn(key: string, values: string[]): LabelExpression {
    return LabelExpression.withValues('LabelExpression.valueIn', LabelOperator.IN, key, values, 'in');
  }

  /**
   * The label `key` is absent or has none of `values`.
   *
   * @param key a label key
   * @param values at least one label value
   */
  public static valueNotIn(key: string, values: string[]): LabelExpression {
    return LabelExpression.withValues('LabelExpression.valueNotIn', LabelOperator.NOT_IN, key, values, 'notin');
  }

  /**
   * The label `key` is present, whatever its value.
   *
   * @param key a label key
   */
  public static exists(key: string): LabelExpression {
    checkKey(() => `LabelExpression.exists(${quote(key)})`, key);
    return new LabelExpression(key, LabelOperator.EXISTS, undefined, key);
  }

  /**
   * The label `key` is absent.
   *
   * @param key a label key
   */
  public static doesNotExist(key: string): LabelExpression {
    checkKey(() => `LabelExpression.doesNotExist(${quote(key)})`, key);
    return new LabelExpression(key, LabelOperator.DOES_NOT_EXIST, undefined, `!${key}`);
  }

  private static withValues(call: string, operator: LabelOperator, key: string, values: string[], word: string): LabelExpression {
    const fullCall = () => `${call}(${quote(key)}, ${quote(values)})`;
    checkKey(fullCall, key);
    if (!Array.isArray(values) || values.length === 0) {
      throw valueError(fullCall, `the operator ${operator} needs at least one value`,
        `Pass the label values to match, e.g. ${call}(${quote(key)}, ["a", "b"]), or use LabelExpression.exists().`);
    }
    for (const value of values) checkValue(fullCall, value);
    const unique = [...new Set(values)];
    return new LabelExpression(key, operator, unique, `${key} ${word} (${unique.join(',')})`);
  }

  /** The label key. */
  public readonly key: string;
  /** How the label is compared. */
  public readonly labelOperator: LabelOperator;
  /** The values for `IN` and `NOT_IN`; undefined for `EXISTS` and `DOES_NOT_EXIST`. */
  public readonly values?: string[];
  private readonly text: string;

  private constructor(key: string, operator: LabelOperator, values: string[] | undefined, text: string) {
    this.key = key;
    this.labelOperator = operator;
    this.values = values;
    this.text = text;
  }

  /** Kubernetes selector syntax: `tier in (a,b)`, `tier notin (a)`, `tier`, `!tier`. */
  public toString(): string {
    return this.text;
  }

  /** @internal */
  public _toManifest(): LabelSelectorRequirementManifest {
    return this.values ? { key: this.key, operator: this.labelOperator, values: [...this.values] } : { key: this.key, operator: this.labelOperator };
  }
}

/** What a label selector requires: labels with exact values and/or expressions. */
export interface LabelSelectorOptions {
  /**
   * Labels that must all be present with exactly these values (`matchLabels`).
   * @default - no exact-value labels
   */
  readonly labels?: { [key: string]: string };
  /**
   * Requirements that must all hold (`matchExpressions`).
   * @default - no expressions
   */
  readonly expressions?: LabelExpression[];
}

/**
 * A Kubernetes label selector: every label and every expression must match. An empty
 * selector matches everything.
 *
 * @example
 * LabelSelector.of({ labels: { app: 'web' }, expressions: [LabelExpression.valueIn('tier', ['a', 'b'])] })
 *   .toString() // 'app=web,tier in (a,b)'
 */
export class LabelSelector {
  /**
   * A selector built from exact labels and expressions, all of which must match.
   *
   * @param options the labels and expressions
   */
  public static of(options: LabelSelectorOptions): LabelSelector {
    const labels = options.labels ?? {};
    const call = () => `LabelSelector.of(${describeOptions(options)})`;
    checkLabels(call, labels);
    return new LabelSelector(labels, options.expressions ?? []);
  }

  /**
   * A selector that requires every given label with exactly the given value.
   *
   * @param labels label keys and values, e.g. `{ app: 'web' }`
   */
  public static labelled(labels: { [key: string]: string }): LabelSelector {
    checkLabels(() => `LabelSelector.labelled(${quote(labels)})`, labels);
    return new LabelSelector(labels, []);
  }

  /**
   * A selector of exact labels, with errors naming `call`.
   * @internal
   */
  public static _labelled(call: CallText, labels: { [key: string]: string }): LabelSelector {
    checkLabels(call, labels);
    return new LabelSelector(labels, []);
  }

  /** The empty selector, which matches everything. */
  public static all(): LabelSelector {
    return new LabelSelector({}, []);
  }

  /** The exact labels (`matchLabels`), sorted by key. */
  public readonly labels: { [key: string]: string };
  /** The requirements (`matchExpressions`), in the order given. */
  public readonly expressions: LabelExpression[];
  /** True when the selector has no requirement and so matches everything. */
  public readonly isEmpty: boolean;
  private readonly text: string;

  private constructor(labels: { [key: string]: string }, expressions: LabelExpression[]) {
    const sortedKeys = Object.keys(labels).sort();
    this.labels = Object.fromEntries(sortedKeys.map((k) => [k, labels[k]]));
    this.expressions = [...expressions];
    this.isEmpty = sortedKeys.length === 0 && expressions.length === 0;
    const parts = [...sortedKeys.map((k) => `${k}=${labels[k]}`), ...expressions.map((e) => e.toString())];
    this.text = this.isEmpty ? '<all>' : parts.join(',');
  }

  /** Kubernetes selector syntax, such as `app=web,tier in (a,b)`; `<all>` for the empty selector. */
  public toString(): string {
    return this.text;
  }

  /**
   * The `LabelSelector` object of a manifest; `{}` for the empty selector.
   * @internal
   */
  public _toManifest(): LabelSelectorManifest {
    const hasLabels = Object.keys(this.labels).length > 0;
    return {
      ...(hasLabels ? { matchLabels: { ...this.labels } } : {}),
      ...(this.expressions.length > 0 ? { matchExpressions: this.expressions.map((e) => e._toManifest()) } : {}),
    };
  }
}

function describeOptions(options: LabelSelectorOptions): string {
  const parts: string[] = [];
  if (options.labels) parts.push(`labels: ${quote(options.labels)}`);
  if (options.expressions) parts.push(`expressions: [${options.expressions.map((e) => e.toString()).join(', ')}]`);
  return `{ ${parts.join(', ')} }`;
}

function checkLabels(call: CallText, labels: { [key: string]: string }): void {
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
    throw valueError(call, `the labels must be an object of key/value strings, got ${quote(labels)}`, 'Write them as { app: "web" }.');
  }
  for (const [key, value] of Object.entries(labels)) {
    checkKey(call, key);
    checkValue(call, value, key);
  }
}

function checkKey(call: CallText, key: string): void {
  const errors = typeof key === 'string' ? labelKeyErrors(key) : ['must be a string'];
  if (errors.length > 0) {
    throw valueError(call, `label key ${quote(key)} is invalid: ${errors.join('; ')}`,
      'Use a key like "app" or "example.com/app".');
  }
}

function checkValue(call: CallText, value: string, key?: string): void {
  const errors = typeof value === 'string' ? labelValueErrors(value) : ['must be a string'];
  if (errors.length > 0) {
    const where = key === undefined ? '' : ` of key ${quote(key)}`;
    throw valueError(call, `label value ${quote(value)}${where} is invalid: ${errors.join('; ')}`,
      'Use at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.');
  }
}
