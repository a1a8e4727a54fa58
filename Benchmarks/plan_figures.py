#!/usr/bin/env python3
"""Planned enterprises, continuity panels and travel minutes of plan.json files, counted from the
plans themselves, so that plans of any PanelPlan version (with or without plan.json `levels`) can
be compared on the same batch.

Usage: python3 Benchmarks/plan_figures.py BATCH PLAN.json [BATCH PLAN.json ...]

Continuity: site panels holding a member of the same enterprise's initial panel (both in the
plan). Travel: each expert's way from their home district to their first site inspection of a day,
then from site to site in half-day order (the planner's soft goal 4), with the district centres of
the independent checker (Tests/checker); a way not known counts 0, as in the planner.
"""
import csv
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "checker"))
import check_plan  # noqa: E402  (the checker's district centres and travel minutes)


def figures(batch_dir, plan_path):
    calendar = check_plan.Calendar()
    calendar.load(check_plan.DEFAULT_CALENDAR)
    calendar.load(os.path.join(batch_dir, "calendar.csv"), optional_file=True)
    districts = check_plan.Districts(check_plan.DEFAULT_DISTRICTS)
    batch = check_plan.Batch(batch_dir, calendar, districts, lambda *_: None)
    with open(os.path.join(batch_dir, "experts.csv"), encoding="utf-8-sig") as fh:
        homes = {r["id"]: districts.resolve(r["district"])[0] for r in csv.DictReader(fh) if r.get("district")}
    with open(plan_path, encoding="utf-8-sig") as fh:
        plan = json.load(fh)
    panels = {}
    visits = {}
    for a in plan["assignments"]:
        panels.setdefault(a["enterprise"], {})[a["task"]] = set(a["experts"])
        if a["task"] == "site":
            for x in a["experts"]:
                visits.setdefault((x, a["date"]), []).append((0 if a["slot"] == "am" else 1, a["enterprise"]))
    continuity = sum(1 for t in panels.values() if t.get("site", set()) & t.get("initial", set()))
    travel = 0.0
    for (expert, _), day in visits.items():
        here = homes.get(expert)
        for _, enterprise in sorted(day):
            there = batch.enterprises[enterprise]["district"]
            minutes = batch.travel_minutes(here, there) if here else 0
            travel += minutes or 0
            here = there
    return plan["planned"], continuity, round(travel)


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    print("| batch | plan | planned | continuity (panels) | travel (min) |")
    print("|---|---|---|---|---|")
    for batch_dir, plan_path in zip(args[::2], args[1::2]):
        planned, continuity, travel = figures(batch_dir, plan_path)
        print(f"| {os.path.basename(batch_dir.rstrip('/'))} | {plan_path} | {planned} | {continuity} | {travel} |")


if __name__ == "__main__":
    main()
