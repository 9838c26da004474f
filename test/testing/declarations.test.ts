import { Endpoint, Port, Protocol, Reachability } from '../../src';

/**
 * `addNamespace` and `addWorkload` check a declaration as the API server would check the
 * object, and refuse one that would contradict what the app defines.
 */

const LABEL_NAME = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character "
  + "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_NAME = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
  + "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_KEY = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
  + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
  + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** A namespace `team` labelled tier=gold, and a Pod shop/web. */
function cluster(): Reachability {
  return Reachability.fromManifests([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { tier: 'gold' } } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'w' }] } },
  ]);
}

describe('addNamespace', () => {
  test('a name that is not a DNS-1123 label, or not a string, is refused', () => {
    expect(() => cluster().addNamespace('Team')).toThrow(new Error(`addNamespace("Team"): the namespace name "Team" is invalid: ${LABEL_NAME}.`));
    expect(() => cluster().addNamespace(7 as any)).toThrow(new Error('addNamespace(7): the namespace name 7 is invalid: must be a string.'));
  });

  test('a label with a bad key, a bad value or a value that is not a string is refused with each error', () => {
    expect(() => cluster().addNamespace('t', { 'a b': 'x' })).toThrow(new Error(`addNamespace("t"): invalid label a b=x: key "a b": ${LABEL_KEY}.`));
    expect(() => cluster().addNamespace('t', { a: 'x y' })).toThrow(new Error(`addNamespace("t"): invalid label a=x y: value "x y": ${LABEL_VALUE}.`));
    expect(() => cluster().addNamespace('t', { a: 7 as any })).toThrow(new Error('addNamespace("t"): invalid label a=7: value 7: must be a string.'));
    expect(() => cluster().addNamespace('t', { '-a': '-b' }))
      .toThrow(new Error(`addNamespace("t"): invalid label -a=-b: key "-a": ${LABEL_KEY}; value "-b": ${LABEL_VALUE}.`));
  });

  test('the name label must equal the name; giving it the name is accepted', () => {
    expect(() => cluster().addNamespace('tools', { 'kubernetes.io/metadata.name': 'other' })).toThrow(new Error(
      'addNamespace("tools"): the label kubernetes.io/metadata.name=other contradicts the name; '
      + 'Kubernetes always sets kubernetes.io/metadata.name=tools. Remove it.'));
    expect(() => cluster().addNamespace('tools', { 'kubernetes.io/metadata.name': 'tools' })).not.toThrow();
  });

  test('a label of the app\'s namespace may be repeated or added to, not contradicted', () => {
    expect(() => cluster().addNamespace('team', { tier: 'silver' })).toThrow(new Error(
      'addNamespace("team"): the namespace already has the label tier=gold (from the app), so tier=silver would contradict it. '
      + 'Declare only what the app does not define.'));
    expect(() => cluster().addNamespace('team', { tier: 'gold', env: 'prod' })).not.toThrow();
    expect(() => cluster().addNamespace('other', { tier: 'silver' })).not.toThrow();
  });
});

describe('addWorkload', () => {
  const call = 'addWorkload({ namespaceName: "m", name: "x" })';

  test('something other than a declaration object is refused with the fields to give', () => {
    const expected = new Error('addWorkload(declaration): expected { namespaceName, name, labels?, ports?, podIps?, kind?, replicas?, replicasUnknown? }.');
    expect(() => cluster().addWorkload(null as any)).toThrow(expected);
    expect(() => cluster().addWorkload('shop/x' as any)).toThrow(expected);
  });

  test('the namespace must be a DNS-1123 label and the name a DNS-1123 subdomain', () => {
    expect(() => cluster().addWorkload({ namespaceName: 'M', name: 'x' }))
      .toThrow(new Error(`addWorkload({ namespaceName: "M", name: "x" }): the namespaceName "M" is invalid: ${LABEL_NAME}.`));
    expect(() => cluster().addWorkload({ name: 'x' } as any))
      .toThrow(new Error('addWorkload({ namespaceName: undefined, name: "x" }): the namespaceName undefined is invalid: must be a string.'));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'A_b' }))
      .toThrow(new Error(`addWorkload({ namespaceName: "m", name: "A_b" }): the name "A_b" is invalid: ${SUBDOMAIN_NAME}.`));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 5 as any }))
      .toThrow(new Error('addWorkload({ namespaceName: "m", name: 5 }): the name 5 is invalid: must be a string.'));
    expect(cluster().addWorkload({ namespaceName: 'm', name: 'api.v2' }).workloads()).toEqual(['m/api.v2[Pod]', 'shop/web[Pod]']);
  });

  test('labels are checked as on a namespace', () => {
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', labels: { app: 'a b' } }))
      .toThrow(new Error(`${call}: invalid label app=a b: value "a b": ${LABEL_VALUE}.`));
  });

  test('the kind must look like a Kubernetes kind', () => {
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', kind: 'deployment' }))
      .toThrow(new Error(`${call}: the kind "deployment" is not a Kubernetes kind. Use e.g. "Pod" or "Deployment".`));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', kind: 'Stateful-Set' }))
      .toThrow(new Error(`${call}: the kind "Stateful-Set" is not a Kubernetes kind. Use e.g. "Pod" or "Deployment".`));
  });

  test('each port is checked, number and name, with every error of the port', () => {
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', ports: [{ port: '80' as any }] }))
      .toThrow(new Error(`${call}: port "80" must be a number.`));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', ports: [{ port: 80 }, { port: 70000, name: 'Http_Port' }] })).toThrow(new Error(
      `${call}: port 70000 must be between 1 and 65535, inclusive; port name "Http_Port" must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-).`));
  });

  test('replicas is a whole number of pods, or unknown, not both', () => {
    const notACount = (n: number) => new Error(`${call}: replicas ${n} is not a pod count. Write a whole number such as 3, or set replicasUnknown.`);
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', replicas: 1.5 })).toThrow(notACount(1.5));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', replicas: -1 })).toThrow(notACount(-1));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', replicas: 2, replicasUnknown: true }))
      .toThrow(new Error(`${call}: give either replicas or replicasUnknown, not both.`));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', replicas: 0 })).not.toThrow();
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', replicas: 2, replicasUnknown: false })).not.toThrow();
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', replicasUnknown: true })).not.toThrow();
  });

  test('each pod IP must be an IP address', () => {
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', podIps: ['10.0.0.1', 7 as any] }))
      .toThrow(new Error(`${call}: the pod IP 7 is not an IP address. Write e.g. "10.244.1.7".`));
    expect(() => cluster().addWorkload({ namespaceName: 'm', name: 'x', podIps: ['10.0.0'] }))
      .toThrow(new Error(`${call}: the pod IP "10.0.0" is not an IP address. Write e.g. "10.244.1.7".`));
  });

  test('a workload of the same namespace, name and kind already exists; another kind of the same name is new', () => {
    expect(() => cluster().addWorkload({ namespaceName: 'shop', name: 'web' })).toThrow(new Error(
      'addWorkload({ namespaceName: "shop", name: "web" }): the workload shop/web[Pod] already exists. Declare only workloads that the app does not define.'));
    expect(cluster().addWorkload({ namespaceName: 'shop', name: 'web', kind: 'Deployment' }).workloads())
      .toEqual(['shop/web[Deployment]', 'shop/web[Pod]']);
    expect(cluster().addWorkload({ namespaceName: 'other', name: 'web' }).workloads()).toEqual(['other/web[Pod]', 'shop/web[Pod]']);
  });

  test('declared ports are TCP unless said otherwise, and only named ones answer to a port name', () => {
    const reach = cluster().addWorkload({
      namespaceName: 'm',
      name: 'x',
      ports: [{ port: 9100, name: 'metrics' }, { port: 53, name: 'dns', protocol: Protocol.UDP }, { port: 8080 }],
    });

    expect(() => reach.verdict(Endpoint.workload('shop/web'), Endpoint.workload('m/x'), Port.named('http'))).toThrow(new Error(
      'm/x[Pod] has no TCP container port named "http": its named ports are "metrics" (TCP 9100), "dns" (UDP 53). Ask about a port it declares, or a port number.'));
    expect(reach.verdict(Endpoint.workload('shop/web'), Endpoint.workload('m/x'), Port.named('metrics')).allowedConnections).toBe('TCP 9100');
  });
});
