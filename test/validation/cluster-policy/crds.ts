import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Channel, ClusterPolicyKind } from '../../../src/validation/cluster-policy/crd-schemas';

/**
 * The upstream CRDs of the network-policy-api kinds, read at run time from ../shared/crds
 * (beside the checkout; never copied into the repository).
 */
export const CRDS_DIR = path.join(__dirname, '..', '..', '..', '..', 'shared', 'crds');

export const crdsPresent = fs.existsSync(CRDS_DIR);

const FILES: Record<ClusterPolicyKind, string> = {
  ClusterNetworkPolicy: 'v1alpha2/{channel}/policy.networking.k8s.io_clusternetworkpolicies.yaml',
  AdminNetworkPolicy: 'v1alpha1/{channel}/policy.networking.k8s.io_adminnetworkpolicies.yaml',
  BaselineAdminNetworkPolicy: 'v1alpha1/{channel}/policy.networking.k8s.io_baselineadminnetworkpolicies.yaml',
};

export const KINDS: ClusterPolicyKind[] = ['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'];
export const CHANNELS: Channel[] = ['standard', 'experimental'];

/** One CRD, as parsed. */
export function crdDocument(kind: ClusterPolicyKind, channel: Channel): any {
  return parse(fs.readFileSync(path.join(CRDS_DIR, FILES[kind].replace('{channel}', channel)), 'utf8'));
}

/** The `openAPIV3Schema` of one CRD. */
export function crdSchema(kind: ClusterPolicyKind, channel: Channel): any {
  return crdDocument(kind, channel).spec.versions[0].schema.openAPIV3Schema;
}

/** Logs once why the CRD tests are skipped. */
export function noteWhenAbsent(what: string): void {
  if (!crdsPresent) {
    // eslint-disable-next-line no-console
    console.log(`upstream CRDs not found at ${CRDS_DIR}: skipping ${what}`);
  }
}
