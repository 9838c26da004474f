import { Construct } from 'constructs';
import { checkPriority, ClusterNetworkPolicy } from './cluster-network-policy';
import { ClusterPolicyAction, ClusterPolicyApiVersion, PolicyTier } from './cluster-policy-types';
import { PropsCheck } from './props-check';
import { LabelExpression, LabelSelector } from '../values/label-selector';
import { Namespaces } from '../values/namespaces';

/** Properties of a `TenantIsolation`. */
export interface TenantIsolationProps {
  /** The namespace label that names a namespace's tenant, e.g. `tenant`. */
  readonly tenantLabel: string;
  /** The tenants (values of `tenantLabel`), at least one. */
  readonly tenants: string[];
  /** The Admin-tier priority of the isolation policies, 0 to 1000. */
  readonly priority: number;
  /**
   * The API to render.
   * @default ClusterPolicyApiVersion.V1ALPHA2
   */
  readonly apiVersion?: ClusterPolicyApiVersion;
}

/**
 * No traffic between tenants, decided in the Admin tier, so that no NetworkPolicy of a
 * tenant can reopen it. A tenant is the set of namespaces whose `tenantLabel` has one value;
 * each tenant gets one policy that denies traffic from and to namespaces of every other tenant
 * (`tenantLabel` present with another value). Traffic within a tenant, and with namespaces that
 * carry no tenant label (shared services such as DNS or monitoring), is left to the policies
 * that follow. To let one cross-tenant flow through, put a `DelegateToNamespaces` (Pass) or an
 * Accept policy for it at a lower priority number.
 */
export class TenantIsolation extends Construct {
  /** One policy per tenant, in the order given. */
  public readonly policies: ClusterNetworkPolicy[];

  public constructor(scope: Construct, id: string, props: TenantIsolationProps) {
    const check = PropsCheck.forChild(scope, id, 'TenantIsolation');
    const given = check.known(props, ['tenantLabel', 'tenants', 'priority', 'apiVersion'], { label: 'tenantLabel' });
    const tenants: unknown = given.tenants;
    if (!Array.isArray(tenants) || tenants.length === 0) {
      throw check.error('tenants', Array.isArray(tenants) ? 'is an empty list' : `is ${String(tenants)}`, 'list the tenants, e.g. tenants: ["team-a", "team-b"]');
    }
    const priority = checkPriority(check, given.priority);
    // Checked by the selector factories: a label key and label values.
    const ofTenant = (tenant: string) => Namespaces.labelled({ [given.tenantLabel]: tenant });
    tenants.forEach((t) => ofTenant(t));
    super(scope, id);
    this.policies = [...new Set(tenants as string[])].map((tenant) => {
      const others = Namespaces.selectedBy(LabelSelector.of({
        expressions: [LabelExpression.exists(given.tenantLabel), LabelExpression.valueNotIn(given.tenantLabel, [tenant])],
      }));
      return new ClusterNetworkPolicy(this, tenant, {
        tier: PolicyTier.ADMIN,
        priority,
        apiVersion: given.apiVersion,
        subject: ofTenant(tenant),
        ingress: [{ name: 'deny-other-tenants', action: ClusterPolicyAction.DENY, peers: [others] }],
        egress: [{ name: 'deny-other-tenants', action: ClusterPolicyAction.DENY, peers: [others] }],
      });
    });
  }
}
