import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { LabelExpression, LabelSelector, Namespaces, Peer, Pods } from '../../src';

const here = { policyNamespace: 'shop' };

describe('Peer.ipBlock', () => {
  test('an IPv4 block with holes renders cidr and except', () => {
    const peer = Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16', '10.2.0.0/16']);
    expect(peer._toPeerManifests(here)).toEqual([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16'] } }]);
    expect(peer.toString()).toBe('10.0.0.0/8 except 10.1.0.0/16, 10.2.0.0/16');
    expect(peer._oppositeEnd()).toBeUndefined();
  });

  test('an IPv6 block renders without except when none is given', () => {
    const peer = Peer.ipBlock('2001:db8::/32', ['2001:db8:1::/48']);
    expect(peer._toPeerManifests(here)).toEqual([{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }]);
    expect(Peer.ipBlock('fd00::/8')._toPeerManifests(here)).toEqual([{ ipBlock: { cidr: 'fd00::/8' } }]);
  });

  test('anyIpv4 and anyIpv6 are the whole address families', () => {
    expect(Peer.anyIpv4()._toPeerManifests(here)).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }]);
    expect(Peer.anyIpv6()._toPeerManifests(here)).toEqual([{ ipBlock: { cidr: '::/0' } }]);
  });

  test('anywhere renders no peer list', () => {
    expect(Peer.anywhere()._toPeerManifests(here)).toBeUndefined();
    expect(Peer.anywhere().toString()).toBe('anywhere');
  });

  describe('eager validation with the strict 1.36 rules', () => {
    test('bits beyond the prefix suggest the network and the host', () => {
      expect(() => Peer.ipBlock('10.0.0.1/8')).toThrow(
        'Peer.ipBlock("10.0.0.1/8"): the cidr "10.0.0.1/8" must not have bits set beyond the prefix length. '
        + 'Did you mean "10.0.0.0/8" or "10.0.0.1/32"?');
    });

    test('an IPv6 host in a network suggests both forms', () => {
      expect(() => Peer.ipBlock('2001:db8::1/64')).toThrow(/Did you mean "2001:db8::\/64" or "2001:db8::1\/128"\?$/);
    });

    test('a missing prefix length suggests /32', () => {
      expect(() => Peer.ipBlock('192.168.1.1')).toThrow(
        'Peer.ipBlock("192.168.1.1"): the cidr "192.168.1.1" must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64). '
        + 'A CIDR needs a prefix length. Did you mean "192.168.1.1/32"?');
    });

    test('leading zeros are rejected with the canonical form suggested', () => {
      expect(() => Peer.ipBlock('010.0.0.0/8')).toThrow(/must not have leading 0s in IP or prefix length\. Did you mean "10\.0\.0\.0\/8"\?/);
    });

    test('IPv4-mapped IPv6 is rejected', () => {
      expect(() => Peer.ipBlock('::ffff:10.0.0.0/104')).toThrow(/must not have an IPv4-mapped IPv6 address/);
    });

    test('garbage is rejected with an example of a valid CIDR', () => {
      expect(() => Peer.ipBlock('my-host/24')).toThrow(/Write an IPv4 or IPv6 network with its prefix length/);
    });

    test('an except entry must be a strict subset of the cidr', () => {
      expect(() => Peer.ipBlock('10.0.0.0/16', ['10.0.0.0/16'])).toThrow(
        'Peer.ipBlock("10.0.0.0/16", ["10.0.0.0/16"]): the except entry "10.0.0.0/16" is not a strict subset of the cidr "10.0.0.0/16". '
        + 'Use a smaller block inside 10.0.0.0/16, or drop the entry.');
      expect(() => Peer.ipBlock('10.0.0.0/16', ['192.168.0.0/24'])).toThrow(/is not a strict subset/);
    });

    test('an except entry of the other family is rejected as such', () => {
      expect(() => Peer.ipBlock('10.0.0.0/8', ['fd00::/64'])).toThrow(/the except entry "fd00::\/64" is IPv6 but the cidr "10.0.0.0\/8" is IPv4/);
    });

    test('IPv6 must be in canonical form, which the server would only warn about', () => {
      expect(() => Peer.ipBlock('FD00::/8')).toThrow('Peer.ipBlock("FD00::/8"): the cidr "FD00::/8" is not in canonical form (RFC 5952). Write it as "fd00::/8".');
      expect(() => Peer.ipBlock('2001:db8:0:0::/64')).toThrow(/Write it as "2001:db8::\/64"\.$/);
      expect(() => Peer.ipBlock('fd00::/8', ['FD00:1::/32'])).toThrow(/the except entry "FD00:1::\/32" is not in canonical form/);
    });

    test('except entries are themselves checked strictly', () => {
      expect(() => Peer.ipBlock('10.0.0.0/8', ['10.1.0.1/16'])).toThrow(/the except entry "10.1.0.1\/16" must not have bits set beyond the prefix length/);
    });
  });
});

describe('Namespaces', () => {
  test('one name selects the metadata.name label', () => {
    const ns = Namespaces.named('monitoring');
    expect(ns._toPeerManifests()).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
    expect(ns.toString()).toBe('namespace monitoring');
    expect(ns.names).toEqual(['monitoring']);
  });

  test('several names become ONE peer with an In expression', () => {
    const ns = Namespaces.named('a', 'b', 'a');
    expect(ns._toPeerManifests()).toEqual([{
      namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] }] },
    }]);
    expect(ns.toString()).toBe('namespaces a, b');
  });

  test('labelled, selectedBy and all render their selectors', () => {
    expect(Namespaces.labelled({ team: 'pay' })._toPeerManifests()).toEqual([{ namespaceSelector: { matchLabels: { team: 'pay' } } }]);
    expect(Namespaces.selectedBy(LabelSelector.of({ expressions: [LabelExpression.exists('team')] })).toString()).toBe('namespaces team');
    expect(Namespaces.all()._toPeerManifests()).toEqual([{ namespaceSelector: {} }]);
    expect(Namespaces.selectedBy(LabelSelector.all()).toString()).toBe('all namespaces');
  });

  test('only named namespaces have an opposite end', () => {
    expect(Namespaces.named('x')._oppositeEnd()?.namespaceNames).toEqual(['x']);
    expect(Namespaces.labelled({ team: 'pay' })._oppositeEnd()).toEqual({ unwritable: 'the namespaces are chosen by labels, not by name' });
  });

  test('Peer.namespaces is the namespaces themselves', () => {
    const ns = Namespaces.named('x');
    expect(Peer.namespaces(ns)).toBe(ns);
  });

  test('a cdk8s-plus Namespace is selected by its name', () => {
    const chart = Testing.chart();
    const kns = new kplus.Namespace(chart, 'team', { metadata: { name: 'team-a' } });
    expect(Namespaces.of(kns).toString()).toBe('namespace team-a');
  });

  test('invalid or missing names are rejected', () => {
    expect(() => Namespaces.named()).toThrow('Namespaces.named(): no namespace name was given. Pass at least one name, or use Namespaces.all() for every namespace.');
    expect(() => Namespaces.named('ok', 'Not_OK')).toThrow(/^Namespaces\.named\("ok", "Not_OK"\): "Not_OK" is not a valid namespace name: a lowercase RFC 1123 label/);
    expect(() => Namespaces.named('a.b')).toThrow(/"a.b" is not a valid namespace name: .*dots/);
    expect(() => Namespaces.labelled({ 'x y': 'z' })).toThrow(/^Namespaces\.labelled\(\{"x y":"z"\}\): label key "x y" is invalid/);
  });
});

describe('Pods', () => {
  test('labelled pods are a podSelector-only peer (same namespace)', () => {
    const pods = Pods.labelled({ app: 'web' });
    expect(pods._toPeerManifests(here)).toEqual([{ podSelector: { matchLabels: { app: 'web' } } }]);
    expect(pods.toString()).toBe('pods app=web');
    expect(pods._oppositeEnd()).toEqual({ pods });
  });

  test('all pods render the empty pod selector', () => {
    expect(Pods.all()._toPeerManifests(here)).toEqual([{ podSelector: {} }]);
    expect(Pods.all().toString()).toBe('all pods');
    expect(Pods.selectedBy(LabelSelector.all()).toString()).toBe('all pods');
  });

  test('inNamespaces makes ONE peer with both selectors (AND)', () => {
    const peer = Pods.labelled({ app: 'prometheus' }).inNamespaces(Namespaces.named('monitoring'));
    expect(peer._toPeerManifests(here)).toEqual([{
      podSelector: { matchLabels: { app: 'prometheus' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
    }]);
    expect(peer.toString()).toBe('pods app=prometheus in namespace monitoring');
    expect(peer._oppositeEnd()?.namespaceNames).toEqual(['monitoring']);
  });

  test('selectedBy keeps expressions', () => {
    const pods = Pods.selectedBy(LabelSelector.of({ expressions: [LabelExpression.valueIn('tier', ['a', 'b'])] }));
    expect(pods._toPeerManifests(here)).toEqual([{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] } }]);
    expect(pods.toString()).toBe('pods tier in (a,b)');
  });

  test('Pods.labelled names itself in errors', () => {
    expect(() => Pods.labelled({ app: '-web' })).toThrow(/^Pods\.labelled\(\{"app":"-web"\}\): label value "-web" of key "app" is invalid/);
  });

  describe('cdk8s-plus workloads', () => {
    function chart(namespace?: string): Chart {
      return new Chart(Testing.app(), 'test', { namespace });
    }

    test('a Deployment is selected by its pod selector labels, read at synthesis', () => {
      const c = chart('shop');
      const web = new kplus.Deployment(c, 'web', { containers: [{ image: 'web' }], select: false, podMetadata: { labels: { app: 'web' } } });
      const pods = Pods.of(web);
      web.select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
      expect(pods._toPeerManifests(here)).toEqual([{ podSelector: { matchLabels: { app: 'web' } } }]);
      expect(pods.toString()).toBe(`pods of Deployment shop/${web.name}`);
    });

    test('a workload in another namespace adds that namespace to the same peer', () => {
      const c = chart('shop');
      const db = new kplus.StatefulSet(c, 'db', { containers: [{ image: 'db', portNumber: 5432 }], metadata: { namespace: 'data' }, select: false });
      db.select(kplus.LabelSelector.of({ labels: { app: 'db' }, expressions: [kplus.LabelExpression.in('tier', ['primary'])] }));
      expect(Pods.of(db)._toPeerManifests(here)).toEqual([{
        podSelector: { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['primary'] }] },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
      }]);
      expect(Pods.of(db)._oppositeEnd()?.namespaceNames).toEqual(['data']);
    });

    test('a workload without any namespace is taken to be in the policy namespace', () => {
      const c = chart();
      const web = new kplus.Deployment(c, 'web', { containers: [{ image: 'web' }] });
      expect(Pods.of(web)._namespaceName).toBeUndefined();
      expect(Pods.of(web)._toPeerManifests(here)).toEqual([{ podSelector: { matchLabels: web.matchLabels } }]);
      expect(Pods.of(web)._oppositeEnd().namespaceNames).toBeUndefined();
    });

    test('DaemonSet, Job and Pod work too', () => {
      const c = chart('ops');
      const agent = new kplus.DaemonSet(c, 'agent', { containers: [{ image: 'a' }] });
      const job = new kplus.Job(c, 'migrate', { containers: [{ image: 'm' }], podMetadata: { labels: { job: 'migrate' } } });
      const pod = new kplus.Pod(c, 'debug', { containers: [{ image: 'd' }], metadata: { labels: { role: 'debug' } } });
      expect(Pods.of(agent)._toPeerManifests({ policyNamespace: 'ops' })).toEqual([{ podSelector: { matchLabels: agent.matchLabels } }]);
      expect(Object.keys(agent.matchLabels)).toEqual(['cdk8s.io/metadata.addr']);
      // A Job has no selector of its own: its pod labels are used, including cdk8s-plus' address label.
      expect(Pods.of(job)._toPeerManifests({ policyNamespace: 'ops' })).toEqual([{
        podSelector: { matchLabels: { 'job': 'migrate', 'cdk8s.io/metadata.addr': job.podMetadata.getLabel('cdk8s.io/metadata.addr') } },
      }]);
      const podPeer = Pods.of(pod)._toPeerManifests({ policyNamespace: 'ops' })[0];
      expect(podPeer.podSelector?.matchLabels).toMatchObject({ role: 'debug' });
      expect(podPeer.namespaceSelector).toBeUndefined();
    });

    test('a workload without a selector falls back to its pod labels', () => {
      const c = chart('shop');
      const bare = new kplus.Deployment(c, 'bare', { containers: [{ image: 'x' }], select: false });
      expect(Pods.of(bare)._toPeerManifests(here)).toEqual([{ podSelector: { matchLabels: bare.podMetadata.toJson().labels } }]);
    });

    test('a workload whose pods carry no label at all is a clear error, not a select-all', () => {
      const c = chart('shop');
      const bare = new kplus.Deployment(c, 'bare', { containers: [{ image: 'x' }], select: false });
      // cdk8s-plus 28 always labels pods; simulate a workload type that does not.
      Object.defineProperty(bare, 'podMetadata', { get: () => ({ toJson: () => ({}) }) });
      expect(() => Pods.of(bare)._toPeerManifests(here)).toThrow(
        /^Pods\.of\(Deployment .*\): the Deployment has no pod labels, so a selector for its pods would select every pod of the namespace\. Keep its default selector/);
    });

    test('a workload already knows its namespace, so inNamespaces is refused', () => {
      const c = chart('shop');
      const web = new kplus.Deployment(c, 'web', { containers: [{ image: 'web' }] });
      expect(() => Pods.of(web).inNamespaces(Namespaces.named('x'))).toThrow(/these pods already belong to namespace shop\. Drop inNamespaces\(\)/);
    });
  });
});
