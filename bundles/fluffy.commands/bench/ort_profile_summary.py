#!/usr/bin/env python3
"""Summarises an ONNX Runtime profile (written with -Dfluffy.ort.profile=PREFIX): time per operator type and
the slowest nodes, per run of the session (the first runs are warm-up and are left out with --skip)."""
import argparse
import collections
import json

parser = argparse.ArgumentParser()
parser.add_argument("profile")
parser.add_argument("--skip", type=int, default=2, help="session runs to leave out (warm-up)")
parser.add_argument("--top", type=int, default=25)
args = parser.parse_args()

events = json.load(open(args.profile))
runs = [e for e in events if e.get("cat") == "Session" and e.get("name") == "model_run"]
runs.sort(key=lambda e: e["ts"])
kept = runs[args.skip:]
if not kept:
    raise SystemExit("no session runs after the warm-up")
windows = [(r["ts"], r["ts"] + r["dur"]) for r in kept]


def inside(ts):
    return any(a <= ts <= b for a, b in windows)


by_type = collections.Counter()
by_node = collections.Counter()
count = collections.Counter()
for e in events:
    if e.get("cat") != "Node" or not e["name"].endswith("_kernel_time") or not inside(e["ts"]):
        continue
    op = e["args"].get("op_name", "?")
    by_type[op] += e["dur"]
    count[op] += 1
    by_node[(e["name"][:-len("_kernel_time")], op)] += e["dur"]
n = len(kept)
total = sum(r["dur"] for r in kept) / n / 1000
ops = sum(by_type.values()) / n / 1000
print(f"{n} runs, {total:.1f} ms per run, {ops:.1f} ms in operators")
for op, d in by_type.most_common():
    print(f"  {op:24s} {d / n / 1000:8.2f} ms  {100 * d / n / 1000 / total:5.1f}%  ({count[op] // n} nodes)")
print("slowest nodes:")
for (name, op), d in by_node.most_common(args.top):
    print(f"  {d / n / 1000:8.2f} ms  {op:16s} {name}")
