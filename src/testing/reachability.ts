import { IConstruct } from 'constructs';
import { checkNamespaceDeclaration, checkWorkloadDeclaration } from './declarations';
import { Endpoint } from './endpoint';
import { renderMatrix } from './matrix';
import { QuestionEngine, answer } from './question';
import { ReachabilityDiff } from './reachability-diff';
import { EqualPriorityOrder, HostNetworkMode, MixedApiVersions, ReachabilityOptions } from './reachability-options';
import { ReachabilityVerdict } from './reachability-verdict';
import { WorkloadDeclaration } from './workload-declaration';
import { Evaluator } from '../eval/evaluator';
import { Connectivity, ExternalRange } from '../eval/types';
import { Cluster, WorkloadSpec, workloadKey } from '../model/cluster';
import { synthesizeWithPaths } from '../model/cluster-from-app';
import { ManifestDocument, clusterFromManifests } from '../model/cluster-from-manifests';
import { ConnectionSet } from '../model/connection-set';
import { Protocol } from '../model/protocol';
import { readYamlText } from '../reader/read-text';
import { connectivityDiff } from '../report/connectivity-diff';
import { errorsOf, isNetworkPolicyObject, ruleErrors } from '../validation/admission';
import { WrittenAs } from '../validation/decode';
import { formatDiagnostic } from '../validation/diagnostic';
import { objectDecodeErrors } from '../validation/object-decode';
import { Port } from '../values/port';

/**
 * Answers reachability questions about the NetworkPolicies of a cdk8s App (or Chart, or a
 * set of manifests) with Kubernetes semantics, for unit tests in any jsii language.
 *
 * Workloads are named `namespace/name` (add `[Kind]` when two kinds share a name); external
 * addresses are `Endpoint.ip(...)`, `Endpoint.cidr(...)` or `Endpoint.internet()`.
 *
 * @example
 * const reach = Reachability.of(app);
 * reach.assertAllowed(Endpoint.workload('shop/web'), Endpoint.workload('shop/api'), Port.tcp(8080));
 * reach.assertDenied(Endpoint.workload('shop/web'), Endpoint.internet(), Port.HTTPS);
 */
export class Reachability {
  /**
   * The reachability of everything a cdk8s App or Chart synthesizes: its NetworkPolicies,
   * Namespaces and workloads. The app is synthesized with its validations, so an invalid
   * policy throws here just as `app.synth()` would; so does a NetworkPolicy written by other
   * means (cdk8s-plus, raw `KubeNetworkPolicy`) that the API server would reject, since the
   * app could not be applied.
   *
   * A Chart stands for the App it belongs to (what gets deployed is the app), unless
   * `options.chartOnly` says otherwise.
   *
   * @param scope the App, or a Chart of it
   * @param options plugin-dependent behaviour
   */
  public static of(scope: IConstruct, options?: ReachabilityOptions): Reachability {
    const docs = synthesizeWithPaths(options?.chartOnly ? scope : scope.node.root);
    const invalid = docs.flatMap((doc) => (isNetworkPolicyObject(doc.object)
      ? errorsOf(doc.object).map((d) => `  [${doc.source?.constructPath ?? '?'}] ${formatDiagnostic(d)}`)
      : []));
    if (invalid.length > 0) {
      throw new Error(`The app holds NetworkPolicies the API server would reject, so no cluster could run it:\n${invalid.join('\n')}`);
    }
    return new Reachability(docs, options ?? {});
  }

  /**
   * The reachability of plain Kubernetes objects (as parsed from YAML or JSON): NetworkPolicies,
   * Namespaces, Pods and workload controllers. Other kinds are ignored. A NetworkPolicy whose
   * rules the API server would reject is left out, as `cdk8s-netpol connlist` leaves it out,
   * and named in `warnings`.
   *
   * @param manifests the objects
   * @param options plugin-dependent behaviour
   */
  public static fromManifests(manifests: any[], options?: ReachabilityOptions): Reachability {
    if (!Array.isArray(manifests)) {
      throw new Error('Reachability.fromManifests(manifests): expected an array of Kubernetes objects (e.g. the documents of a YAML file).');
    }
    return new Reachability(manifests.map((object) => ({ object })), options ?? {});
  }

  /**
   * The reachability of the Kubernetes objects in a YAML (or JSON) text, read exactly as
   * `kubectl apply -f` reads it: YAML 1.1 scalars as go-yaml v2 resolves them (`on`, `yes` and
   * `y` are booleans, `010` is 8, `1.10` is the number 1.1), merge keys, tabs only where kubectl's
   * parser allows them, and the JSON decoding that follows. An object that decoding would refuse
   * (`canary: on` where a label value, a string, belongs; `replicas: 1.5`) is left out and named
   * in `warnings`, with a fix quoting the text as written; so is a NetworkPolicy whose rules the
   * API server would reject. Text kubectl cannot read at all throws an error naming the line.
   *
   * @param text the documents, separated by `---` lines (e.g. `helm template` output)
   * @param options plugin-dependent behaviour
   */
  public static fromYaml(text: string, options?: ReachabilityOptions): Reachability {
    if (typeof text !== 'string') {
      throw new Error('Reachability.fromYaml(text): expected the text of a YAML or JSON file.');
    }
    const docs: ReadDocument[] = [];
    for (const doc of readYamlText(text)) {
      if (doc.value === null || doc.value === undefined) continue;
      const written = (fieldPath: string) => doc.locator.written?.(fieldPath);
      const list = doc.value as { kind?: unknown; items?: unknown };
      if (typeof list.kind === 'string' && list.kind.endsWith('List') && Array.isArray(list.items)) {
        // `PodList` gives its items the kind `Pod`; a plain `List` gives none ('').
        const itemKind = list.kind.slice(0, -'List'.length);
        const apiVersion = (doc.value as { apiVersion?: unknown }).apiVersion;
        list.items.forEach((item, i) => {
          const object = itemKind && item !== null && typeof item === 'object' && (item as { kind?: unknown }).kind === undefined
            ? { kind: itemKind, apiVersion, ...item } : item;
          docs.push({ object, writtenAs: (fieldPath) => written(`items[${i}]${fieldPath ? `.${fieldPath}` : ''}`) });
        });
      } else {
        docs.push({ object: doc.value, writtenAs: written });
      }
    }
    return new Reachability(docs, options ?? {});
  }

  /**
   * What changes from `before` to `after`: the pairs of workloads, and the external address
   * ranges, whose allowed connections differ (IPv4 and IPv6), as `cdk8s-netpol diff` lists them.
   * The question a reviewer asks of a pull request: what access does this change grant or remove?
   *
   * @param before the reachability before the change (e.g. of the base branch's app)
   * @param after the reachability after it
   */
  public static diff(before: Reachability, after: Reachability): ReachabilityDiff {
    if (!(before instanceof Reachability) || !(after instanceof Reachability)) {
      throw new Error('Reachability.diff(before, after): expected two Reachability objects, e.g. Reachability.of(baseApp) and Reachability.of(app).');
    }
    return ReachabilityDiff._of(connectivityDiff(before.evaluator(), after.evaluator(), 'all'));
  }

  /** Messages about objects that were skipped or only partly understood. */
  public readonly warnings: string[];

  private readonly cluster: Cluster;
  private readonly options: ReachabilityOptions;
  private state?: { evaluator: Evaluator; connectivity?: Connectivity };

  private constructor(docs: ReadDocument[], options: ReachabilityOptions) {
    const admitted: ManifestDocument[] = [];
    const rejected: string[] = [];
    for (const doc of docs) {
      const mistyped = objectDecodeErrors(doc.object, doc.writtenAs);
      if (mistyped.length > 0) {
        rejected.push(`${objectLabel(doc.object)} is left out: the API server would refuse it (${mistyped.map(formatDiagnostic).join('; ')})`);
        continue;
      }
      const errors = isNetworkPolicyObject(doc.object) ? ruleErrors(doc.object, doc.writtenAs) : [];
      if (errors.length === 0) {
        admitted.push(doc.source ? { object: doc.object, source: doc.source } : { object: doc.object });
        continue;
      }
      rejected.push(`NetworkPolicy ${policyName(doc.object)} is left out: the API server would reject it (${errors.map(formatDiagnostic).join('; ')})`);
    }
    const built = clusterFromManifests(admitted);
    this.cluster = built.cluster;
    this.warnings = [...rejected, ...built.warnings];
    this.options = options;
  }

  /**
   * Declares a namespace that the app does not define (or adds labels to one it does), so that
   * `namespaceSelector`s can match it.
   *
   * @param name the namespace name
   * @param labels its labels (`kubernetes.io/metadata.name` is always set)
   * @returns this, for chaining
   */
  public addNamespace(name: string, labels?: { [key: string]: string }): Reachability {
    checkNamespaceDeclaration(this.cluster, name, labels ?? {});
    this.cluster.addNamespace(name, labels ?? {});
    this.state = undefined;
    return this;
  }

  /**
   * Declares a workload that runs elsewhere but that the policies talk about, e.g. a pod
   * labelled `app: prometheus` in namespace `monitoring`. Its namespace is created if unknown.
   *
   * @param declaration the workload
   * @returns this, for chaining
   */
  public addWorkload(declaration: WorkloadDeclaration): Reachability {
    checkWorkloadDeclaration(this.cluster, declaration);
    this.cluster.addWorkload({
      namespace: declaration.namespaceName,
      name: declaration.name,
      kind: declaration.kind ?? 'Pod',
      labels: { ...(declaration.labels ?? {}) },
      ports: (declaration.ports ?? []).map((p) => ({
        port: p.port,
        protocol: (p.protocol ?? 'TCP') as Protocol,
        ...(p.name !== undefined ? { name: p.name } : {}),
      })),
      podIps: [...(declaration.podIps ?? [])],
      replicas: declaration.replicasUnknown ? 'unknown' : declaration.replicas ?? 1,
    });
    this.state = undefined;
    return this;
  }

  /** Every workload, as `namespace/name[Kind]`, sorted. */
  public workloads(): string[] {
    return this.cluster.workloads.map(workloadKey).sort();
  }

  /**
   * Whether every connection from `source` to `destination` on `port` is allowed: the
   * source's egress and the destination's ingress must both let it through.
   *
   * @param source where the connection starts
   * @param destination where it goes
   * @param port the destination port (a range or a whole protocol means every port in it)
   */
  public isAllowed(source: Endpoint, destination: Endpoint, port: Port): boolean {
    return this.verdict(source, destination, port).allowed;
  }

  /**
   * The full answer, with the explanation and each side's verdict.
   *
   * @param source where the connection starts
   * @param destination where it goes
   * @param port the destination port
   */
  public verdict(source: Endpoint, destination: Endpoint, port: Port): ReachabilityVerdict {
    checkArguments(source, destination, port);
    return answer(this.cluster, this.engine(), source, destination, port);
  }

  /**
   * Throws an Error whose message is the explanation unless every connection asked about is allowed.
   *
   * @param source where the connection starts
   * @param destination where it goes
   * @param port the destination port
   */
  public assertAllowed(source: Endpoint, destination: Endpoint, port: Port): void {
    const v = this.verdict(source, destination, port);
    if (!v.allowed) throw new Error(`Expected the connection to be allowed, but it is ${v.denied ? 'denied' : 'only partly allowed'}.\n${v.explanation}`);
  }

  /**
   * Throws an Error whose message is the explanation unless no connection asked about is allowed.
   *
   * @param source where the connection starts
   * @param destination where it goes
   * @param port the destination port
   */
  public assertDenied(source: Endpoint, destination: Endpoint, port: Port): void {
    const v = this.verdict(source, destination, port);
    if (!v.denied) throw new Error(`Expected the connection to be denied, but it is ${v.allowed ? 'allowed' : 'partly allowed'}.\n${v.explanation}`);
  }

  /**
   * Who reaches whom on which ports, one sorted line per source -> destination with a
   * non-empty set, e.g. `shop/web[Deployment] -> shop/api[Deployment] : TCP 8080`; external
   * addresses as `internet`, CIDRs or ranges. Meant for `toMatchSnapshot()`: a widened policy
   * shows up as one changed line.
   */
  public matrix(): string {
    return renderMatrix(this.connectivity());
  }

  private engine(): QuestionEngine {
    const evaluator = this.evaluator();
    return {
      verdict: (query) => evaluator.verdict(query),
      workloadConnections: (src: WorkloadSpec, dst: WorkloadSpec): ConnectionSet => evaluator.workloadConnections(src, dst),
      externalRanges: (workload: WorkloadSpec, direction: 'ingress' | 'egress'): readonly ExternalRange[] => {
        const entry = this.connectivity().external.find((e) => e.workload === workload);
        return entry ? entry[direction] : [];
      },
    };
  }

  private evaluator(): Evaluator {
    if (!this.state) {
      this.state = {
        evaluator: new Evaluator(this.cluster, {
          ipBlockMatchesPodIps: this.options.ipBlockMatchesPodIps ?? true,
          hostNetwork: (this.options.hostNetwork ?? HostNetworkMode.AS_POD) === HostNetworkMode.AS_NODE ? 'as-node' : 'as-pod',
          networksMatchPodIps: this.options.networksMatchPodIps ?? true,
          equalPriorities: this.options.equalPriorities === EqualPriorityOrder.ERROR ? 'error' : 'by-name',
          mixedApiVersions: mixedApiVersions(this.options.mixedApiVersions),
          ...(this.options.nodeAddressTypes ? { nodeAddressTypes: this.options.nodeAddressTypes } : {}),
        }),
      };
    }
    return this.state.evaluator;
  }

  private connectivity(): Connectivity {
    const evaluator = this.evaluator();
    const state = this.state!;
    if (!state.connectivity) state.connectivity = evaluator.connectivity();
    return state.connectivity;
  }
}

function checkArguments(source: unknown, destination: unknown, port: unknown): void {
  for (const [name, value] of [['source', source], ['destination', destination]] as const) {
    if (!(value instanceof Endpoint)) {
      throw new Error(
        `The ${name} must be an Endpoint, got ${JSON.stringify(value)}: ` +
        'use Endpoint.workload("namespace/name"), Endpoint.ip("203.0.113.7"), Endpoint.internet() or Endpoint.parse(text).',
      );
    }
  }
  if (!(port instanceof Port)) {
    throw new Error(`The port must be a Port, got ${JSON.stringify(port)}: use e.g. Port.tcp(8080), Port.udp(53) or Port.allTraffic().`);
  }
}

/** `namespace/name` of a NetworkPolicy object for messages. */
function policyName(object: unknown): string {
  const metadata = (object as { metadata?: { name?: unknown; namespace?: unknown } }).metadata ?? {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
  const name = typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : '<unnamed>';
  return `${namespace}/${name}`;
}

function mixedApiVersions(choice: MixedApiVersions | undefined): 'refuse' | 'v1alpha1-first' | 'v1alpha2-first' {
  switch (choice) {
    case MixedApiVersions.V1ALPHA1_FIRST: return 'v1alpha1-first';
    case MixedApiVersions.V1ALPHA2_FIRST: return 'v1alpha2-first';
    default: return 'refuse';
  }
}

/** A document to read, and, when it comes from a text, how its fields were written. */
interface ReadDocument extends ManifestDocument {
  readonly writtenAs?: WrittenAs;
}

/** `Deployment shop/api`, for messages. */
function objectLabel(object: unknown): string {
  const kind = (object as { kind?: unknown }).kind;
  return `${String(kind)} ${policyName(object)}`;
}
