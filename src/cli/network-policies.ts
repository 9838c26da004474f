import { LoadedObject } from './load';
import { isKubernetesNetworkPolicy } from '../model/manifest';

/**
 * Whether a loaded object is Kubernetes' NetworkPolicy (validation reports a wrong version of
 * it); a plugin's resource of the same kind name (Calico, Antrea) is not.
 */
export function isNetworkPolicy(o: LoadedObject): boolean {
  return isKubernetesNetworkPolicy(o.object);
}

/** `namespace/name` of an object for messages; the namespace defaults like kubectl's. */
export function objectName(o: LoadedObject): string {
  const meta = (o.object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : '<unnamed>';
  return `${ns}/${name}`;
}
