/**
 * One line of a connectivity list: an ordered pair of peers and the connections allowed from the
 * first to the second. Peers are already rendered (`ns/name[Kind]`, `a.b.c.d-e.f.g.h[External]`),
 * connections in netpol-analyzer's canonical text (`All Connections`, `TCP 80,UDP 53`).
 */
export interface ConnlistEntry {
  readonly source: string;
  readonly destination: string;
  readonly connections: string;
}
