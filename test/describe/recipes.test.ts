import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { Describe } from '../../src/describe/describe';
import { RECIPES } from '../recipes/recipe-charts';

// The golden texts are reviewed by hand. After a deliberate change of the wording, rewrite
// them with `UPDATE_GOLDEN=1 npx jest test/describe/recipes.test.ts` and read the diff.
const GOLDEN_DIR = path.join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('describe text of the recipe policies', () => {
  test.each(RECIPES.map((r) => [r.id, r] as const))('recipe %s matches its golden text', (id, recipe) => {
    const text = Describe.of(recipe.build(Testing.app())) + '\n';
    const file = path.join(GOLDEN_DIR, `recipe-${id}.txt`);
    if (UPDATE) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf-8'));
  });

  test('recipe 04 keeps the peer in the policy\'s own namespace', () => {
    const recipe = RECIPES.find((r) => r.id === '04')!;
    expect(Describe.of(recipe.build(Testing.app())))
      .toContain('1. from every pod in namespace "default" (the policy\'s own), on any port and protocol');
  });

  test('recipe 05 opens to every pod of every namespace, not to outside addresses', () => {
    const recipe = RECIPES.find((r) => r.id === '05')!;
    const text = Describe.of(recipe.build(Testing.app()));
    expect(text).toContain('1. from every pod in every namespace, on any port and protocol');
    expect(text).not.toContain('IP address');
  });

  test('recipe 07 reads the pod and namespace selectors as one AND', () => {
    const recipe = RECIPES.find((r) => r.id === '07')!;
    expect(Describe.of(recipe.build(Testing.app())))
      .toContain('1. from pods where type=monitoring, in namespaces where team=operations, on any port and protocol');
  });
});
