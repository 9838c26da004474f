import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { editedObjects, validObjects } from './corpus';
import { CHANNELS, crdDocument, crdSchema, crdsPresent, KINDS, noteWhenAbsent } from './crds';
import { Channel, CLUSTER_POLICY_KINDS, ClusterPolicyKind, schemaOf } from '../../../src/validation/cluster-policy/crd-schemas';
import { SchemaNode } from '../../../src/validation/cluster-policy/schema';
import { SchemaRules } from '../../../src/validation/cluster-policy/schema-check';
import { validateClusterPolicy } from '../../../src/validation/cluster-policy/validate';

/**
 * Our validator against the upstream CRDs in ../shared/crds: the schema we encode equals the
 * CRD's openAPIV3Schema and CEL rules, and on a corpus of valid and invalid objects our schema
 * findings are exactly those of a JSON-schema validator (ajv) run on the CRD's schema.
 */
noteWhenAbsent('the CRD agreement tests');
const describeWithCrds = crdsPresent ? describe : describe.skip;

/** Edited objects per kind and channel. */
const EDITED_PER_SCHEMA = 250;

// --- the schema itself

/** The validation-relevant part of a CRD schema node (descriptions and atomic list/map types dropped). */
function normalizeCrd(s: any): any {
  const out: any = { type: s.type };
  if (s.additionalProperties) out.additionalProperties = s.additionalProperties.type;
  if (s.required) out.required = [...s.required].sort();
  for (const k of ['enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'default']) {
    if (s[k] !== undefined) out[k] = s[k];
  }
  if (s.type === 'integer') out.format = s.format;
  if (s['x-kubernetes-list-type'] === 'set') out.set = true;
  if (s['x-kubernetes-validations']) out.cel = s['x-kubernetes-validations'].map((v: any) => ({ rule: v.rule, message: v.message }));
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, normalizeCrd(v)]));
  if (s.items) out.items = normalizeCrd(s.items);
  return out;
}

/** Our schema node in the same form. */
function normalizeOurs(n: SchemaNode): any {
  const out: any = {};
  switch (n.type) {
    case 'object':
      Object.assign(out, {
        type: 'object',
        required: n.required ? [...n.required].sort() : undefined,
        minProperties: n.minProperties,
        maxProperties: n.maxProperties,
        properties: Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, normalizeOurs(v)])),
      });
      break;
    case 'stringMap': Object.assign(out, { type: 'object', additionalProperties: 'string' }); break;
    case 'anyObject': Object.assign(out, { type: 'object' }); break;
    case 'array': Object.assign(out, { type: 'array', minItems: n.minItems, maxItems: n.maxItems, set: n.set || undefined, items: normalizeOurs(n.items) }); break;
    case 'string':
      Object.assign(out, { type: 'string', enum: n.enum, minLength: n.minLength, maxLength: n.maxLength, pattern: n.pattern, default: n.default });
      break;
    case 'integer': Object.assign(out, { type: 'integer', format: n.format, minimum: n.minimum, maximum: n.maximum }); break;
  }
  if (n.cel) out.cel = n.cel.map((c) => ({ rule: c.rule, message: c.message }));
  return JSON.parse(JSON.stringify(out));
}

// --- the JSON-schema second opinion

/**
 * The CRD schema as a JSON schema for strict decoding: objects with properties reject unknown
 * ones, and `x-kubernetes-list-type: set` becomes `uniqueItems`.
 */
function asStrictJsonSchema(s: any): any {
  if (Array.isArray(s)) return s.map(asStrictJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out: any = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'description' || k.startsWith('x-kubernetes-')) continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, c]) => [p, asStrictJsonSchema(c)])) : asStrictJsonSchema(v);
  }
  if (s.properties && s.additionalProperties === undefined) out.additionalProperties = false;
  if (s['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  return out;
}

const KEYWORD_OF_RULE: Record<string, string> = {
  [SchemaRules.TYPE]: 'type',
  [SchemaRules.REQUIRED]: 'required',
  [SchemaRules.ENUM]: 'enum',
  [SchemaRules.MIN_LENGTH]: 'minLength',
  [SchemaRules.MAX_LENGTH]: 'maxLength',
  [SchemaRules.PATTERN]: 'pattern',
  [SchemaRules.MINIMUM]: 'minimum',
  [SchemaRules.MAXIMUM]: 'maximum',
  [SchemaRules.MIN_ITEMS]: 'minItems',
  [SchemaRules.MAX_ITEMS]: 'maxItems',
  [SchemaRules.MIN_PROPERTIES]: 'minProperties',
  [SchemaRules.MAX_PROPERTIES]: 'maxProperties',
  [SchemaRules.DUPLICATE]: 'uniqueItems',
  [SchemaRules.UNKNOWN_FIELD]: 'additionalProperties',
};

/** `spec.ingress[0].from` → `/spec/ingress/0/from` */
function pointer(fieldPath: string): string {
  return fieldPath === '' ? '' : `/${fieldPath.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`;
}

/** Findings as `pointer keyword`; at a path with a type error, only the type error counts (validators differ in what else they say). */
function findingSet(findings: { at: string; keyword: string }[]): string[] {
  const typeErrors = new Set(findings.filter((f) => f.keyword === 'type').map((f) => f.at));
  const kept = findings.filter((f) => f.keyword === 'type' || ![...typeErrors].some((t) => f.at === t || f.at.startsWith(`${t}/`)));
  return [...new Set(kept.map((f) => `${f.at} ${f.keyword}`))].sort();
}

function ourFindings(object: unknown, channel: Channel): string[] {
  const found = validateClusterPolicy(object, { channel })
    .filter((d) => KEYWORD_OF_RULE[d.rule] !== undefined && !d.fieldPath.startsWith('metadata.'))
    .map((d) => ({
      // A duplicate is reported on the repeated item by the API server, on the list by JSON schema.
      at: d.rule === SchemaRules.DUPLICATE ? pointer(d.fieldPath.replace(/\[\d+\]$/, '')) : pointer(d.fieldPath),
      keyword: KEYWORD_OF_RULE[d.rule],
    }));
  return findingSet(found);
}

type Compiled = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * A JSON-schema validator's findings, in the API server's order of work: unknown fields are
 * reported on the object as written, then pruned (ajv's `removeAdditional`, a first pass whose
 * errors are ignored), and the pruned object is validated. Without pruning, a JSON-schema
 * validator would also count an unknown field towards a one-of's `minProperties`.
 */
function ajvFindings(strict: Compiled, pruning: Compiled, object: unknown): string[] {
  // ajv fills in defaults (the v1alpha1 protocol: TCP) as the API server's defaulting does; it works on copies.
  const raw = JSON.parse(JSON.stringify(object));
  strict(raw);
  const unknown = (strict.errors ?? []).filter((e) => e.keyword === 'additionalProperties');
  const pruned = JSON.parse(JSON.stringify(object));
  pruning(pruned);
  pruning(pruned);
  const rest = (pruning.errors ?? []).filter((e) => e.keyword !== 'additionalProperties');
  return findingSet([...unknown, ...rest].map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    if (e.keyword === 'required') return { at: `${e.instancePath}/${params.missingProperty}`, keyword: 'required' };
    if (e.keyword === 'additionalProperties') return { at: `${e.instancePath}/${params.additionalProperty}`, keyword: 'additionalProperties' };
    return { at: e.instancePath, keyword: e.keyword };
  }));
}

/** The cluster-scoped objects of netpol-analyzer's ANP/BANP test corpus, if present. */
function oracleObjects(): any[] {
  const dir = path.join(__dirname, '..', '..', '..', '..', 'shared', 'oracle', 'netpol-analyzer-anp', 'tests');
  if (!fs.existsSync(dir)) return [];
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
  const objects: any[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      const value = document.errors.length === 0 ? document.toJS() : undefined;
      const items = value && Array.isArray(value.items) ? value.items : [value];
      objects.push(...items.filter((o: any) => KINDS.includes(o?.kind)));
    }
  }
  return objects;
}

const counts = { valid: 0, invalid: 0, rejected: 0, oracle: 0 };
const keywords = new Set<string>();

describeWithCrds('cluster policy validation agrees with the upstream CRDs', () => {
  describe.each(KINDS)('%s', (kind: ClusterPolicyKind) => {
    describe.each(CHANNELS)('%s channel', (channel: Channel) => {
      const crd = crdsPresent ? crdSchema(kind, channel) : {};
      const options = { allErrors: true, strict: false, validateFormats: false, useDefaults: true };
      const schema = crdsPresent ? asStrictJsonSchema(crd) : {};
      const strict = new Ajv(options).compile(schema);
      const pruning = new Ajv({ ...options, removeAdditional: true }).compile(schema);
      const secondOpinion = (o: unknown) => ajvFindings(strict, pruning, o);

      test('the kind, its version and its scope are the CRD\'s', () => {
        const crdFile = crdsPresent ? crdDocument(kind, channel) : undefined;
        const known = CLUSTER_POLICY_KINDS.find((k) => k.kind === kind)!;
        expect(`${crdFile?.spec.group}/${crdFile?.spec.versions[0].name}`).toBe(known.apiVersion);
        expect([crdFile?.spec.names.kind, crdFile?.spec.scope, crdFile?.metadata.annotations['policy.networking.k8s.io/channel']]).toEqual([kind, 'Cluster', channel]);
      });

      test('our schema is the CRD schema: types, bounds, enums, patterns, defaults, sets and CEL rules', () => {
        expect(normalizeOurs(schemaOf(kind, channel))).toEqual(normalizeCrd(crd));
      });

      test('valid objects: no finding from either validator, and no CEL error', () => {
        for (const object of validObjects(kind, channel)) {
          expect(secondOpinion(object)).toEqual([]);
          expect(validateClusterPolicy(object, { channel }).filter((d) => d.severity === 'error')).toEqual([]);
          counts.valid++;
        }
      });

      test(`${EDITED_PER_SCHEMA} edited objects: the same findings, path and keyword, as the JSON-schema validator`, () => {
        const objects = editedObjects(kind, channel, EDITED_PER_SCHEMA, 10 + KINDS.indexOf(kind) * 2 + CHANNELS.indexOf(channel));
        let rejected = 0;
        for (const object of objects) {
          const theirs = secondOpinion(object);
          expect({ object, findings: ourFindings(object, channel) }).toEqual({ object, findings: theirs });
          if (theirs.length > 0) rejected++;
          theirs.forEach((f) => keywords.add(f.split(' ')[1]));
          counts.invalid++;
        }
        // The corpus must exercise the rejecting side, not only valid edits.
        expect(rejected).toBeGreaterThan(EDITED_PER_SCHEMA / 2);
        counts.rejected += rejected;
      });

      test('netpol-analyzer\'s ANP/BANP corpus: the same findings', () => {
        const objects = oracleObjects().filter((o) => o.kind === kind);
        for (const object of objects) {
          const name = object.metadata?.name;
          expect({ name, findings: ourFindings(object, channel) }).toEqual({ name, findings: secondOpinion(object) });
          counts.oracle++;
        }
      });
    });
  });

  test('the edited corpus reaches every keyword the schemas use', () => {
    // Runs last (jest keeps the order): the keywords were collected by the tests above.
    expect([...keywords].sort()).toEqual(Object.values(KEYWORD_OF_RULE).filter((k) => k !== 'minLength').sort());
  });

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`cluster policy corpus (all kinds and channels): ${counts.valid} valid, ${counts.invalid} edited (${counts.rejected} rejected), `
      + `${counts.oracle} checks of netpol-analyzer's objects; keywords seen: ${[...keywords].sort().join(', ')}`);
  });
});
