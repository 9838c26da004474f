import * as fc from 'fast-check';
import { lintCluster } from '../../src/lint/lint-cluster';
import { Cluster } from '../../src/model/cluster';
import { NetworkPolicyManifest } from '../../src/model/manifest';
import { propertyRuns } from '../property-runs';

// Anything a YAML file can hold, placed where a NetworkPolicy's fields go.
const value = fc.jsonValue({ maxDepth: 3 });
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'k8s-app'), fc.constantFrom('web', 'api', 'kube-dns'), { maxKeys: 2 });
const selector = fc.oneof(value, fc.record({
  matchLabels: fc.oneof(value, labels),
  matchExpressions: fc.oneof(value, fc.array(fc.record({ key: fc.oneof(value, fc.constant('app')), operator: fc.oneof(value, fc.constantFrom('In', 'NotIn', 'Exists')), values: value }, { requiredKeys: [] }))),
}, { requiredKeys: [] }));
const peer = fc.oneof(value, fc.record({
  podSelector: selector,
  namespaceSelector: selector,
  ipBlock: fc.oneof(value, fc.record({ cidr: fc.oneof(value, fc.constantFrom('10.0.0.0/8', '10.1.0.0/16')), except: value }, { requiredKeys: [] })),
}, { requiredKeys: [] }));
const port = fc.oneof(value, fc.record({ port: fc.oneof(value, fc.constantFrom(53, 80, 'http')), endPort: value, protocol: fc.oneof(value, fc.constantFrom('TCP', 'UDP')) }, { requiredKeys: [] }));
const rule = fc.oneof(value, fc.record({
  from: fc.oneof(value, fc.array(peer)),
  to: fc.oneof(value, fc.array(peer)),
  ports: fc.oneof(value, fc.array(port)),
}, { requiredKeys: [] }));
const manifest = fc.record({
  kind: fc.constant('NetworkPolicy'),
  metadata: fc.oneof(value, fc.record({ name: fc.constantFrom('a', 'b'), namespace: fc.constantFrom('shop', 'other'), annotations: value }, { requiredKeys: [] })),
  spec: fc.oneof(value, fc.record({ podSelector: selector, policyTypes: fc.oneof(value, fc.constant(['Egress'])), ingress: fc.oneof(value, fc.array(rule)), egress: fc.oneof(value, fc.array(rule)) }, { requiredKeys: [] })),
}, { requiredKeys: ['kind'] });

describe('lintCluster on malformed policies', () => {
  test('never throws, and every finding names a rule, an object and a message', () => {
    fc.assert(fc.property(fc.array(manifest, { maxLength: 3 }), labels, (policies, podLabels) => {
      const cluster = new Cluster();
      cluster.addWorkload({ namespace: 'shop', name: 'web', labels: podLabels, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], podIps: ['10.1.2.3'] });
      policies.forEach((p) => cluster.addPolicy(p as unknown as NetworkPolicyManifest));
      const findings = lintCluster(cluster, [{ kind: 'Service', metadata: { name: 's', namespace: 'shop' }, spec: { selector: podLabels, clusterIP: '10.0.0.1', ports: [{ port: 80, targetPort: 8080 }] } }]);
      return findings.every((f) => f.rule.length > 0 && f.name !== undefined && f.message.length > 0);
    }), { numRuns: propertyRuns(500) });
  });
});
