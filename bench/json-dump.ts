import * as fs from 'fs';
import { generateCluster, SyntheticCluster, SyntheticWorkload } from './generate';

/** Pods per ReplicaSet in a generated dump. */
const REPLICAS = 10;

/** The cluster behind a dump of `pods` pods: one ReplicaSet per ten pods, 250 pods a namespace, one policy per 25 pods. */
export function dumpCluster(pods: number): SyntheticCluster {
  const workloads = Math.max(4, Math.ceil(pods / REPLICAS));
  return generateCluster({ workloads, policies: Math.max(1, Math.round(pods / 25)), namespaces: Math.max(4, Math.round(pods / 250)) });
}

/**
 * Writes what `kubectl get ns,pods,netpol -A -o json` prints for a generated cluster of `pods`
 * pods: a `List` (kubectl's four-space indentation) of the Namespaces, then the Pods (each owned
 * by a ReplicaSet, as a Deployment's pods are, with status, IPs and the fields a real API server
 * fills in), then the NetworkPolicies. With several files, the same items are split into that
 * many Lists in order (the baseline's input for a dump too large for one `JSON.parse`). Written
 * item by item: a 600 MB dump is never one string. Returns the number of bytes written.
 */
export function writeJsonDump(pods: number, files: string[]): number {
  const synthetic = dumpCluster(pods);
  const total = synthetic.namespaces.length + pods + synthetic.policies.length;
  let bytes = 0;
  let index = 0;
  let part = -1;
  let fd: number | undefined;
  let first = true;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (): void => {
    if (fd === undefined) return;
    const buffer = Buffer.from(pending.join(''), 'utf8');
    fs.writeSync(fd, buffer);
    bytes += buffer.length;
    pending = [];
    pendingLength = 0;
  };
  const write = (text: string): void => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength > 4 * 1024 * 1024) flush();
  };
  const close = (): void => {
    if (fd === undefined) return;
    write('\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    flush();
    fs.closeSync(fd);
    fd = undefined;
  };
  const item = (object: unknown): void => {
    const wanted = Math.min(files.length - 1, Math.floor((index * files.length) / total));
    if (wanted !== part) {
      close();
      part = wanted;
      fd = fs.openSync(files[part], 'w');
      first = true;
      write('{\n    "apiVersion": "v1",\n    "items": [\n');
    }
    write(`${first ? '' : ',\n'}        ${JSON.stringify(object, undefined, 4).replace(/\n/g, '\n        ')}`);
    first = false;
    index++;
  };
  try {
    synthetic.namespaces.forEach((ns, i) => item({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        creationTimestamp: '2026-01-12T09:14:07Z',
        labels: ns.labels,
        name: ns.name,
        resourceVersion: String(1000 + i),
        uid: uid(i, 0),
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }));
    let written = 0;
    for (let replica = 0; written < pods; replica++) {
      for (let w = 0; w < synthetic.workloads.length && written < pods; w++) {
        item(pod(synthetic.workloads[w], w, replica, written));
        written++;
      }
    }
    synthetic.policies.forEach((p, i) => item({
      ...p,
      metadata: { ...p.metadata, creationTimestamp: '2026-01-12T09:20:00Z', generation: 1, resourceVersion: String(900000 + i), uid: uid(i, 2) },
    }));
    close();
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return bytes;
}

/** One pod of a workload as the API server returns it. */
function pod(w: SyntheticWorkload, index: number, replica: number, serial: number): unknown {
  const replicaSet = `${w.name}-${hash(index, 10)}`;
  const name = `${replicaSet}-${hash(serial, 5)}`;
  const ip = podIp(serial);
  const node = `node-${serial % 500}`;
  const hostIp = `192.168.${Math.floor((serial % 500) / 250)}.${(serial % 250) + 1}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: '2026-01-12T09:15:31Z',
      generateName: `${replicaSet}-`,
      labels: { ...w.labels, 'pod-template-hash': hash(index, 10) },
      name,
      namespace: w.namespace,
      ownerReferences: [{
        apiVersion: 'apps/v1',
        blockOwnerDeletion: true,
        controller: true,
        kind: 'ReplicaSet',
        name: replicaSet,
        uid: uid(index, 1),
      }],
      resourceVersion: String(2000000 + serial),
      uid: uid(serial, 3),
    },
    spec: {
      containers: [{
        image: `registry.example.com/${w.namespace}/${w.name}:1.${replica % 7}.0`,
        imagePullPolicy: 'IfNotPresent',
        name: 'main',
        ports: w.ports.map((p) => ({ containerPort: p.port, ...(p.name ? { name: p.name } : {}), protocol: p.protocol })),
        resources: { requests: { cpu: '100m', memory: '256Mi' } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      }],
      dnsPolicy: 'ClusterFirst',
      nodeName: node,
      restartPolicy: 'Always',
      securityContext: {},
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
    },
    status: {
      conditions: ['Ready'].map((type) => ({
        lastProbeTime: null,
        lastTransitionTime: '2026-01-12T09:15:40Z',
        status: 'True',
        type,
      })),
      containerStatuses: [{
        containerID: `containerd://${hash(serial, 64)}`,
        image: `registry.example.com/${w.namespace}/${w.name}:1.${replica % 7}.0`,
        imageID: `registry.example.com/${w.namespace}/${w.name}@sha256:${hash(index, 64)}`,
        name: 'main',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: '2026-01-12T09:15:38Z' } },
      }],
      hostIP: hostIp,
      hostIPs: [{ ip: hostIp }],
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: 'Burstable',
      startTime: '2026-01-12T09:15:31Z',
    },
  };
}

/** A pod address unique in the dump, in 10.0.0.0/8 (1.6 million of them before wrapping). */
function podIp(serial: number): string {
  const n = serial + 256;
  return `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** A deterministic lower-case hex/alphanumeric string of `length` characters. */
function hash(n: number, length: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let text = '';
  let state = (n + 1) * 2654435761;
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

function uid(n: number, kind: number): string {
  const hex = (n * 7919 + kind * 104729).toString(16).padStart(12, '0').slice(-12);
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}
