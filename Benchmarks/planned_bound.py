#!/usr/bin/env python3
"""The planned count against its bound on small generated batches whose weekly caps bind.

Each batch is `panelplan generate --enterprises E --experts X --seed S --months 2` (30×22, 40×25,
60×40, 80×50; seeds 1–6) with `[load] max_per_week` set to each value given; every build plans it
with `--seed 1 --time-limit 60`. Per build: the planned count and the level-1 bound of plan.json
(in enterprises), how many batches are proven (bound = count) and the summed gap. A bound below
its count would be a bug and is flagged. Quality only; wall times here are not benchmarks.

    python3 Benchmarks/planned_bound.py BINARY[,BINARY…] [--weekly 1,2] [--seeds 1,2,3,4,5,6]
"""
import argparse
import json
import os
import re
import subprocess
import tempfile

SIZES = [(30, 22), (40, 25), (60, 40), (80, 50)]


def generate(binary, folder, enterprises, experts, seed, weekly):
    subprocess.run([binary, "generate", "--enterprises", str(enterprises), "--experts", str(experts),
                    "--seed", str(seed), "--months", "2", folder], check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(folder, "batch.toml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r"(?m)^max_per_week = \d+$", f"max_per_week = {weekly}", text)
    assert n == 1, "batch.toml has one max_per_week"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def planned_and_bound(binary, folder, out):
    subprocess.run([binary, "plan", folder, "--out", out, "--quiet", "--no-store", "--lang", "en",
                    "--seed", "1", "--time-limit", "60"], capture_output=True, check=True)
    with open(os.path.join(out, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    level = plan["levels"][0]
    per = level["value"] / plan["planned"] if plan["planned"] else 1e6  # weights.planned
    return plan["planned"], round(level["bound"] / per)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binaries")
    ap.add_argument("--weekly", default="1,2")
    ap.add_argument("--seeds", default="1,2,3,4,5,6")
    args = ap.parse_args()
    binaries = args.binaries.split(",")
    seeds = [int(s) for s in args.seeds.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        for weekly in (int(w) for w in args.weekly.split(",")):
            print(f"\nmax_per_week = {weekly}\n")
            print("| batch | " + " | ".join(f"{b} planned / bound" for b in binaries) + " |")
            print("|---" * (len(binaries) + 1) + "|")
            totals = [[0, 0] for _ in binaries]
            for enterprises, experts in SIZES:
                for seed in seeds:
                    folder = os.path.join(tmp, f"g-{enterprises}-{experts}-{seed}-w{weekly}")
                    generate(binaries[0], folder, enterprises, experts, seed, weekly)
                    cells = []
                    for k, binary in enumerate(binaries):
                        planned, bound = planned_and_bound(binary, folder, folder + f"-out{k}")
                        totals[k][0] += planned == bound
                        totals[k][1] += bound - planned
                        cells.append(f"{planned} / {bound}" + (" INVALID" if bound < planned else ""))
                    print(f"| {enterprises}×{experts} seed {seed} | " + " | ".join(cells) + " |", flush=True)
            for binary, (proven, gap) in zip(binaries, totals):
                print(f"\n{binary}: proven {proven} of {len(SIZES) * len(seeds)}, summed gap {gap}")


if __name__ == "__main__":
    main()
