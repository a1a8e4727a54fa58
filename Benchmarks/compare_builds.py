#!/usr/bin/env python3
"""Two builds of panelplan on the same instances, alternated in one run: the ratio of their
median wall times and whether their plans are identical. Machines are noisy; compare ratios.

    python3 Benchmarks/compare_builds.py OLD_BINARY NEW_BINARY [--runs 5] [--only M,L]

The instances are the ones Benchmarks/run_benchmarks.py generated (Benchmarks/.instances).
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="M,L")
    args = ap.parse_args()
    out = tempfile.mkdtemp(prefix="panelplan-compare-")
    for name in args.only.split(","):
        folder = os.path.join(ROOT, "Benchmarks", ".instances", name)
        times = {"old": [], "new": []}
        for _ in range(args.runs):
            for label, binary in (("old", args.old), ("new", args.new)):
                start = time.perf_counter()
                subprocess.run([binary, "plan", folder, "--quiet", "--no-store", "--out",
                                os.path.join(out, label, name)], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[label].append(time.perf_counter() - start)
        old, new = statistics.median(times["old"]), statistics.median(times["new"])
        plans = [open(os.path.join(out, label, name, "plan.csv"), encoding="utf-8").read() for label in ("old", "new")]
        print(f"{name}: old {old:.2f} s, new {new:.2f} s, new/old {new / old:.2f}, same plan: {plans[0] == plans[1]}")


if __name__ == "__main__":
    main()
