import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { describePolicy } from './describe-policy';
import { NetworkPolicyManifest } from '../model/manifest';

/**
 * NetworkPolicies in plain words: which pods each selects, whether they are isolated per
 * direction, and every rule as "from X, on ports Y", with Kubernetes' defaulting applied.
 *
 * @example
 * console.log(Describe.of(chart));
 */
export class Describe {
  /**
   * Describes one NetworkPolicy object, as parsed from YAML or JSON.
   *
   * @param manifest the NetworkPolicy
   * @throws when the object is not a NetworkPolicy
   */
  public static manifest(manifest: any): string {
    if (!isNetworkPolicy(manifest)) {
      const kind = manifest !== null && typeof manifest === 'object' ? JSON.stringify(manifest.kind) : typeof manifest;
      throw new Error(`Describe.manifest expects a NetworkPolicy object, but got kind ${kind}. Pass one NetworkPolicy manifest.`);
    }
    return describePolicy(manifest);
  }

  /**
   * Describes every NetworkPolicy below a cdk8s App or Chart, in construct order, separated
   * by blank lines. Empty when there is none.
   *
   * @param scope the App, Chart or construct to describe
   */
  public static of(scope: IConstruct): string {
    return describePolicies(scope.node.findAll()
      .filter((c): c is ApiObject => ApiObject.isApiObject(c))
      .map((o) => o.toJson()));
  }

  private constructor() {}
}

/** Every NetworkPolicy among the objects, described and separated by blank lines. */
export function describePolicies(objects: readonly unknown[]): string {
  return objects.filter(isNetworkPolicy).map(describePolicy).join('\n\n');
}

function isNetworkPolicy(object: unknown): object is NetworkPolicyManifest {
  return object !== null && typeof object === 'object' && (object as { kind?: unknown }).kind === 'NetworkPolicy';
}
