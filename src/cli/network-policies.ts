import { LoadedObject } from './load';

/** Whether a loaded object is a NetworkPolicy (any apiVersion: validation reports a wrong one). */
export function isNetworkPolicy(o: LoadedObject): boolean {
  return o.object.kind === 'NetworkPolicy';
}

/** `namespace/name` of an object for messages; the namespace defaults like kubectl's. */
export function objectName(o: LoadedObject): string {
  const meta = (o.object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : '<unnamed>';
  return `${ns}/${name}`;
}
