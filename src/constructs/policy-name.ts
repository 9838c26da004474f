import { createHash } from 'crypto';
import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/** Longest generated name: fits a DNS-1123 label, hence also a label value. */
const MAX_POLICY_NAME_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * A readable, deterministic object name from the construct's path below its chart:
 * `shop/web-to-api` becomes `web-to-api`, `shop/baseline/dns` becomes `baseline-dns`.
 * Only when the name would exceed 63 characters is it shortened, dropping leading path
 * components first, and given a short hash of the full construct path, so that two long
 * names stay distinct.
 */
export function derivePolicyName(construct: IConstruct): string {
  const chart = Chart.of(construct);
  const components = construct.node.scopes
    .slice(chart.node.scopes.length)
    .map((scope) => scope.node.id)
    .filter((id) => id !== 'Resource' && id !== 'Default')
    .map(sanitize)
    .filter((part) => part.length > 0);
  const name = components.join('-') || 'network-policy';
  if (name.length <= MAX_POLICY_NAME_LENGTH) return name;
  // Keep the most specific part (the construct's own id): drop leading components first.
  const room = MAX_POLICY_NAME_LENGTH - HASH_LENGTH - 1;
  const kept = [...components];
  while (kept.length > 1 && kept.join('-').length > room) kept.shift();
  const head = kept.join('-').slice(0, room).replace(/-+$/, '');
  const hash = createHash('sha256').update(construct.node.path).digest('hex').slice(0, HASH_LENGTH);
  return `${head}-${hash}`;
}

function sanitize(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
