import { Findings, readArray, readObject, readString, readStringItem, readStringMap } from './decode';
import { labelKeyFix, labelValueFix, namespaceFix, objectNameFix } from './fixes';
import { invalid, required, tooLong } from './issues';
import { labelKeyErrors, labelValueErrors } from './labels';
import { dns1123LabelErrors, objectNameErrors } from './names';
import { Rules } from './rules';

/** Every field of `ObjectMeta`; only the ones NetworkPolicy validation cares about are checked. */
const OBJECT_META_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
];

/** `TotalAnnotationSizeLimitB`: keys plus values of all annotations, in bytes. */
const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;


/**
 * `ValidateObjectMeta` for a namespaced object (docs/semantics.md#validation). A missing namespace is not an
 * error here: in a file it is filled in by the client from its context.
 */
export function validateObjectMeta(findings: Findings, value: unknown, kind = 'NetworkPolicy'): void {
  const meta = readObject(findings, { path: 'metadata', owner: kind }, value, 'v1.ObjectMeta', OBJECT_META_FIELDS) ?? {};
  const owner = 'ObjectMeta';

  const generateName = readString(findings, { path: 'metadata.generateName', owner }, meta.generateName) ?? '';
  if (generateName) {
    for (const msg of objectNameErrors(generateName, true)) {
      findings.add(invalid('metadata.generateName', generateName, msg, Rules.METADATA_GENERATE_NAME, objectNameFix(generateName)));
    }
  }

  const nameIsString = meta.name === undefined || meta.name === null || typeof meta.name === 'string';
  const name = readString(findings, { path: 'metadata.name', owner }, meta.name) ?? '';
  if (nameIsString && !name && !generateName) {
    findings.add(required('metadata.name', 'name or generateName is required', Rules.METADATA_NAME_REQUIRED,
      'set metadata.name, e.g. name: allow-web'));
  } else if (name) {
    for (const msg of objectNameErrors(name, false)) {
      findings.add(invalid('metadata.name', name, msg, Rules.METADATA_NAME, objectNameFix(name)));
    }
  }

  const namespace = readString(findings, { path: 'metadata.namespace', owner }, meta.namespace) ?? '';
  if (namespace) {
    for (const msg of dns1123LabelErrors(namespace)) {
      findings.add(invalid('metadata.namespace', namespace, msg, Rules.METADATA_NAMESPACE, namespaceFix(namespace)));
    }
  }

  const labels = readStringMap(findings, { path: 'metadata.labels', owner }, meta.labels);
  for (const [key, labelValue] of labels ?? []) {
    for (const msg of labelKeyErrors(key)) {
      findings.add(invalid('metadata.labels', key, msg, Rules.METADATA_LABEL_KEY, labelKeyFix(key)));
    }
    for (const msg of labelValueErrors(labelValue)) {
      findings.add(invalid('metadata.labels', labelValue, msg, Rules.METADATA_LABEL_VALUE, labelValueFix(labelValue)));
    }
  }

  validateFinalizers(findings, meta.finalizers);

  const annotations = readStringMap(findings, { path: 'metadata.annotations', owner }, meta.annotations);
  let annotationBytes = 0;
  for (const [key, annotationValue] of annotations ?? []) {
    // Annotation keys are case-insensitive: the server lower-cases them before the key rule.
    for (const msg of labelKeyErrors(key.toLowerCase())) {
      findings.add(invalid('metadata.annotations', key, msg, Rules.METADATA_ANNOTATION_KEY, labelKeyFix(key)));
    }
    annotationBytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(annotationValue, 'utf8');
  }
  if (annotationBytes > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
    findings.add(tooLong('metadata.annotations', TOTAL_ANNOTATION_SIZE_LIMIT_BYTES, Rules.METADATA_ANNOTATIONS_SIZE,
      `shorten or remove annotations: they total ${annotationBytes} bytes`));
  }
}

/** `ValidateFinalizers`: each a qualified name; `orphan` and `foregroundDeletion` exclude each other. */
function validateFinalizers(findings: Findings, value: unknown): void {
  const owner = 'ObjectMeta';
  const finalizers = readArray(findings, { path: 'metadata.finalizers', owner }, value, '[]string') ?? [];
  const names: string[] = [];
  finalizers.forEach((item, i) => {
    const finalizer = readStringItem(findings, { path: `metadata.finalizers[${i}]`, owner }, item);
    if (finalizer === undefined) return;
    names.push(finalizer);
    for (const msg of labelKeyErrors(finalizer)) {
      findings.add(invalid('metadata.finalizers', finalizer, msg, Rules.METADATA_FINALIZER, labelKeyFix(finalizer)));
    }
  });
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    findings.add(invalid('metadata.finalizers', names, 'finalizer orphan and foregroundDeletion cannot be both set', Rules.METADATA_FINALIZER,
      'keep one of orphan (leave dependents) and foregroundDeletion (delete them first)'));
  }
}
