import * as fs from 'fs';
import * as path from 'path';
import { loadManifests } from '../../src/cli/load';
import { lintDocuments } from '../../src/lint/lint';
import { LintFinding } from '../../src/lint/lint-finding';

// Real-world inputs from netpol-analyzer's test corpus, read at run time from the shared folder.
const TESTS = path.join(__dirname, '..', '..', '..', 'shared', 'oracle', 'netpol-analyzer', 'tests');
const present = fs.existsSync(TESTS);
if (!present) console.log(`Skipping the oracle lint tests: ${TESTS} is not there.`);
const describeIfPresent = present ? describe : describe.skip;

function lintDir(dir: string): LintFinding[] {
  const loaded = loadManifests([path.join(TESTS, dir)]);
  return lintDocuments(loaded.objects.map((o) => ({ object: o.object, source: o.source })));
}

describeIfPresent('lints on netpol-analyzer inputs', () => {
  test('netpol_named_port_test: the UDP rule on a port the pod declares as SCTP never matches', () => {
    const findings = lintDir('netpol_named_port_test').filter((f) => f.rule === 'named-port-not-declared');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ namespaceName: 'helloworld', name: 'enable-ingress-from-named-port', fieldPath: 'spec.ingress[0].ports[0]' });
    expect(findings[0].message).toContain('"newport" is UDP in this rule, but helloworld/pod-a[Deployment] declares it as SCTP');
  });

  test('new_online_boutique_synthesis: UDP 53 to kube-dns in any namespace counts, TCP 53 and DNS-less egress are reported', () => {
    const findings = lintDir('new_online_boutique_synthesis');
    expect(findings.map((f) => f.rule)).not.toContain('peer-matches-nothing');
    const dns = findings.filter((f) => f.rule === 'egress-without-dns');
    const about = (workload: string) => dns.find((f) => f.message.startsWith(`Egress of default/${workload}[Deployment] is isolated`))?.message;
    expect(about('frontend')).toContain('only UDP 53 is allowed: TCP 53 is blocked');
    expect(about('checkoutservice')).toContain('only UDP 53 is allowed: TCP 53 is blocked');
    expect(about('adservice')).toContain('no egress rule allows DNS (UDP 53 and TCP 53 are blocked)');
  });

  test('acs-security-demos-new: a policy for a processor that is not deployed selects nothing', () => {
    const findings = lintDir('acs-security-demos-new').filter((f) => f.rule === 'policy-selects-nothing');
    expect(findings.map((f) => `${f.namespaceName}/${f.name}`)).toEqual(['payments/mastercard-processor-netpol']);
  });
});
