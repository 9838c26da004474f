import { LoadedObject, LoadProblem } from './loaded';
import { isKubernetesNetworkPolicy } from '../model/manifest';

/** Kinds the commands read; a kind that differs from one of these only in case is a typo. */
const KNOWN_KINDS = [
  'NetworkPolicy', 'Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet',
  'ReplicationController', 'Job', 'CronJob', 'Service', 'HorizontalPodAutoscaler', 'List',
  'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy',
];

/**
 * Problems with what an object is, found as it is read: a kind spelled in the wrong case (kubectl
 * refuses it, since kinds are case-sensitive, so nothing in it would be checked), and a plugin's
 * own NetworkPolicy resource (Calico, Antrea), which has other semantics and is not evaluated.
 */
export function kindProblems(o: LoadedObject): LoadProblem[] {
  const kind = o.object.kind;
  if (typeof kind !== 'string') return [];
  // Only when there is a problem: a List item's line is found by reading it again.
  const where = () => ({ file: o.source.file, line: o.source.line });
  const meant = KNOWN_KINDS.find((k) => k !== kind && k.toLowerCase() === kind.toLowerCase());
  if (meant) {
    return [{
      ...where(),
      message: `kind "${kind}" is not a Kubernetes kind (kinds are case-sensitive, and kubectl refuses it); did you mean "${meant}"? `
        + 'Nothing in this object was checked',
      fatal: true,
    }];
  }
  if (kind === 'NetworkPolicy' && !isKubernetesNetworkPolicy(o.object)) {
    return [{
      ...where(),
      message: `${String(o.object.apiVersion)} NetworkPolicy is a network plugin's own resource, not Kubernetes' `
        + 'networking.k8s.io/v1 NetworkPolicy: it is not evaluated, and results ignore it',
      fatal: false,
    }];
  }
  return [];
}
