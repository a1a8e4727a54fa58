#!/usr/bin/env python3
"""Plan quality across solver seeds: one or more builds of panelplan on the generated instances,
each planned with several `--seed` values; per build and instance the planned count, covered
reasons, continuity (site panels sharing an initial member), travel minutes and the busiest
week against its limit, with their medians. One seed is one path of the search: compare builds
on medians, not on seed 1 alone. Quality only; wall times here are not benchmarks.

    python3 Benchmarks/seed_quality.py BINARY[,BINARY…] [--seeds 1,2,3,4,5] [--only S,M,tight,L]

The instances are Benchmarks/run_benchmarks.py's (Benchmarks/.instances), generated here when
missing with the same sizes and `panelplan generate --seed 1`.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", ".instances")
SIZES = {"S": (30, 60, 2), "M": (90, 150, 4), "tight": (80, 50, 2), "L": (400, 300, 12)}
PARTS = re.compile(r"covered listing reasons (\d+), continuity (\d+), travel (\d+) min")
BUSIEST = re.compile(r"busiest week (\d+) tasks \(.*?(\d+) at the least\)")


def plan(binary, folder, seed, out):
    r = subprocess.run([binary, "plan", folder, "--out", out, "--quiet", "--no-store", "--lang", "en",
                        "--seed", str(seed), "--time-limit", "60"], capture_output=True, text=True, check=True)
    with open(os.path.join(out, "plan.json"), encoding="utf-8") as f:
        planned = json.load(f)["planned"]
    reasons, continuity, travel = (int(g) for g in PARTS.search(r.stdout).groups())
    busiest, limit = (int(g) for g in BUSIEST.search(r.stdout).groups())
    return planned, reasons, continuity, travel, busiest / limit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binaries")
    ap.add_argument("--seeds", default="1,2,3,4,5")
    ap.add_argument("--only", default="S,M,tight,L")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    out = tempfile.mkdtemp(prefix="panelplan-seeds-")
    print("| instance | build | planned | reasons | continuity | travel (min) | busiest / limit |"
          " median continuity | median travel |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in args.only.split(","):
        folder = os.path.join(WORK, name)
        binaries = args.binaries.split(",")
        if not os.path.isdir(folder):
            e, x, m = SIZES[name]
            subprocess.run([binaries[0], "generate", "--enterprises", str(e), "--experts", str(x), "--seed", "1",
                            "--months", str(m), folder], check=True, stdout=subprocess.DEVNULL)
        for binary in binaries:
            rows = [plan(binary, folder, s, os.path.join(out, f"{name}-{s}")) for s in seeds]
            cols = list(zip(*rows))
            cell = lambda values: " ".join(str(v) for v in values)
            print(f"| {name} | {binary} | {cell(cols[0])} | {cell(cols[1])} | {cell(cols[2])} | {cell(cols[3])} | "
                  f"{cell(f'{v:.2f}' for v in cols[4])} | {statistics.median(cols[2])} | "
                  f"{statistics.median(cols[3])} |", flush=True)


if __name__ == "__main__":
    main()
