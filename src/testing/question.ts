import { formatBlock, intervalOf } from './address-text';
import { Endpoint } from './endpoint';
import { EndpointTarget } from './endpoint-target';
import { DirectionReport, ReachabilityVerdict } from './reachability-verdict';
import { closeMatches } from './suggest';
import { ClusterRuleRef, DirectionVerdict, ExternalRange, QueryEnd, Verdict } from '../eval/types';
import { Cluster, WorkloadSpec, workloadKey } from '../model/cluster';
import { ConnectionSet } from '../model/connection-set';
import { Protocol, PROTOCOLS } from '../model/protocol';
import { IpInterval, formatIp } from '../net/cidr';
import { Port } from '../values/port';

/** What a question needs from the evaluator. */
export interface QuestionEngine {
  verdict(query: { source: QueryEnd; destination: QueryEnd; protocol: Protocol; port: number }): Verdict;
  workloadConnections(source: WorkloadSpec, destination: WorkloadSpec): ConnectionSet;
  /** External addresses' connections to (`ingress`) or from (`egress`) a workload, covering all addresses. */
  externalRanges(workload: WorkloadSpec, direction: 'ingress' | 'egress'): readonly ExternalRange[];
}

/** One end of a question, resolved against the cluster. */
type ResolvedEnd =
  | { readonly kind: 'workload'; readonly workload: WorkloadSpec; readonly text: string }
  | { readonly kind: 'external'; readonly ranges: readonly IpInterval[]; readonly text: string };

/** An endpoint's target when it names a workload. */
type WorkloadTarget = Extract<EndpointTarget, { kind: 'workload' }>;

/** A set of connections that share one allowed set, with an example endpoint for explanations. */
interface Piece {
  /** The external addresses of this piece (undefined between two workloads). */
  readonly addresses?: IpInterval;
  readonly allowed: ConnectionSet;
}

/**
 * Answers "may `source` reach `destination` on `port`?" for every connection the question
 * covers, and explains the answer with the evaluator's verdict on one deciding connection.
 */
export function answer(
  cluster: Cluster,
  engine: QuestionEngine,
  source: Endpoint,
  destination: Endpoint,
  port: Port,
): ReachabilityVerdict {
  const src = resolveEnd(cluster, source, 'source');
  const dst = resolveEnd(cluster, destination, 'destination');
  if (src.kind === 'external' && dst.kind === 'external') {
    throw new Error(
      `Cannot answer ${src.text} -> ${dst.text}: both ends are outside the cluster, so no NetworkPolicy applies. ` +
      'Name a workload ("namespace/name") on at least one side.',
    );
  }
  const wanted = connectionsOf(port, dst);
  const pieces = piecesOf(engine, src, dst);
  if (pieces.length === 0) throw new Error(`No connectivity was computed for ${src.text} -> ${dst.text}.`);

  const allowedEverywhere = pieces.every((p) => wanted.isSubsetOf(p.allowed));
  const deniedEverywhere = pieces.every((p) => wanted.intersect(p.allowed).isEmpty());
  const allowedConnections = pieces.reduce((acc, p) => acc.intersect(p.allowed), wanted);

  const deniedExample = findExample(pieces, (p) => wanted.subtract(p.allowed));
  const allowedExample = findExample(pieces, (p) => wanted.intersect(p.allowed));
  const deciding = !allowedEverywhere ? deniedExample! : allowedExample!;
  const decidingVerdict = engine.verdict(queryOf(src, dst, deciding));

  const question = `${src.text} -> ${dst.text} on ${port.toString()}`;
  const outcome = allowedEverywhere ? 'allowed' : deniedEverywhere ? 'denied' : 'partly allowed';
  const lines = [`${question}: ${outcome}.`];
  if (!allowedEverywhere && !deniedEverywhere) {
    lines.push(`Allowed, e.g. ${describeExample(src, allowedExample!)}; denied, e.g. ${describeExample(src, deniedExample!)}.`);
    lines.push(`Why ${describeExample(src, deniedExample!)} is denied:`);
  } else if (coversSeveral(wanted, pieces)) {
    lines.push(`For example ${describeExample(src, deciding)}:`);
  }
  lines.push(decidingVerdict.text);

  return {
    source: src.text,
    destination: dst.text,
    port: port.toString(),
    allowed: allowedEverywhere,
    denied: deniedEverywhere,
    allowedConnections: allowedConnections.toString(),
    explanation: lines.join('\n'),
    egress: directionReport(decidingVerdict.egress),
    ingress: directionReport(decidingVerdict.ingress),
  };
}

/**
 * The workload an endpoint names, through the cluster's one lookup (name, kind, or the id of
 * the construct that defined it), or an error listing close matches.
 */
function findWorkload(cluster: Cluster, endpoint: Endpoint, target: WorkloadTarget, role: string): WorkloadSpec {
  const result = cluster.lookupWorkload({
    namespace: target.namespaceName,
    name: target.name,
    ...(target.workloadKind !== undefined ? { kind: target.workloadKind } : {}),
  });
  if ('found' in result) return result.found;
  const ref = endpoint.toString();
  if ('ambiguous' in result) {
    const sameName = result.ambiguous.every((w) => w.name === result.ambiguous[0].name);
    throw new Error(
      `The ${role} "${ref}" is ambiguous: ${result.ambiguous.map(workloadKey).join(', ')}. ` +
      `${sameName ? 'Add the kind' : 'Name one of them'}, e.g. "${workloadKey(result.ambiguous[0])}".`,
    );
  }
  const known = cluster.workloads.map((w) => `${w.namespace}/${w.name}`);
  const close = closeMatches(`${target.namespaceName}/${target.name}`, [...new Set(known)]);
  const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
  const inventory = known.length > 0
    ? ` Known workloads: ${[...new Set(known)].sort().join(', ')}.`
    : ' The cluster has no workloads.';
  throw new Error(
    `Unknown ${role} workload "${ref}".${hint}${inventory} ` +
    'Workloads that the app does not define can be declared with addWorkload().',
  );
}

function resolveEnd(cluster: Cluster, endpoint: Endpoint, role: string): ResolvedEnd {
  const target = endpoint._target;
  if (target.kind === 'external') return { kind: 'external', ranges: target.ranges, text: endpoint.toString() };
  const workload = findWorkload(cluster, endpoint, target, role);
  return { kind: 'workload', workload, text: workloadKey(workload) };
}

/** The connections a `Port` stands for; a named port resolves on the destination workload. */
function connectionsOf(port: Port, dst: ResolvedEnd): ConnectionSet {
  if (port.isAllTraffic || port.protocol === undefined) return ConnectionSet.all();
  const protocol = port.protocol as Protocol;
  if (port.portName !== undefined) {
    if (dst.kind !== 'workload') {
      throw new Error(
        `Cannot resolve the named port ${port.toString()} on ${dst.text}: named ports exist only on pods. ` +
        'Ask about a port number instead, e.g. Port.tcp(443).',
      );
    }
    const numbers = dst.workload.ports.filter((p) => p.name === port.portName && p.protocol === protocol);
    if (numbers.length === 0) {
      const declared = dst.workload.ports.filter((p) => p.name).map((p) => `"${p.name}" (${p.protocol} ${p.port})`);
      const listing = declared.length > 0 ? `its named ports are ${declared.join(', ')}` : 'it declares no named ports';
      throw new Error(
        `${dst.text} has no ${protocol} container port named "${port.portName}": ${listing}. ` +
        'Ask about a port it declares, or a port number.',
      );
    }
    return numbers.reduce((acc, p) => acc.union(ConnectionSet.ports(protocol, p.port)), ConnectionSet.none());
  }
  if (port.portNumber === undefined) return ConnectionSet.allPortsOf(protocol);
  return ConnectionSet.ports(protocol, port.portNumber, port.endPort ?? port.portNumber);
}

function piecesOf(engine: QuestionEngine, src: ResolvedEnd, dst: ResolvedEnd): Piece[] {
  if (src.kind === 'workload' && dst.kind === 'workload') {
    return [{ allowed: engine.workloadConnections(src.workload, dst.workload) }];
  }
  const [workload, direction, block] = src.kind === 'workload'
    ? [src.workload, 'egress' as const, dst as Extract<ResolvedEnd, { kind: 'external' }>]
    : [(dst as Extract<ResolvedEnd, { kind: 'workload' }>).workload, 'ingress' as const, src];
  const pieces: Piece[] = [];
  for (const range of engine.externalRanges(workload, direction)) {
    const interval = intervalOf(range);
    if (!interval) continue;
    for (const wanted of block.ranges) {
      if (wanted.family !== interval.family) continue;
      const lo = interval.first > wanted.first ? interval.first : wanted.first;
      const hi = interval.last < wanted.last ? interval.last : wanted.last;
      if (lo <= hi) pieces.push({ addresses: { family: range.family, first: lo, last: hi }, allowed: range.connections });
    }
  }
  return pieces;
}

interface Example {
  readonly piece: Piece;
  readonly protocol: Protocol;
  readonly port: number;
}

/** The first piece (and its lowest connection) where `select` leaves something. */
function findExample(pieces: readonly Piece[], select: (p: Piece) => ConnectionSet): Example | undefined {
  for (const piece of pieces) {
    const set = select(piece);
    for (const protocol of ['TCP', ...PROTOCOLS.filter((p) => p !== 'TCP')] as Protocol[]) {
      const intervals = set.intervals(protocol);
      if (intervals.length > 0) return { piece, protocol, port: intervals[0].first };
    }
  }
  return undefined;
}

function queryOf(src: ResolvedEnd, dst: ResolvedEnd, example: Example) {
  return {
    source: evalEndpoint(src, example.piece),
    destination: evalEndpoint(dst, example.piece),
    protocol: example.protocol,
    port: example.port,
  };
}

function evalEndpoint(end: ResolvedEnd, piece: Piece): QueryEnd {
  if (end.kind === 'workload') return { workload: end.workload };
  const addresses = piece.addresses!;
  return { ip: formatIp(addresses.family, addresses.first) };
}

function describeExample(src: ResolvedEnd, example: Example): string {
  const address = example.piece.addresses;
  const where = address ? `${src.kind === 'external' ? 'from' : 'to'} ${formatBlock(address)}` : '';
  return [`${example.protocol} ${example.port}`, where].filter((s) => s).join(' ');
}

/** True when the question spans more than one port or more than one external piece. */
function coversSeveral(wanted: ConnectionSet, pieces: readonly Piece[]): boolean {
  if (pieces.length > 1) return true;
  const singleton = PROTOCOLS.filter((p) => wanted.intervals(p).length > 0);
  if (singleton.length !== 1) return true;
  const intervals = wanted.intervals(singleton[0]);
  if (intervals.length !== 1 || intervals[0].first !== intervals[0].last) return true;
  const address = pieces[0]?.addresses;
  return address !== undefined && address.first !== address.last;
}

function directionReport(v: DirectionVerdict): DirectionReport {
  return {
    applies: v.applies,
    isolated: v.isolated,
    allowed: v.allowed,
    isolatingPolicies: v.isolatingPolicies.map((p) => `${p.namespace}/${p.name}`),
    allowedBy: v.allowedBy.map((r) => `${r.policy.namespace}/${r.policy.name} ${r.fieldPath}`),
    reason: v.reason,
    ...(v.decidedBy ? { decidedBy: v.decidedBy } : {}),
    ...(v.clusterRule ? { clusterRule: clusterRuleText(v.clusterRule) } : {}),
    ...(v.passedBy ? { passedBy: v.passedBy.map(clusterRuleText) } : {}),
  };
}

function clusterRuleText(r: ClusterRuleRef): string {
  return `${r.tier} ${r.kind} ${r.name} ${r.fieldPath} (${r.action})`;
}
