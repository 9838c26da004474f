import { Testing } from 'cdk8s';
import { chartIn, policyNamed } from './synth-helpers';
import { AllowDnsEgress, Pods } from '../../src';

const kubeDns = {
  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
};
const dnsPorts = [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];

describe('AllowDnsEgress', () => {
  test('by default every pod may reach kube-dns pods in kube-system on UDP and TCP 53, as ONE peer', () => {
    // GIVEN
    const chart = chartIn('shop');
    // WHEN
    new AllowDnsEgress(chart, 'dns');
    // THEN
    expect(policyNamed(chart, 'dns').spec).toEqual({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [kubeDns], ports: dnsPorts }] });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('the DNS namespace and labels can be overridden', () => {
    const chart = chartIn('shop');
    new AllowDnsEgress(chart, 'dns', { dnsNamespace: 'dns-system', dnsPodLabels: { app: 'coredns' }, pods: Pods.labelled({ app: 'web' }) });
    const spec = policyNamed(chart, 'dns').spec!;
    expect(spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
    expect(spec.egress![0].to).toEqual([{
      podSelector: { matchLabels: { app: 'coredns' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns-system' } },
    }]);
  });

  test('NodeLocal DNSCache adds its link-local address, by default 169.254.20.10/32', () => {
    const chart = chartIn('shop');
    new AllowDnsEgress(chart, 'dns', { nodeLocalDns: true });
    new AllowDnsEgress(chart, 'dns2', { nodeLocalDns: true, nodeLocalDnsCidr: '169.254.25.10/32' });
    expect(policyNamed(chart, 'dns').spec!.egress![0].to).toEqual([kubeDns, { ipBlock: { cidr: '169.254.20.10/32' } }]);
    expect(policyNamed(chart, 'dns2').spec!.egress![0].to).toEqual([kubeDns, { ipBlock: { cidr: '169.254.25.10/32' } }]);
  });

  test('custom DNS addresses can replace the cluster DNS', () => {
    const chart = chartIn('shop');
    new AllowDnsEgress(chart, 'dns', { clusterDns: false, dnsCidrs: ['10.0.0.2/32', 'fd00::53/128'] });
    expect(policyNamed(chart, 'dns').spec!.egress).toEqual([{
      to: [{ ipBlock: { cidr: '10.0.0.2/32' } }, { ipBlock: { cidr: 'fd00::53/128' } }],
      ports: dnsPorts,
    }]);
  });

  test('turning every DNS server off is refused instead of allowing DNS anywhere', () => {
    const chart = chartIn('shop');
    expect(() => new AllowDnsEgress(chart, 'dns', { clusterDns: false })).toThrow(/clusterDns is false and no other DNS server is given/);
  });

  test('bad DNS addresses are refused eagerly', () => {
    const chart = chartIn('shop');
    expect(() => new AllowDnsEgress(chart, 'dns', { dnsCidrs: ['10.0.0.2'] })).toThrow(/Did you mean "10.0.0.2\/32"\?/);
  });
});
