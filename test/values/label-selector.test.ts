import { LabelExpression, LabelOperator, LabelSelector } from '../../src';

describe('LabelSelector', () => {
  test('labels and expressions render as matchLabels and matchExpressions', () => {
    const selector = LabelSelector.of({
      labels: { tier: 'api', app: 'web' },
      expressions: [
        LabelExpression.valueIn('env', ['prod', 'staging']),
        LabelExpression.valueNotIn('track', ['canary']),
        LabelExpression.exists('team'),
        LabelExpression.doesNotExist('legacy'),
      ],
    });

    expect(selector._toManifest()).toEqual({
      matchLabels: { app: 'web', tier: 'api' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        { key: 'track', operator: 'NotIn', values: ['canary'] },
        { key: 'team', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
  });

  test('toString uses Kubernetes selector syntax with labels sorted by key', () => {
    const selector = LabelSelector.of({
      labels: { tier: 'api', app: 'web' },
      expressions: [LabelExpression.valueIn('env', ['a', 'b']), LabelExpression.exists('team'), LabelExpression.doesNotExist('old')],
    });
    expect(selector.toString()).toBe('app=web,tier=api,env in (a,b),team,!old');
    expect(LabelExpression.valueNotIn('x', ['1']).toString()).toBe('x notin (1)');
  });

  test('the empty selector renders {} and says it matches everything', () => {
    expect(LabelSelector.all()._toManifest()).toEqual({});
    expect(LabelSelector.all().isEmpty).toBe(true);
    expect(LabelSelector.of({})._toManifest()).toEqual({});
    expect(LabelSelector.all().toString()).toBe('<all>');
  });

  test('expressions expose key, operator and values', () => {
    const expression = LabelExpression.valueIn('env', ['prod', 'prod', 'dev']);
    expect(expression.key).toBe('env');
    expect(expression.labelOperator).toBe(LabelOperator.IN);
    expect(expression.values).toEqual(['prod', 'dev']);
    expect(LabelExpression.exists('a').values).toBeUndefined();
  });

  describe('eager validation', () => {
    test('an invalid label key quotes the key and suggests a valid one', () => {
      expect(() => LabelSelector.labelled({ 'bad key': 'x' })).toThrow(
        /^LabelSelector\.labelled\(\{"bad key":"x"\}\): label key "bad key" is invalid: name part must consist of .* Use a key like "app" or "example.com\/app"\.$/);
    });

    test('an invalid label value names its key', () => {
      expect(() => LabelSelector.of({ labels: { app: 'web app' } })).toThrow(
        /label value "web app" of key "app" is invalid: a valid label must be an empty string or consist of/);
    });

    test('In and NotIn need at least one value', () => {
      expect(() => LabelExpression.valueIn('env', [])).toThrow(
        'LabelExpression.valueIn("env", []): the operator In needs at least one value. '
        + 'Pass the label values to match, e.g. LabelExpression.valueIn("env", ["a", "b"]), or use LabelExpression.exists().');
      expect(() => LabelExpression.valueNotIn('env', [])).toThrow(/the operator NotIn needs at least one value/);
    });

    test('expression values follow the label value rules', () => {
      expect(() => LabelExpression.valueIn('env', ['infra*'])).toThrow(/label value "infra\*" is invalid/);
    });

    test('expression keys follow the label key rules', () => {
      expect(() => LabelExpression.exists('Example.com/x')).toThrow(/^LabelExpression\.exists\("Example.com\/x"\): label key "Example.com\/x" is invalid: prefix part/);
      expect(() => LabelExpression.doesNotExist('')).toThrow(/label key "" is invalid/);
    });
  });
});
