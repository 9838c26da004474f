import { normalizePolicy } from '../../src/model/normalize';

const normalize = (spec: any) => normalizePolicy({ metadata: { name: 'p', namespace: 'ns' }, spec }, 'ns', 'p');

describe('normalizePolicy (API-server defaulting, docs/semantics.md A.0)', () => {
  test('policyTypes default to [Ingress] without egress rules', () => {
    for (const spec of [{}, { egress: [] }, { egress: null }, { policyTypes: [] }]) {
      const n = normalize(spec);
      expect([n.isolatesIngress, n.isolatesEgress]).toEqual([true, false]);
    }
  });

  test('policyTypes default to [Ingress, Egress] with at least one egress rule', () => {
    const n = normalize({ egress: [{}] });
    expect([n.isolatesIngress, n.isolatesEgress]).toEqual([true, true]);
  });

  test('explicit policyTypes are kept and rules of unlisted directions are dropped', () => {
    const n = normalize({ policyTypes: ['Egress'], ingress: [{}], egress: [{}] });
    expect([n.isolatesIngress, n.isolatesEgress]).toEqual([false, true]);
    expect(n.ingress).toEqual([]);
    expect(n.egress).toEqual([{ index: 0 }]);
  });

  test('a missing or null podSelector becomes the empty selector', () => {
    expect(normalize({}).podSelector).toEqual({});
    expect(normalize({ podSelector: null }).podSelector).toEqual({});
  });

  test('empty and missing peers and ports both mean "all" (no list)', () => {
    const n = normalize({ ingress: [{ from: [], ports: [] }, { from: null }, {}] });
    expect(n.ingress).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
  });

  test('protocol defaults to TCP per port entry; an unsupported protocol is dropped so the entry matches nothing', () => {
    const n = normalize({ ingress: [{ ports: [{ port: 80 }, {}, { protocol: 'UDP', port: 'dns' }, { protocol: 'tcp', port: 1 }] }] });
    expect(n.ingress[0].ports).toEqual([
      { index: 0, protocol: 'TCP', port: 80 },
      { index: 1, protocol: 'TCP' },
      { index: 2, protocol: 'UDP', port: 'dns' },
      { index: 3, port: 1 },
    ]);
  });

  test('endPort is kept for numeric ports only', () => {
    const n = normalize({ ingress: [{ ports: [{ port: 80, endPort: 90 }, { port: 'http', endPort: 90 }] }] });
    expect(n.ingress[0].ports).toEqual([
      { index: 0, protocol: 'TCP', port: 80, endPort: 90 },
      { index: 1, protocol: 'TCP', port: 'http' },
    ]);
  });

  test('peers: ipBlock wins, selectors are kept as given, an empty peer is invalid', () => {
    const n = normalize({
      ingress: [{
        from: [
          { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
          { podSelector: {} },
          { namespaceSelector: { matchLabels: { a: 'b' } }, podSelector: null },
          {},
          { podSelector: null },
        ],
      }],
    });
    expect(n.ingress[0].peers).toEqual([
      { kind: 'ipBlock', index: 0, cidr: '10.0.0.0/8', exceptCidrs: ['10.1.0.0/16'] },
      { kind: 'pods', index: 1, podSelector: {} },
      { kind: 'pods', index: 2, namespaceSelector: { matchLabels: { a: 'b' } } },
      { kind: 'invalid', index: 3, reason: expect.stringContaining('must specify a peer') },
      { kind: 'invalid', index: 4, reason: expect.stringContaining('must specify a peer') },
    ]);
  });

  test('odd shapes never throw', () => {
    expect(() => normalizePolicy({ spec: 'nonsense' } as any, 'ns', 'p')).not.toThrow();
    expect(() => normalize({ ingress: 'x', egress: [null, 5], policyTypes: 'Egress' })).not.toThrow();
    expect(normalize({ ingress: [null] }).ingress).toEqual([{ index: 0 }]);
  });
});
