import { selectorIsContradictory } from './selector-algebra';
import { LabelSelectorManifest, LabelSelectorRequirementManifest } from '../model/manifest';

/** The subject of a cluster-scoped policy as its manifest writes it: namespaces, or pods in namespaces. */
export interface ClusterPolicySubjectManifest {
  readonly namespaces?: LabelSelectorManifest;
  readonly pods?: { readonly namespaceSelector?: LabelSelectorManifest; readonly podSelector?: LabelSelectorManifest };
}

/**
 * Whether the subjects of two cluster-scoped policies can select a common pod, judged from their selectors alone: false
 * only when their namespace selectors or their pod selectors provably exclude each other
 * (`tenant=a` against `tenant=b`, `Exists` against `DoesNotExist`, …).
 */
export function subjectsMayOverlap(a: ClusterPolicySubjectManifest, b: ClusterPolicySubjectManifest): boolean {
  const [namespacesA, podsA] = selectorsOf(a);
  const [namespacesB, podsB] = selectorsOf(b);
  return selectorsMayOverlap(namespacesA, namespacesB) && selectorsMayOverlap(podsA, podsB);
}

/** False only when no label set can match both selectors (their requirements together contradict). */
export function selectorsMayOverlap(a: LabelSelectorManifest, b: LabelSelectorManifest): boolean {
  return !selectorIsContradictory(both(a, b));
}

function selectorsOf(subject: ClusterPolicySubjectManifest): [LabelSelectorManifest, LabelSelectorManifest] {
  // An absent namespaceSelector (v1alpha2) means every namespace.
  if (subject.pods) return [subject.pods.namespaceSelector ?? {}, subject.pods.podSelector ?? {}];
  return [subject.namespaces ?? {}, {}];
}

/** The selector that matches what both match. */
function both(a: LabelSelectorManifest, b: LabelSelectorManifest): LabelSelectorManifest {
  return { matchExpressions: [...requirements(a), ...requirements(b)] };
}

function requirements(selector: LabelSelectorManifest): LabelSelectorRequirementManifest[] {
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [value] })),
    ...(selector.matchExpressions ?? []),
  ];
}
