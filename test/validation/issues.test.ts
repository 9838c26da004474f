import { childPath, forbidden, indexPath, invalid, notSupported, required, tooLong, warning } from '../../src/validation/issues';
import { Severity } from '../../src/validation/severity';

/** The API server's `field.Error` texts, built the way its messages print them. */

describe('issues', () => {
  test('Invalid value: strings quoted, integers bare, the rest as JSON', () => {
    expect(invalid('spec.x', 'a"b', 'd', 'rule', 'fix')).toEqual({ severity: Severity.ERROR, rule: 'rule', fieldPath: 'spec.x', message: 'Invalid value: "a\\"b": d', fix: 'fix' });
    expect([-1, 0, 65536].map((n) => invalid('p', n, 'd', 'r', 'f').message)).toEqual(['Invalid value: -1: d', 'Invalid value: 0: d', 'Invalid value: 65536: d']);
    expect(invalid('p', ['Ingress', 'Egress'], 'd', 'r', 'f').message).toBe('Invalid value: ["Ingress","Egress"]: d');
    expect(invalid('p', null, 'd', 'r', 'f').message).toBe('Invalid value: null: d');
    expect(invalid('p', undefined, 'd', 'r', 'f').message).toBe('Invalid value: null: d');
  });

  test('Required value, with or without a detail', () => {
    expect(required('spec.cidr', '', 'r', 'f')).toEqual({ severity: Severity.ERROR, rule: 'r', fieldPath: 'spec.cidr', message: 'Required value', fix: 'f' });
    expect(required('spec.from[0]', 'must specify a peer', 'r', 'f').message).toBe('Required value: must specify a peer');
  });

  test('Forbidden, Unsupported value and Too long', () => {
    expect(forbidden('p', 'no', 'r', 'f')).toEqual({ severity: Severity.ERROR, rule: 'r', fieldPath: 'p', message: 'Forbidden: no', fix: 'f' });
    expect(notSupported('p', 'icmp', ['TCP', 'UDP'], 'r', 'f')).toEqual({
      severity: Severity.ERROR, rule: 'r', fieldPath: 'p', message: 'Unsupported value: "icmp": supported values: "TCP", "UDP"', fix: 'f',
    });
    expect(tooLong('p', 262144, 'r', 'f')).toEqual({ severity: Severity.ERROR, rule: 'r', fieldPath: 'p', message: 'Too long: may not be more than 262144 bytes', fix: 'f' });
  });

  test('a warning is the message as given, at warning severity', () => {
    expect(warning('p', 'CIDR value is ambiguous', 'r', 'f')).toEqual({ severity: Severity.WARNING, rule: 'r', fieldPath: 'p', message: 'CIDR value is ambiguous', fix: 'f' });
  });

  test('paths: a child of the root is its bare name; indices in brackets', () => {
    expect(childPath('', 'spec')).toBe('spec');
    expect(childPath('spec.ingress[0]', 'from')).toBe('spec.ingress[0].from');
    expect(indexPath('spec.ingress', 2)).toBe('spec.ingress[2]');
  });
});
