#!/usr/bin/env python3
"""Runs `cdk8s-netpol diff REF1 REF2` on every diff case of netpol-analyzer's corpus and compares
its output with the expected diff, semantically: the same workload pairs with the same ref1/ref2
connection sets, and the same connections for every external address (IPv4 ranges may be cut
differently; each address is compared). {ingress-controller} lines are left out, as connlist's
conformance leaves them out. Prints one line per case and a last line `N passed, N failed`.

Usage: diff-conformance.py ORACLE_DIR CONFORMANCE_DIR COMMAND...
"""
import json
import os
import subprocess
import sys

oracle, conformance, command = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, conformance)
import check_connlist as cc  # noqa: E402  (the checker ships beside the corpus)


def model(text, name):
    entries, errors = cc.parse_diff(text, name)
    pairs, ips = {}, {}
    for _t, s, d, r1, r2, _ln in entries:
        if s.kind == "ING" or d.kind == "ING":
            continue
        if s.kind == "IP" and d.kind == "IP":
            continue
        if s.kind == "IP":
            ips.setdefault((d.key, "in"), []).extend((lo, hi, (r1, r2)) for lo, hi in s.ranges)
        elif d.kind == "IP":
            ips.setdefault((s.key, "out"), []).extend((lo, hi, (r1, r2)) for lo, hi in d.ranges)
        else:
            pairs[(s.key, d.key)] = (r1, r2)
    return pairs, ips, errors


def compare(expected_text, actual_text):
    ep, ei, ee = model(expected_text, "expected")
    ap, ai, ae = model(actual_text, "actual")
    problems = ee + ae
    for k in sorted(set(ep) | set(ap)):
        if ep.get(k) != ap.get(k):
            problems.append("%s => %s: expected %s, got %s" % (k[0], k[1], cc._pair_show(ep.get(k)), cc._pair_show(ap.get(k))))
    for k in sorted(set(ei) | set(ai)):
        le, la = ei.get(k, []), ai.get(k, [])
        bps = cc._segments([le, la])
        ve = cc._paint(bps, le, lambda old, new: new, None)
        va = cc._paint(bps, la, lambda old, new: new, None)
        for i in range(len(bps) - 1):
            if ve[i] != va[i]:
                problems.append("%s: expected %s, got %s" % (cc._ip_pair_str(k[0], k[1], bps[i], bps[i + 1] - 1),
                                                             cc._pair_show(ve[i]), cc._pair_show(va[i])))
    return problems


manifest = json.load(open(os.path.join(oracle, "manifest.json")))
passed = failed = 0
for case in manifest.get("diff_cases", []):
    # netpol-analyzer never matches ipBlocks against pod IPs: compare under the same reading.
    run = subprocess.run(command + ["diff", os.path.join(oracle, case["ref1_dir"]), os.path.join(oracle, case["ref2_dir"]),
                                    "--ipblock-pods", "ignore"],
                         capture_output=True, text=True)
    with open(os.path.join(oracle, case["expected"]), encoding="utf-8") as f:
        expected = f.read()
    problems = compare(expected, run.stdout) if run.returncode in (0, 1) else ["exit %d: %s" % (run.returncode, run.stderr.strip()[:300])]
    if problems:
        failed += 1
        print("FAIL %s" % case["id"])
        for p in problems[:10]:
            print("    " + p)
    else:
        passed += 1
        print("PASS %s" % case["id"])
print("diff command: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
