import { CelRule, ObjectNode, SchemaNode } from './schema';
import { schemaFix } from './schema-fixes';
import { isJsonObject } from '../decode';
import { Diagnostic } from '../diagnostic';
import { childPath, indexPath, notSupported, tooLong } from '../issues';
import { Severity } from '../severity';

/** Rule ids of the schema step: `schema-<keyword>`, after the OpenAPI keyword that failed. */
export const SchemaRules = {
  TYPE: 'schema-type',
  REQUIRED: 'schema-required',
  ENUM: 'schema-enum',
  MIN_LENGTH: 'schema-min-length',
  MAX_LENGTH: 'schema-max-length',
  PATTERN: 'schema-pattern',
  MINIMUM: 'schema-minimum',
  MAXIMUM: 'schema-maximum',
  MIN_ITEMS: 'schema-min-items',
  MAX_ITEMS: 'schema-max-items',
  MIN_PROPERTIES: 'schema-min-properties',
  MAX_PROPERTIES: 'schema-max-properties',
  DUPLICATE: 'schema-duplicate',
  UNKNOWN_FIELD: 'unknown-field',
} as const;

/**
 * Error types after which the API server skips every CEL rule of the object
 * (`hasBlockingErr`: NotSupported, Required, TooLong, TooMany, TypeInvalid).
 */
const BLOCKING = new Set<string>([SchemaRules.TYPE, SchemaRules.REQUIRED, SchemaRules.ENUM, SchemaRules.MAX_LENGTH,
  SchemaRules.MAX_ITEMS, SchemaRules.MAX_PROPERTIES]);

/** Whether a schema finding keeps the API server from running the CEL rules. */
export function isBlocking(d: Diagnostic): boolean {
  return BLOCKING.has(d.rule);
}

/** A CEL rule met on the way, with the value of its node, to run once the schema step is done. */
export interface PendingCel {
  readonly path: string;
  readonly rule: CelRule;
  readonly value: unknown;
  /** The node's OpenAPI type, which older servers print as the bad value. */
  readonly typeName: string;
}

export interface SchemaResult {
  readonly diagnostics: Diagnostic[];
  readonly pendingCel: PendingCel[];
  /** The object with the defaults filled in, as the CEL rules see it. */
  readonly defaulted: unknown;
}

/**
 * The schema step of the API server for a custom resource: strict decoding (unknown fields),
 * defaulting, then the OpenAPI checks and list-type sets, collecting every finding in field
 * order. `null` on a field is dropped first, as the server does before validating.
 */
export function checkSchema(value: unknown, node: ObjectNode): SchemaResult {
  const walker = new Walker();
  const defaulted = walker.visit(value, node, '');
  return { diagnostics: walker.diagnostics, pendingCel: walker.pendingCel, defaulted };
}

class Walker {
  public readonly diagnostics: Diagnostic[] = [];
  public readonly pendingCel: PendingCel[] = [];

  /** Checks one value against its node; returns the value with defaults filled in. */
  public visit(value: unknown, node: SchemaNode, path: string): unknown {
    const expected = openApiType(node);
    const actual = jsonType(value);
    if (expected !== actual) {
      this.report(SchemaRules.TYPE, path, `Invalid value: ${JSON.stringify(actual)}: ${bodyPath(path)} in body must be of type ${expected}: ${JSON.stringify(actual)}`, value, node);
      return value;
    }
    let result = value;
    switch (node.type) {
      case 'object': result = this.visitObject(value as Record<string, unknown>, node, path); break;
      case 'stringMap': this.visitStringMap(value as Record<string, unknown>, node, path); break;
      case 'anyObject': break;
      case 'array': result = this.visitArray(value as unknown[], node, path); break;
      case 'string': this.visitString(value as string, node, path); break;
      case 'integer': this.visitInteger(value as number, node, path); break;
    }
    for (const rule of node.cel ?? []) this.pendingCel.push({ path, rule, value: result, typeName: expected });
    return result;
  }

  private visitObject(value: Record<string, unknown>, node: ObjectNode, path: string): Record<string, unknown> {
    const known = Object.keys(node.properties);
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childNode = node.properties[key];
      if (childNode === undefined) {
        this.report(SchemaRules.UNKNOWN_FIELD, childPath(path, key), `strict decoding error: unknown field ${JSON.stringify(childPath(path, key))}`, child, node, known);
        continue;
      }
      if (child === null || child === undefined) continue;
      result[key] = this.visit(child, childNode, childPath(path, key));
    }
    for (const [key, childNode] of Object.entries(node.properties)) {
      if (result[key] === undefined && childNode.type === 'string' && childNode.default !== undefined) result[key] = childNode.default;
    }
    for (const key of node.required ?? []) {
      if (result[key] === undefined) this.report(SchemaRules.REQUIRED, childPath(path, key), 'Required value', undefined, node.properties[key], known);
    }
    const count = Object.keys(result).length;
    if (count > (node.maxProperties ?? Infinity)) {
      this.report(SchemaRules.MAX_PROPERTIES, path, `Too many: ${count}: must have at most ${node.maxProperties} items`, result, node, known);
    }
    if (count < (node.minProperties ?? 0)) {
      this.report(SchemaRules.MIN_PROPERTIES, path,
        `Invalid value: ${count}: ${bodyPath(path)} in body should have at least ${node.minProperties} properties`, result, node, known);
    }
    return result;
  }

  private visitStringMap(value: Record<string, unknown>, node: SchemaNode, path: string): void {
    for (const [key, entry] of Object.entries(value)) {
      if (entry === null || typeof entry === 'string') continue;
      const entryPath = childPath(path, key);
      this.report(SchemaRules.TYPE, entryPath,
        `Invalid value: ${JSON.stringify(jsonType(entry))}: ${bodyPath(entryPath)} in body must be of type string: ${JSON.stringify(jsonType(entry))}`, entry, node);
    }
  }

  private visitArray(value: unknown[], node: Extract<SchemaNode, { type: 'array' }>, path: string): unknown[] {
    if (value.length > (node.maxItems ?? Infinity)) {
      this.report(SchemaRules.MAX_ITEMS, path, `Too many: ${value.length}: must have at most ${node.maxItems} items`, value, node);
    }
    if (value.length < (node.minItems ?? 0)) {
      this.report(SchemaRules.MIN_ITEMS, path,
        `Invalid value: ${value.length}: ${bodyPath(path)} in body should have at least ${node.minItems} items`, value, node);
    }
    const result = value.map((item, i) => this.visit(item, node.items, indexPath(path, i)));
    if (node.set) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) this.report(SchemaRules.DUPLICATE, indexPath(path, i), `Duplicate value: ${key}`, item, node);
        seen.add(key);
      });
    }
    return result;
  }

  private visitString(value: string, node: Extract<SchemaNode, { type: 'string' }>, path: string): void {
    if (node.enum && !node.enum.includes(value)) {
      const d = notSupported(path, value, node.enum, SchemaRules.ENUM, schemaFix(SchemaRules.ENUM, path, value, node));
      this.diagnostics.push(d);
    }
    if (node.maxLength !== undefined && Buffer.byteLength(value, 'utf8') > node.maxLength) {
      this.diagnostics.push(tooLong(path, node.maxLength, SchemaRules.MAX_LENGTH, schemaFix(SchemaRules.MAX_LENGTH, path, value, node)));
    }
    if (value.length < (node.minLength ?? 0)) {
      this.report(SchemaRules.MIN_LENGTH, path,
        `Invalid value: ${JSON.stringify(value)}: ${bodyPath(path)} in body should be at least ${node.minLength} chars long`, value, node);
    }
    if (node.pattern !== undefined && !new RegExp(node.pattern).test(value)) {
      this.report(SchemaRules.PATTERN, path,
        `Invalid value: ${JSON.stringify(value)}: ${bodyPath(path)} in body should match '${node.pattern}'`, value, node);
    }
  }

  private visitInteger(value: number, node: Extract<SchemaNode, { type: 'integer' }>, path: string): void {
    if (value < (node.minimum ?? Number.NEGATIVE_INFINITY)) {
      this.report(SchemaRules.MINIMUM, path,
        `Invalid value: ${value}: ${bodyPath(path)} in body should be greater than or equal to ${node.minimum}`, value, node);
    }
    if (value > (node.maximum ?? Infinity)) {
      this.report(SchemaRules.MAXIMUM, path,
        `Invalid value: ${value}: ${bodyPath(path)} in body should be less than or equal to ${node.maximum}`, value, node);
    }
  }

  private report(rule: string, path: string, message: string, value: unknown, node: SchemaNode | undefined, siblings: readonly string[] = []): void {
    this.diagnostics.push({ severity: Severity.ERROR, rule, fieldPath: path, message, fix: schemaFix(rule, path, value, node, siblings) });
  }
}

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return isJsonObject(value) ? 'object' : 'null';
}

function openApiType(node: SchemaNode): string {
  switch (node.type) {
    case 'stringMap':
    case 'anyObject':
    case 'object': return 'object';
    default: return node.type;
  }
}

/** The path as kube-openapi writes it inside a message (`spec.ingress[0].from`); the root is `body`-relative. */
function bodyPath(path: string): string {
  return path || '<root>';
}

