import * as fc from 'fast-check';
import { canonicalRule, ruleContains } from '../../src/lint/rule-algebra';
import { NormalizedPort, NormalizedRule } from '../../src/model/normalize';
import { propertyRuns } from '../property-runs';

const SCOPE = { namespace: 'shop', namespaces: [] };

const portArb: fc.Arbitrary<NormalizedPort> = fc.record({
  protocol: fc.constantFrom('TCP' as const, 'UDP' as const),
  start: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  width: fc.integer({ min: 0, max: 5 }),
}).map(({ protocol, start, width }) => ({
  index: 0,
  protocol,
  ...(start !== undefined ? { port: start, ...(width > 0 ? { endPort: start + width } : {}) } : {}),
}));
const ruleArb: fc.Arbitrary<NormalizedRule> = fc.option(fc.array(portArb, { minLength: 1, maxLength: 3 }), { nil: undefined })
  .map((ports) => ({ index: 0, ...(ports ? { ports } : {}) }));

/** docs/semantics.md#rule-structure, ports only: a missing list allows all; an entry matches its protocol and its port or range. */
function allows(rule: NormalizedRule, protocol: string, port: number): boolean {
  if (!rule.ports) return true;
  return rule.ports.some((p) => p.protocol === protocol
    && (p.port === undefined || (typeof p.port === 'number' && p.port <= port && port <= (p.endPort ?? p.port))));
}

describe('ruleContains', () => {
  test('a rule without ports contains any rule with the same peers', () => {
    expect(ruleContains({ index: 0 }, { index: 1, ports: [{ index: 0, protocol: 'TCP', port: 80 }] }, SCOPE)).toBe(true);
    expect(ruleContains({ index: 1, ports: [{ index: 0, protocol: 'TCP', port: 80 }] }, { index: 0 }, SCOPE)).toBe(false);
  });

  test('a podSelector-only peer contains a namespaceSelector peer naming the own namespace', () => {
    const own = { index: 0, peers: [{ kind: 'pods' as const, index: 0, podSelector: { matchLabels: { app: 'web' } } }] };
    const named = {
      index: 1,
      peers: [{
        kind: 'pods' as const,
        index: 0,
        podSelector: { matchLabels: { app: 'web', tier: 'x' } },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
      }],
    };
    expect(ruleContains(own, named, SCOPE)).toBe(true);
    expect(ruleContains(own, { ...named, peers: [{ ...named.peers[0], namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }] }, SCOPE)).toBe(false);
  });

  test('never claims containment that a connection refutes (ports)', () => {
    fc.assert(fc.property(ruleArb, ruleArb, (outer, inner) => {
      if (!ruleContains(outer, inner, SCOPE)) return true;
      for (const protocol of ['TCP', 'UDP', 'SCTP']) {
        for (let port = 1; port <= 30; port++) {
          if (allows(inner, protocol, port) && !allows(outer, protocol, port)) return false;
        }
      }
      return true;
    }), { numRuns: propertyRuns(500) });
  });

  test('every rule contains itself', () => {
    fc.assert(fc.property(ruleArb, (rule) => ruleContains(rule, rule, SCOPE)), { numRuns: propertyRuns(200) });
  });
});

describe('canonicalRule', () => {
  test('ignores the order of ports and a redundant endPort', () => {
    const a: NormalizedRule = { index: 0, ports: [{ index: 0, protocol: 'TCP', port: 80 }, { index: 1, protocol: 'UDP', port: 53, endPort: 53 }] };
    const b: NormalizedRule = { index: 3, ports: [{ index: 0, protocol: 'UDP', port: 53 }, { index: 1, protocol: 'TCP', port: 80 }] };
    expect(canonicalRule(a)).toBe(canonicalRule(b));
  });

  test('tells missing ports from an empty-port entry', () => {
    expect(canonicalRule({ index: 0 })).not.toBe(canonicalRule({ index: 0, ports: [{ index: 0, protocol: 'TCP' }] }));
  });
});
