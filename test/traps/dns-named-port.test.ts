/**
 * Trap: `egress-without-dns` stayed silent when DNS egress was allowed only on a named port
 * that no DNS pod declares: any port name containing "dns" counted. A named port resolves on
 * the destination pod, so it now counts only when a DNS pod the rule reaches declares it.
 */
import { findingsOf, policy, workload } from '../lint/cluster-fixture';

const coredns = workload('coredns', { 'k8s-app': 'kube-dns' }, {
  namespace: 'kube-system',
  ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }],
});
const web = workload('web', { app: 'web' });
const dnsRule = (udpName: string, tcpName: string) => ({
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ protocol: 'UDP', port: udpName }, { protocol: 'TCP', port: tcpName }],
});
const isolating = (udpName: string, tcpName: string) =>
  policy('web-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [dnsRule(udpName, tcpName)] });

test('trap: egress-without-dns fires when DNS is allowed only on a named port that no DNS pod has', () => {
  const findings = findingsOf('egress-without-dns', { policies: [isolating('dns-udp', 'dns-tcp')], workloads: [coredns, web] });
  expect(findings).toHaveLength(1);
  expect(findings[0].message).toContain('only TCP 53 is allowed: UDP 53, which most lookups use, is blocked');
});

test('stays silent when the DNS pods declare the named ports', () => {
  expect(findingsOf('egress-without-dns', { policies: [isolating('dns', 'dns-tcp')], workloads: [coredns, web] })).toEqual([]);
});

test('counts a named port only on the DNS pods the rule reaches', () => {
  const elsewhere = policy('web-egress', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'UDP', port: 'dns' }, { protocol: 'TCP', port: 'dns-tcp' }] }],
  });
  expect(findingsOf('egress-without-dns', { policies: [elsewhere], workloads: [coredns, web] })).toHaveLength(1);
});

test('without DNS pods in the input, the names the cluster DNS declares by default still count', () => {
  expect(findingsOf('egress-without-dns', { policies: [isolating('dns', 'dns-tcp')] })).toEqual([]);
});
