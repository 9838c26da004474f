/**
 * The parts of a CRD's structural schema (OpenAPI v3 plus the Kubernetes extensions) that the
 * cluster-scoped policy kinds use, written out as data, so that one walker can check an object
 * the way the API server's schema step does (types, required fields, enums, bounds, patterns,
 * list sets) and hand the CEL rules it meets to the caller.
 */

/** A CEL rule (`x-kubernetes-validations`) of a schema node, implemented in TypeScript. */
export interface CelRule {
  /** The rule's id in the spec (`C2-1`), used as the diagnostic's rule id. */
  readonly id: string;
  /** The rule text, for documentation and tests. */
  readonly rule: string;
  /** The message the API server prints when the rule does not hold. */
  readonly message: string;
  /** Whether the rule holds for the (schema-valid) value of the node. */
  readonly holds: (value: any) => boolean;
}

interface NodeBase {
  /** CEL rules on this node; they run only when the whole object has no blocking schema error. */
  readonly cel?: readonly CelRule[];
}

export interface ObjectNode extends NodeBase {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

/** `type: object` with `additionalProperties: {type: string}` (label maps). */
export interface StringMapNode extends NodeBase {
  readonly type: 'stringMap';
}

/** `type: object` with no properties: the object metadata, checked by the ObjectMeta rules instead. */
export interface AnyObjectNode extends NodeBase {
  readonly type: 'anyObject';
}

export interface ArrayNode extends NodeBase {
  readonly type: 'array';
  readonly items: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** `x-kubernetes-list-type: set`: duplicates are rejected. */
  readonly set?: boolean;
}

export interface StringNode extends NodeBase {
  readonly type: 'string';
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  /** Filled in by the defaulting step when the field is absent. */
  readonly default?: string;
}

export interface IntegerNode extends NodeBase {
  readonly type: 'integer';
  readonly format: 'int32' | 'int64';
  readonly minimum?: number;
  readonly maximum?: number;
}

export type SchemaNode = ObjectNode | StringMapNode | AnyObjectNode | ArrayNode | StringNode | IntegerNode;
