"""A 20-night simulation of the nightly job on the demo batch (issue: "The nightly job never
loses or mis-tells anything").

Each night applies one to three real-life changes to the folder (illness, new drafts, penalties,
extensions granted or refused, experts leaving, flags or employers changed, new conflicts,
announced tasks made fixed), runs `panelplan replan --as-of NIGHT`, and publishes every third
night. Every night it asserts: exit 0 or 3; the plan passes the independent checker; every task
of the last plan dated on or before the as-of is still there, unchanged (history is fact); no
enterprise planned the night before is lost unless a change made it ineligible; and announced
tasks inside the freeze keep their date and slot unless a change touched one of their experts
or their enterprise.

Run by `make test` with PANELPLAN_BIN naming the built tool. Standard library only.
"""
import csv
import datetime
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEMO = os.path.join(ROOT, "datasets", "shenzhen-demo")
CHECKER = os.path.join(ROOT, "Tests", "checker", "check_plan.py")
BIN = os.environ.get("PANELPLAN_BIN", "")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, rows, fields):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def append_line(path, header, line):
    exists = os.path.exists(path)
    with open(path, "a", encoding="utf-8") as f:
        if not exists:
            f.write(header + "\n")
        f.write(line + "\n")


def load_plan(folder):
    with open(os.path.join(folder, "plan.json"), encoding="utf-8") as f:
        return json.load(f)


def key(a):
    return (a["enterprise"], a["task"])


def full(a):
    return (a["enterprise"], a["task"], a["date"], a["slot"], tuple(sorted(a["experts"])), a.get("leader"))


def working_days_after(day, n):
    d = day
    while n > 0:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


@unittest.skipUnless(os.path.isfile(BIN), "PANELPLAN_BIN must name the built panelplan tool")
class NightlySimulation(unittest.TestCase):
    def run_tool(self, *args):
        return subprocess.run([BIN, *args], capture_output=True, text=True, timeout=300)

    def test_twenty_nights(self):
        for seed in (2026, 7):
            with self.subTest(seed=seed):
                self.simulate(seed)

    def simulate(self, seed):
        rng = random.Random(seed)
        work = tempfile.mkdtemp(prefix="panelplan-nights-")
        batch = os.path.join(work, "batch")
        shutil.copytree(DEMO, batch, ignore=shutil.ignore_patterns("*.sqlite*", "plan.*", "changes.txt",
                                                                    "notifications.*"))
        r = self.run_tool("plan", batch, "--quiet")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.run_tool("publish", batch).returncode, 0)
        plan = load_plan(batch)
        # The reference of every replan is the last published plan (`panelplan publish`).
        published = plan
        night = datetime.date(2026, 3, 2)
        codes = []
        # Changes since the last publication: the reference is that plan, so they all count.
        ever_touched, ever_touched_experts, ever_ineligible = set(), set(), set()
        for n in range(1, 21):
            night = working_days_after(night, 1)
            as_of = night - datetime.timedelta(days=1)
            touched_experts, touched_enterprises, made_ineligible = set(), set(), set()
            ents = read_csv(os.path.join(batch, "enterprises.csv"))
            ent_fields = list(ents[0].keys())
            experts = read_csv(os.path.join(batch, "experts.csv"))
            exp_fields = list(experts[0].keys())
            if "active" not in exp_fields:
                exp_fields.append("active")
            future = [a for a in plan["assignments"] if a["date"] > as_of.isoformat()]
            for _ in range(rng.randint(1, 3)):
                kind = rng.choice(["ill", "draft", "penalty", "extension", "leave", "flag", "conflict", "fix"])
                if kind == "ill" and future:
                    a = rng.choice(future)
                    x = rng.choice(a["experts"])
                    start = datetime.date.fromisoformat(a["date"])
                    append_line(os.path.join(batch, "unavailability.csv"), "expert_id,from,to,reason",
                                f"{x},{start.isoformat()},{(start + datetime.timedelta(days=2)).isoformat()},病假")
                    touched_experts.add(x)
                elif kind == "draft":
                    waiting = [e for e in ents if not e["draft_submitted"] and not e["penalized"]]
                    if waiting:
                        e = rng.choice(waiting)
                        e["draft_submitted"] = as_of.isoformat()
                        touched_enterprises.add(e["id"])
                elif kind == "penalty":
                    open_ = [e for e in ents if not e["penalized"] and not e["site_inspection_done"]]
                    e = rng.choice(open_)
                    e["penalized"] = as_of.isoformat()
                    touched_enterprises.add(e["id"])
                    made_ineligible.add(e["id"])
                elif kind == "extension":
                    pending = [e for e in ents if e["extension_requested"] and not e["extended_deadline"]
                               and not e["extension_refused"]]
                    if pending:
                        e = rng.choice(pending)
                        if rng.random() < 0.5:
                            deadline = datetime.date.fromisoformat(e["deadline"])
                            e["extended_deadline"] = (deadline + datetime.timedelta(days=60)).isoformat()
                        else:
                            e["extension_refused"] = as_of.isoformat()
                        touched_enterprises.add(e["id"])
                elif kind in ("leave", "flag"):
                    x = rng.choice(experts)
                    if kind == "leave":
                        x["active"] = "no"
                    else:
                        x["auditor"] = "no" if x["auditor"] == "yes" else "yes"
                    touched_experts.add(x["id"])
                elif kind == "conflict" and future:
                    a = rng.choice(future)
                    x = rng.choice(a["experts"])
                    append_line(os.path.join(batch, "conflicts.csv"), "expert_id,with,reason",
                                f"{x},{a['enterprise']},新申报")
                    touched_experts.add(x)
                    touched_enterprises.add(a["enterprise"])
                elif kind == "fix" and future:
                    a = rng.choice(future)
                    fixed_path = os.path.join(batch, "fixed.csv")
                    rows = read_csv(fixed_path) if os.path.exists(fixed_path) else []
                    if not any(r["enterprise_id"] == a["enterprise"] and r["task"] == a["task"] for r in rows):
                        append_line(fixed_path, "enterprise_id,task,date,slot,experts,leader",
                                    f"{a['enterprise']},{a['task']},{a['date']},{a['slot']},"
                                    f"{';'.join(a['experts'])},{a['leader'] or ''}")
            ever_touched |= touched_enterprises
            ever_touched_experts |= touched_experts
            ever_ineligible |= made_ineligible
            write_csv(os.path.join(batch, "enterprises.csv"), ents, ent_fields)
            for x in experts:
                x.setdefault("active", "")
            write_csv(os.path.join(batch, "experts.csv"), experts, exp_fields)

            r = self.run_tool("replan", batch, "--as-of", as_of.isoformat())
            codes.append(r.returncode)
            self.assertIn(r.returncode, (0, 3), f"night {n}: {r.stderr[-2000:]}")
            new = load_plan(batch)
            check = subprocess.run([sys.executable, CHECKER, batch, os.path.join(batch, "plan.json")],
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, f"night {n}: the checker found violations:\n{check.stdout[-3000:]}")
            # History is fact.
            now = {full(a) for a in new["assignments"]}
            for a in published["assignments"]:
                if a["date"] <= as_of.isoformat():
                    self.assertIn(full(a), now, f"night {n}: past task {key(a)} of {a['date']} changed or lost")
            # No enterprise lost that no change forced.
            def planned(p):
                tasks = {}
                for a in p["assignments"]:
                    tasks.setdefault(a["enterprise"], set()).add(a["task"])
                return {e for e, t in tasks.items() if "site" in t}
            lost = planned(published) - planned(new) - made_ineligible - ever_ineligible
            unscheduled = {u["enterprise"] for u in new["unscheduled"]}
            for e in lost:
                self.assertIn(e, unscheduled, f"night {n}: {e} left the plan without a reason")
                panels = [a for a in published["assignments"] if a["enterprise"] == e]
                forced = e in ever_touched or any(set(a["experts"]) & ever_touched_experts for a in panels)
                self.assertTrue(forced, f"night {n}: {e} was lost although no change touched it")
            # Announced tasks inside the freeze move only when a change touched them.
            freeze_end = working_days_after(as_of, 5).isoformat()
            by_key = {key(a): a for a in new["assignments"]}
            for a in published["assignments"]:
                if not (as_of.isoformat() < a["date"] <= freeze_end):
                    continue
                if a["enterprise"] in ever_touched or set(a["experts"]) & ever_touched_experts:
                    continue
                b = by_key.get(key(a))
                if b is not None:
                    self.assertEqual((b["date"], b["slot"]), (a["date"], a["slot"]),
                                     f"night {n}: frozen {key(a)} moved without a cause")
            if n % 3 == 0:
                self.assertEqual(self.run_tool("publish", batch).returncode, 0)
                published = new
                ever_touched, ever_touched_experts, ever_ineligible = set(), set(), set()
            plan = new
        self.assertTrue(set(codes) <= {0, 3}, codes)
        self.check_diffs(batch, work)

    def check_diffs(self, batch, work):
        """`panelplan diff A B` lists exactly the tasks that differ between the stored versions A
        and B (exported with `panelplan export`), for every version against the first and
        against the one before it."""
        history = self.run_tool("history", batch).stdout.splitlines()
        versions = [int(line.split()[0]) for line in history if line[:1].isdigit()]
        self.assertGreater(len(versions), 2)
        plans = {}
        for v in versions:
            out = os.path.join(work, f"v{v}")
            r = self.run_tool("export", batch, "--version", str(v), "--format", "json", "--out", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            plans[v] = {key(a): a for a in load_plan(out)["assignments"]}
        names = {"added": "added", "removed": "removed", "moved": "moved", "panel": "panel-changed"}
        for a, b in {(versions[0], v) for v in versions[1:]} | set(zip(versions, versions[1:])):
            expected = set()
            for k in set(plans[a]) | set(plans[b]):
                x, y = plans[a].get(k), plans[b].get(k)
                if y is None:
                    expected.add(("removed",) + k)
                elif x is None:
                    expected.add(("added",) + k)
                elif (x["date"], x["slot"]) != (y["date"], y["slot"]):
                    expected.add(("moved",) + k)
                elif set(x["experts"]) != set(y["experts"]) or x.get("leader") != y.get("leader"):
                    expected.add(("panel-changed",) + k)
            r = self.run_tool("diff", str(a), str(b), "--batch", batch, "--lang", "en")
            self.assertEqual(r.returncode, 0, r.stderr)
            listed = set()
            for line in r.stdout.splitlines()[1:]:
                words = line.split()
                listed.add((names[words[0]], words[1], words[2]))
            self.assertEqual(listed, expected, f"diff {a} {b}")


if __name__ == "__main__":
    unittest.main()
