import { findingsOf, policy, workload } from './cluster-fixture';

const web = workload('web', { app: 'web' }, { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] });
const metricsUdp = workload('stats', { app: 'stats' }, { ports: [{ name: 'metrics', port: 9125, protocol: 'UDP' }] });

function service(name: string, selector: Record<string, string>, port: number, targetPort: number | string) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'shop' },
    spec: { selector, ports: [{ port, targetPort }] },
  };
}

describe('named-port-not-declared', () => {
  test('fires when no selected pod declares the named ingress port', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'metrics' }] }] });
    const findings = findingsOf('named-port-not-declared', { policies: [p], workloads: [web] });
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.ingress[0].ports[0]');
    expect(findings[0].message).toContain('No selected pod declares a container port named "metrics"');
    expect(findings[0].message).toContain('shop/web[Deployment]');
  });

  test('fires when the destination declares the name with another protocol', () => {
    const p = policy('p', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'stats' } } }], ports: [{ port: 'metrics' }] }],
    });
    const [finding] = findingsOf('named-port-not-declared', { policies: [p], workloads: [web, metricsUdp] });
    expect(finding.message).toContain('is TCP in this rule');
    expect(finding.message).toContain('as UDP');
    expect(finding.fix).toContain('protocol: UDP');
  });

  test('fires for a named port towards ipBlock peers only, even without workloads', () => {
    const p = policy('p', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 'https' }] }],
    });
    const [finding] = findingsOf('named-port-not-declared', { policies: [p] });
    expect(finding.message).toContain('IP addresses have no named ports');
  });

  test('stays silent when a selected pod declares the name with the same protocol', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'http' }] }] });
    expect(findingsOf('named-port-not-declared', { policies: [p], workloads: [web] })).toEqual([]);
  });

  test('stays silent without workloads (nothing to check against)', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'metrics' }] }] });
    expect(findingsOf('named-port-not-declared', { policies: [p] })).toEqual([]);
  });
});

describe('service-port-not-target-port', () => {
  test('fires for the Service port when the pods listen on another targetPort', () => {
    // GIVEN a Service 80 -> 8080 in front of web, and a policy on port 80
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] });

    // WHEN
    const findings = findingsOf('service-port-not-target-port', {
      policies: [p], workloads: [web], manifests: [service('web', { app: 'web' }, 80, 8080)],
    });

    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0].fieldPath).toBe('spec.ingress[0].ports[0]');
    expect(findings[0].message).toContain('TCP port 80 is the port of Service shop/web');
    expect(findings[0].message).toContain('targetPort 8080');
    expect(findings[0].fix).toBe('Use the pods\' port (targetPort 8080) instead of the Service port 80.');
  });

  test('resolves a named targetPort on the pods', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] });
    const [finding] = findingsOf('service-port-not-target-port', {
      policies: [p], workloads: [web], manifests: [service('web', { app: 'web' }, 80, 'http')],
    });
    expect(finding.message).toContain('targetPort "http" (8080)');
  });

  test('applies to egress rules towards the Service\'s pods', () => {
    const client = workload('client', { app: 'client' });
    const p = policy('p', {
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    const findings = findingsOf('service-port-not-target-port', {
      policies: [p], workloads: [web, client], manifests: [service('web', { app: 'web' }, 80, 8080)],
    });
    expect(findings.map((f) => f.fieldPath)).toEqual(['spec.egress[0].ports[0]']);
  });

  test('stays silent when the rule uses the targetPort', () => {
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 8080 }] }] });
    expect(findingsOf('service-port-not-target-port', {
      policies: [p], workloads: [web], manifests: [service('web', { app: 'web' }, 80, 8080)],
    })).toEqual([]);
  });

  test('stays silent when a container declares the Service port too', () => {
    const both = workload('web', { app: 'web' }, { ports: [{ port: 8080, protocol: 'TCP' }, { port: 80, protocol: 'TCP' }] });
    const p = policy('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 80 }] }] });
    expect(findingsOf('service-port-not-target-port', {
      policies: [p], workloads: [both], manifests: [service('web', { app: 'web' }, 80, 8080)],
    })).toEqual([]);
  });
});
