import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ManifestDocument } from '../model/cluster-from-manifests';

/**
 * Renders every `ApiObject` below `scope` with its construct path, without running the app's
 * validations (so a validation may call this without recursing into itself). An object whose
 * rendering throws is left out: its own error surfaces when the app synthesizes.
 */
export function renderApiObjects(scope: IConstruct): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  for (const construct of scope.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    let object: unknown;
    try {
      object = construct.toJson();
    } catch {
      continue;
    }
    docs.push({ object, source: { constructPath: construct.node.path } });
  }
  return docs;
}
