import { findingsOf, policy, workload } from './cluster-fixture';
import { Evaluator } from '../../src/eval/evaluator';
import { Cluster } from '../../src/model/cluster';

const web = workload('web', { app: 'web' }, { podIps: ['10.244.1.5'] });
const prometheus = { namespace: 'monitoring', name: 'prometheus', kind: 'StatefulSet', labels: { app: 'prometheus' } };

describe('mixed-namespace-and-pod-peers', () => {
  test('fires for a namespace-only peer next to a pod-only peer in one rule', () => {
    // GIVEN the classic one-dash slip: two list items instead of one
    const p = policy('p', {
      podSelector: {},
      ingress: [{
        from: [
          { namespaceSelector: { matchLabels: { team: 'ops' } } },
          { podSelector: { matchLabels: { app: 'prometheus' } } },
        ],
      }],
    });

    // WHEN
    const findings = findingsOf('mixed-namespace-and-pod-peers', { policies: [p] });

    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.ingress[0].from');
    expect(findings[0].message).toBe(
      'from[0] allows every pod in namespaces where team=ops, and separately from[1] allows pods where app=prometheus, '
      + 'in namespace "shop" (the policy\'s own). Separate list items are ORed, so this does not mean '
      + '"pods where app=prometheus, in namespaces where team=ops".');
    expect(findings[0].fix).toContain('ONE list item');
  });

  test('stays silent for one peer with both selectors (the AND)', () => {
    const p = policy('p', {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }],
    });
    expect(findingsOf('mixed-namespace-and-pod-peers', { policies: [p] })).toEqual([]);
  });

  test('stays silent for two pod-only peers', () => {
    const p = policy('p', {
      podSelector: {},
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }, { podSelector: { matchLabels: { app: 'b' } } }] }],
    });
    expect(findingsOf('mixed-namespace-and-pod-peers', { policies: [p] })).toEqual([]);
  });
});

describe('peer-matches-nothing', () => {
  test('fires for a pod-only peer whose pods live in another namespace', () => {
    // GIVEN prometheus runs in monitoring, but the peer has no namespaceSelector
    const p = policy('p', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }] }],
    });
    const findings = findingsOf('peer-matches-nothing', { policies: [p], workloads: [web, prometheus] });
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.ingress[0].from[0]');
    expect(findings[0].message).toContain('matches no known workload');
  });

  test('fires for a self-contradictory selector even without workloads', () => {
    const p = policy('p', {
      podSelector: {},
      ingress: [{
        from: [{
          podSelector: {
            matchLabels: { app: 'web' },
            matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }],
          },
        }],
      }],
    });
    const [finding] = findingsOf('peer-matches-nothing', { policies: [p] });
    expect(finding.message).toContain('no value of label "app" satisfies all its requirements');
  });

  test('stays silent when the peer matches a workload in a selected namespace', () => {
    const p = policy('p', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }],
    });
    expect(findingsOf('peer-matches-nothing', { policies: [p], workloads: [web, prometheus] })).toEqual([]);
  });

  test('stays silent without workloads (nothing known to match)', () => {
    const p = policy('p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'ghost' } } }] }] });
    expect(findingsOf('peer-matches-nothing', { policies: [p] })).toEqual([]);
  });
});

describe('ipblock-covers-cluster-ips', () => {
  const serviceWithIp = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { clusterIP: '10.96.12.7', selector: { app: 'api' }, ports: [{ port: 80 }] },
  };

  test('fires for an ipBlock that covers a pod IP and a Service ClusterIP', () => {
    const p = policy('p', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
    });
    const findings = findingsOf('ipblock-covers-cluster-ips', { policies: [p], workloads: [web], manifests: [serviceWithIp] });
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.egress[0].to[0].ipBlock');
    expect(findings[0].message).toContain('Service shop/api (10.96.12.7)');
    expect(findings[0].message).toContain('pod IP 10.244.1.5 of shop/web[Deployment]');
  });

  test('stays silent when except entries carve the cluster ranges out', () => {
    const p = policy('p', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12', '10.244.0.0/16'] } }] }],
    });
    expect(findingsOf('ipblock-covers-cluster-ips', { policies: [p], workloads: [web], manifests: [serviceWithIp] })).toEqual([]);
  });

  test('stays silent for an ipBlock outside the cluster ranges', () => {
    const p = policy('p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }] });
    expect(findingsOf('ipblock-covers-cluster-ips', { policies: [p], workloads: [web], manifests: [serviceWithIp] })).toEqual([]);
  });
});

describe('peer-matches-nothing outside the input', () => {
  test('stays silent for a peer in a namespace whose workloads the input does not show', () => {
    const p = policy('p', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] }],
    });
    expect(findingsOf('peer-matches-nothing', { policies: [p], workloads: [web] })).toEqual([]);
  });
});

describe('peer-matches-nothing with namespaceSelector {}', () => {
  test('stays silent: every namespace includes namespaces the input does not show', () => {
    const p = policy('p', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] }],
    });
    expect(findingsOf('peer-matches-nothing', { policies: [p], workloads: [web] })).toEqual([]);
  });
});

describe('ipblock-covers-cluster-ips reads addresses as the evaluator does', () => {
  test('an IPv4-mapped IPv6 pod IP (::ffff:10.0.0.1) lies in 10.0.0.0/8 for the lint and for the evaluator alike', () => {
    const mapped = workload('mapped', { app: 'mapped' }, { podIps: ['::ffff:10.0.0.1'] });
    const client = workload('client', { app: 'client' });
    const p = policy('p', {
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
    });
    const findings = findingsOf('ipblock-covers-cluster-ips', { policies: [p], workloads: [client, mapped] });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('pod IP ::ffff:10.0.0.1');

    const cluster = new Cluster();
    cluster.addWorkload(client);
    cluster.addWorkload(mapped);
    cluster.addPolicy(p);
    const verdict = new Evaluator(cluster).verdict({ source: { workload: 'shop/client' }, destination: { workload: 'shop/mapped' }, protocol: 'TCP', port: 80 });
    expect(verdict.egress.allowed).toBe(true);
  });
});
