#!/usr/bin/env python3
"""Independent checker for PanelPlan plans (FORMAT.md v1, hard rules 1-11).

Written from the format contract (docs/format.md) alone, without reading the planner's code, so that it can
catch the planner's mistakes rather than repeat them. Python 3.11, standard library only.

Usage:
    python3 Tests/checker/check_plan.py BATCH_DIR PLAN_JSON
        [--calendar CSV]... [--districts CSV] [--expect-complete] [--check-reserves]

Output (stdout), in this order:
    WARNING: <what>                 input oddities, and rule breaches caused by fixed rows and
                                    facts only
    RULE n: <what>                  one line per violation, sorted by rule number
    checker: N violations           always the last line (N counts RULE lines only)
"RULE 0" is this checker's name for the plan's own contract that FORMAT.md does not number: the
JSON shape (format, status, fields) and the `unscheduled` reporting (every eligible enterprise
left out is listed; --expect-complete: none is left out), and the shape of the optional members
`as_of`, `fact`, `reserves` (a key that is a panel member; known, active reserves not on the panel)
and `levels`.

Facts (`"fact": true`, dated on or before the plan's `as_of`) are treated like fixed rows: rules
1-4 are not checked against them, and any other rule they alone break is a WARNING. A fact dated
after `as_of`, or a fact in a plan without `as_of`, is "RULE 11" (the plan claims as history what
cannot be history; rule 11 is the rule about rows that must stay as they were) and is then checked
like any planned task.

--check-reserves: every reserve is swapped alone into its member's seat (and the leader's role,
for the leader) of a planned (not fixed, not fact) assignment and the changed plan is checked
again; each hard-rule breach the swap adds is reported as "RULE n: reserve R for M (...): ...".
Reserves on fixed rows and facts are not swap-checked (a WARNING says so).

Exit status: 0 no violations, 1 violations, 2 unreadable input (message on stderr).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
from collections import Counter
import os
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CALENDAR = os.path.join(HERE, "data", "cn-official-days-2024-2026.csv")
DEFAULT_DISTRICTS = os.path.join(HERE, "data", "shenzhen-districts.csv")

STATUSES = {"optimal", "feasible", "infeasible", "time-limit"}
TASKS = ("initial", "site")
SLOTS = ("am", "pm")

CHINESE_HEADERS = {
    "编号": "id", "姓名": "name", "单位": "organization", "专业": "specialties",
    "审核师": "auditor", "组长": "leader", "区": "district", "企业名称": "name",
    "行业": "industry", "强制原因": "reasons", "服务机构": "consultancy",
    "验收截止": "deadline", "送审日期": "draft_submitted", "在库": "active",
}

TRUE_WORDS = {"yes", "true", "1", "是", "y"}
FALSE_WORDS = {"no", "false", "0", "否", "n"}

ENTERPRISE_DATE_COLUMNS = (
    "listed", "deadline", "registered", "plan_filed", "draft_submitted", "extension_requested",
    "extended_deadline", "extension_refused", "penalized", "initial_review_done",
    "site_inspection_done", "final_submitted",
)

DEFAULTS = {
    "batch": {"name": None, "today": None},
    "initial_review": {"plan": True, "panel_size": 3, "lead_days": 3, "max_parallel": 4},
    "site_inspection": {"plan": True, "panel_size": 5, "revision_days": 10, "max_parallel": 3,
                        "max_travel_minutes": 60},
    "panel": {"one_per_organization": True, "require_auditor": True, "require_industry": True,
              "continuity": "prefer", "previous_experts": "prefer"},
    "load": {"max_initial": 8, "max_site": 6, "max_per_week": 4, "max_per_day": 2,
             "min_total": 0},
}


class InputError(Exception):
    """The input cannot be read: exit 2."""


# ----------------------------------------------------------------------------------------------
# Small readers

def parse_date(text, where):
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise InputError(f"{where}: not an ISO date (YYYY-MM-DD): {text!r}") from None


def opt_date(row, col, where):
    value = (row.get(col) or "").strip()
    return parse_date(value, f"{where}, column {col}") if value else None


def parse_bool(text, where, default=False):
    if isinstance(text, bool):
        return text
    value = (text or "").strip().lower()
    if value == "":
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise InputError(f"{where}: not a boolean (yes/no, true/false, 1/0, 是/否): {text!r}")


def opt_int(row, col, where):
    value = (row.get(col) or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise InputError(f"{where}, column {col}: not an integer: {value!r}") from None


def split_list(text):
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def norm_header(name):
    name = (name or "").strip().lstrip("\ufeff").strip()
    return CHINESE_HEADERS.get(name, name.lower())


def read_csv(path, required=(), optional_file=False):
    """Rows as dicts keyed by normalized headers; each row gets '_line' (1-based file line)."""
    if not os.path.exists(path):
        if optional_file:
            return None
        raise InputError(f"{path}: missing")
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            try:
                header = next(reader)
            except StopIteration:
                if required:
                    raise InputError(f"{path}: empty file, needs a header row") from None
                return []
            header = [norm_header(h) for h in header]
            missing = [c for c in required if c not in header]
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = []
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                record = {}
                for i, name in enumerate(header):
                    if name and name not in record:
                        record[name] = row[i].strip() if i < len(row) else ""
                record["_line"] = reader.line_num
                rows.append(record)
            return rows
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc})") from None
    except csv.Error as exc:
        raise InputError(f"{path}: bad CSV ({exc})") from None


def district_key(text):
    return "".join(ch for ch in (text or "").strip().lower() if ch not in " '’-_")


# ----------------------------------------------------------------------------------------------
# Reference data

class Districts:
    def __init__(self, path):
        rows = read_csv(path, required=("code", "lat", "lon"))
        self.coords = {}
        self.alias = {}
        for r in rows:
            code = r["code"].strip().lower()
            try:
                self.coords[code] = (float(r["lat"]), float(r["lon"]))
            except ValueError:
                raise InputError(f"{path}:{r['_line']}: bad lat/lon") from None
            names = [code, r.get("name_zh", ""), r.get("name_en", "")]
            zh = (r.get("name_zh") or "").strip()
            for suffix in ("特别合作区", "新区", "区"):
                if zh.endswith(suffix) and len(zh) > len(suffix):
                    names.append(zh[: -len(suffix)])
                    break
            for n in names:
                if n and n.strip():
                    self.alias[district_key(n)] = code

    def resolve(self, text):
        """District code for a code / Chinese / English name; unknown -> lower-cased text."""
        key = district_key(text)
        return self.alias.get(key, (text or "").strip().lower()), key in self.alias

    def minutes(self, a, b):
        if a == b:
            return 0.0
        if a not in self.coords or b not in self.coords:
            return None
        (la1, lo1), (la2, lo2) = self.coords[a], self.coords[b]
        p1, p2 = math.radians(la1), math.radians(la2)
        dp, dl = p2 - p1, math.radians(lo2 - lo1)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        km = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
        return km * 1.4 / 30.0 * 60.0


class Calendar:
    def __init__(self):
        self.official = {}  # date -> "holiday" | "workday"
        self.years = set()

    def load(self, path, optional_file=False):
        rows = read_csv(path, required=("date", "kind"), optional_file=optional_file)
        if rows is None:
            return
        for r in rows:
            d = parse_date(r["date"], f"{path}:{r['_line']}")
            kind = r["kind"].strip().lower()
            if kind not in ("holiday", "workday"):
                raise InputError(f"{path}:{r['_line']}: kind must be holiday or workday: "
                                 f"{r['kind']!r}")
            self.official[d] = kind  # later files win over earlier ones
            self.years.add(d.year)

    def is_working(self, d):
        kind = self.official.get(d)
        if kind is not None:
            return kind == "workday"
        return d.weekday() < 5

    def wd(self, d, n):
        """The n-th working day after d (d not counted); wd(d, 0) = d."""
        cur = d
        while n > 0:
            cur += dt.timedelta(days=1)
            if self.is_working(cur):
                n -= 1
        return cur


def minus_months_clamped(d, months):
    y, m = d.year, d.month - months
    while m <= 0:
        m += 12
        y -= 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


# ----------------------------------------------------------------------------------------------
# The batch folder

class Batch:
    def __init__(self, folder, calendar, districts, warn):
        self.folder = folder
        self.cal = calendar
        self.districts = districts
        self.warn = warn
        self.read_toml()
        self.read_organizations()
        self.read_experts()
        self.read_enterprises()
        self.read_conflicts()
        self.read_unavailability()
        self.read_fixed()
        self.read_affinity()
        self.read_travel()
        self.check_known_orgs()

    def path(self, name):
        return os.path.join(self.folder, name)

    # batch.toml ---------------------------------------------------------------------------------
    def read_toml(self):
        p = self.path("batch.toml")
        try:
            with open(p, "rb") as fh:
                raw = tomllib.load(fh)
        except FileNotFoundError:
            raise InputError(f"{p}: missing") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{p}: {exc}") from None
        cfg = {sec: dict(vals) for sec, vals in DEFAULTS.items()}
        for sec, vals in raw.items():
            if isinstance(vals, dict):
                cfg.setdefault(sec, {}).update(vals)
        b = raw.get("batch", {})
        if "start" not in b or "end" not in b:
            raise InputError(f"{p}: [batch] start and end are required")
        self.start = parse_date(b["start"], f"{p} [batch] start")
        self.end = parse_date(b["end"], f"{p} [batch] end")
        self.today = (parse_date(b["today"], f"{p} [batch] today") if b.get("today")
                      else self.start - dt.timedelta(days=1))
        self.name = b.get("name")

        def num(sec, key):
            v = cfg[sec][key]
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise InputError(f"{p}: [{sec}] {key} must be a number, got {v!r}")
            return v

        def flag(sec, key):
            return parse_bool(cfg[sec][key], f"{p}: [{sec}] {key}")

        self.initial_plan = flag("initial_review", "plan")
        self.site_plan = flag("site_inspection", "plan")
        self.panel_size = {"initial": num("initial_review", "panel_size"),
                           "site": num("site_inspection", "panel_size")}
        self.lead_days = int(num("initial_review", "lead_days"))
        self.revision_days = int(num("site_inspection", "revision_days"))
        self.max_parallel = {"initial": num("initial_review", "max_parallel"),
                             "site": num("site_inspection", "max_parallel")}
        self.max_travel = num("site_inspection", "max_travel_minutes")
        self.one_per_org = flag("panel", "one_per_organization")
        self.require_auditor = flag("panel", "require_auditor")
        self.require_industry = flag("panel", "require_industry")
        self.continuity = str(cfg["panel"]["continuity"]).strip().lower()
        if self.continuity not in ("require", "prefer", "none"):
            raise InputError(f"{p}: [panel] continuity must be require, prefer or none")
        self.max_initial = num("load", "max_initial")
        self.max_site = num("load", "max_site")
        self.max_per_week = num("load", "max_per_week")
        self.max_per_day = num("load", "max_per_day")

    # organizations.csv ----------------------------------------------------------------------------
    def read_organizations(self):
        rows = read_csv(self.path("organizations.csv"), required=("id",), optional_file=True)
        self.org_file_given = rows is not None
        self.orgs = {r["id"] for r in rows or [] if r["id"]}

    # experts.csv --------------------------------------------------------------------------------
    def read_experts(self):
        p = self.path("experts.csv")
        rows = read_csv(p, required=("id", "name", "organization"))
        self.experts = {}
        for r in rows:
            where = f"{p}:{r['_line']}"
            eid = r["id"]
            if not eid:
                raise InputError(f"{where}: empty id")
            if eid in self.experts:
                raise InputError(f"{where}: duplicate expert id {eid}")
            self.experts[eid] = {
                "id": eid,
                "org": r["organization"],
                "specialties": {s.lower() for s in split_list(r.get("specialties"))},
                "auditor": parse_bool(r.get("auditor"), f"{where}, column auditor"),
                "leader": parse_bool(r.get("leader"), f"{where}, column leader"),
                "max_initial": opt_int(r, "max_initial", where),
                "max_site": opt_int(r, "max_site", where),
                "active": parse_bool(r.get("active"), f"{where}, column active", default=True),
            }
            if not r["organization"]:
                self.warn(f"{where}: expert {eid} has no organization")

    # enterprises.csv ----------------------------------------------------------------------------
    def read_enterprises(self):
        p = self.path("enterprises.csv")
        rows = read_csv(p, required=("id", "name", "district", "industry", "listed", "deadline"))
        self.enterprises = {}
        for r in rows:
            where = f"{p}:{r['_line']}"
            xid = r["id"]
            if not xid:
                raise InputError(f"{where}: empty id")
            if xid in self.enterprises:
                raise InputError(f"{where}: duplicate enterprise id {xid}")
            dates = {c: opt_date(r, c, where) for c in ENTERPRISE_DATE_COLUMNS}
            if dates["deadline"] is None:
                raise InputError(f"{where}: deadline is required")
            district, known = self.districts.resolve(r["district"])
            if not known:
                self.warn(f"{where}: enterprise {xid}: unknown district {r['district']!r}")
            for c, d in dates.items():
                if d is not None and d > self.today and c not in ("deadline", "extended_deadline"):
                    self.warn(f"{where}: enterprise {xid}: {c} {d} is after today {self.today} "
                              f"(taken as given)")
            ent = {"id": xid, "district": district, "industry": r["industry"].strip().lower(),
                   "consultancy": r.get("consultancy", "").strip(),
                   "result": r.get("result", "").strip().lower(), **dates}
            ent["eligible"], ent["why"] = self.eligibility(ent, where)
            ent["due"] = dates["extended_deadline"] or dates["deadline"]
            self.enterprises[xid] = ent

    def eligibility(self, e, where):
        if e["draft_submitted"] is None:
            return False, "no draft_submitted"
        if e["penalized"] is not None:
            return False, f"penalized {e['penalized']}"
        if e["result"]:
            return False, f"result {e['result']!r} already given"
        if e["site_inspection_done"] is not None:
            return False, f"site_inspection_done {e['site_inspection_done']}"
        req = e["extension_requested"]
        if req is not None:
            cutoff = minus_months_clamped(e["deadline"], 3)
            if req > cutoff:
                self.warn(f"{where}: enterprise {e['id']}: extension request {req} arrived after "
                          f"{cutoff} (deadline {e['deadline']} minus 3 months): invalid, ignored "
                          f"(rule 2)")
            elif e["extended_deadline"] is None and e["extension_refused"] is None:
                return False, f"extension requested {req} still pending"
        return True, ""

    # conflicts.csv ------------------------------------------------------------------------------
    def read_conflicts(self):
        p = self.path("conflicts.csv")
        rows = read_csv(p, required=("expert_id", "with"), optional_file=True) or []
        self.known_ids = (set(self.orgs) | {x["org"] for x in self.experts.values() if x["org"]}
                          | {e["consultancy"] for e in self.enterprises.values()
                             if e["consultancy"]})
        self.conflicts = {}  # expert -> set of enterprise/organization ids
        for r in rows:
            where = f"{p}:{r['_line']}"
            eid, other = r["expert_id"], r["with"]
            if not eid and not other:
                continue
            if other not in self.enterprises and other not in self.known_ids:
                raise InputError(f"{where}: 'with' = {other!r} is neither an enterprise id nor a "
                                 f"known organization id")
            if eid not in self.experts:
                self.warn(f"{where}: conflicts.csv names unknown expert {eid!r}")
            self.conflicts.setdefault(eid, set()).add(other)

    # unavailability.csv -------------------------------------------------------------------------
    def read_unavailability(self):
        p = self.path("unavailability.csv")
        rows = read_csv(p, required=("expert_id", "from"), optional_file=True) or []
        self.unavailable = {}  # expert -> list of (from, to)
        for r in rows:
            where = f"{p}:{r['_line']}"
            start = parse_date(r["from"], f"{where}, column from")
            end = opt_date(r, "to", where) or start
            if end < start:
                self.warn(f"{where}: 'to' {end} is before 'from' {start}")
            if r["expert_id"] not in self.experts:
                self.warn(f"{where}: unavailability of unknown expert {r['expert_id']!r}")
            self.unavailable.setdefault(r["expert_id"], []).append((start, end))

    # fixed.csv ----------------------------------------------------------------------------------
    def read_fixed(self):
        p = self.path("fixed.csv")
        rows = read_csv(p, required=("enterprise_id", "task", "date", "slot", "experts"),
                        optional_file=True) or []
        self.fixed = []
        for r in rows:
            where = f"{p}:{r['_line']}"
            task, slot = r["task"].lower(), r["slot"].lower()
            if task not in TASKS:
                raise InputError(f"{where}: task must be initial or site: {r['task']!r}")
            if slot not in SLOTS:
                raise InputError(f"{where}: slot must be am or pm: {r['slot']!r}")
            leader = (r.get("leader") or "").strip() or None
            if r["enterprise_id"] not in self.enterprises:
                self.warn(f"{where}: fixed row for unknown enterprise {r['enterprise_id']!r}")
            unknown = [x for x in split_list(r["experts"]) if x not in self.experts]
            if unknown:
                self.warn(f"{where}: fixed row names expert(s) experts.csv does not list: "
                          f"{', '.join(unknown)}")
            self.fixed.append({
                "enterprise": r["enterprise_id"], "task": task,
                "date": parse_date(r["date"], f"{where}, column date"), "slot": slot,
                "experts": split_list(r["experts"]), "leader": leader, "line": r["_line"],
            })

    # affinity.csv -------------------------------------------------------------------------------
    def read_affinity(self):
        """Only for the input warnings: affinity scores are a soft goal, not checked here."""
        p = self.path("affinity.csv")
        rows = read_csv(p, optional_file=True)
        if not rows:
            return
        for r in rows:
            where = f"{p}:{r['_line']}"
            eid, xid = r.get("expert_id", ""), r.get("enterprise_id", "")
            if eid and eid not in self.experts:
                self.warn(f"{where}: affinity of unknown expert {eid!r}")
            if xid and xid not in self.enterprises:
                self.warn(f"{where}: affinity with unknown enterprise {xid!r}")
            try:
                float(r.get("score", ""))
            except ValueError:
                self.warn(f"{where}: score {r.get('score', '')!r} is not a number")

    # travel.csv ---------------------------------------------------------------------------------
    def read_travel(self):
        p = self.path("travel.csv")
        rows = read_csv(p, required=("from", "to", "minutes"), optional_file=True)
        self.travel = None
        if rows is None:
            return
        self.travel = {}
        for r in rows:
            a, _ = self.districts.resolve(r["from"])
            b, _ = self.districts.resolve(r["to"])
            try:
                m = float(r["minutes"])
            except ValueError:
                raise InputError(f"{p}:{r['_line']}: minutes not a number: {r['minutes']!r}") \
                    from None
            self.travel[(a, b)] = m
            self.travel[(b, a)] = m

    def travel_minutes(self, a, b):
        if a == b:
            return 0.0
        if self.travel is not None and (a, b) in self.travel:
            return self.travel[(a, b)]
        return self.districts.minutes(a, b)

    # --------------------------------------------------------------------------------------------
    def check_known_orgs(self):
        if not self.org_file_given:
            return
        used = {x["org"] for x in self.experts.values() if x["org"]} | \
               {e["consultancy"] for e in self.enterprises.values() if e["consultancy"]}
        for oid in sorted(used - self.orgs - set(self.enterprises)):
            self.warn(f"organization id {oid!r} is used but organizations.csv does not list it")

    def needed_tasks(self, ent):
        """Tasks an eligible enterprise should get in this batch."""
        need = []
        if ent["initial_review_done"] is None and self.initial_plan:
            need.append("initial")
        if self.site_plan and (ent["initial_review_done"] is not None or self.initial_plan):
            need.append("site")
        return need


# ----------------------------------------------------------------------------------------------
# The plan

class Checker:
    def __init__(self, batch, plan, expect_complete, check_reserves=False, read_reserves=True):
        self.b = batch
        self.plan = plan
        self.expect_complete = expect_complete
        self.check_reserves = check_reserves
        self.read_reserves = read_reserves  # False: ignore `reserves` (the swapped re-checks)
        self.errors = []    # (rule, text)
        self.warnings = []

    def error(self, rule, text):
        self.errors.append((rule, text))

    def warn(self, text):
        self.warnings.append(text)

    def breach(self, rule, text, only_kept):
        """A breach of rules 4-10: a warning when only fixed rows and facts are involved."""
        if only_kept:
            self.warn(f"RULE {rule}: {text} (fixed rows or facts only)")
        else:
            self.error(rule, text)

    @staticmethod
    def kept(a):
        """A fixed row or a (valid) fact: kept as it is, rules 1-4 not checked against it."""
        return a["fixed"] or a["fact"]

    # shape --------------------------------------------------------------------------------------
    def read_assignments(self):
        p = self.plan
        if not isinstance(p, dict):
            raise InputError("plan.json: top level is not a JSON object")
        if p.get("format") != 1 or isinstance(p.get("format"), bool):
            self.error(0, f"plan: format must be 1, got {p.get('format')!r}")
        if p.get("status") not in STATUSES:
            self.error(0, f"plan: status must be one of {sorted(STATUSES)}, got "
                          f"{p.get('status')!r}")
        if "batch" in p and self.b.name is not None and p["batch"] != self.b.name:
            self.warn(f"plan: batch {p['batch']!r} differs from batch.toml name {self.b.name!r}")
        nums = {}
        for key in ("objective", "bound", "gap"):
            v = p.get(key)
            if key not in p:
                self.warn(f"plan: no {key!r}")
            elif v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                self.error(0, f"plan: {key} must be a number, got {v!r}")
            elif v is not None:
                nums[key] = float(v)
        if len(nums) == 3:
            expect = abs(nums["bound"] - nums["objective"]) / max(1.0, abs(nums["objective"]))
            if abs(expect - nums["gap"]) > 1e-6 * max(1.0, expect):
                self.warn(f"plan: gap {nums['gap']} is not |bound - objective| / "
                          f"max(1, |objective|) = {expect}")
        self.as_of = None
        if "as_of" in p:
            v = p["as_of"]
            try:
                self.as_of = dt.date.fromisoformat(v) if isinstance(v, str) else None
            except ValueError:
                self.as_of = None
            if self.as_of is None:
                self.error(0, f"plan: as_of must be a date string YYYY-MM-DD, got {v!r}")
        if "levels" in p:
            self.check_levels(p["levels"])
        raw = p.get("assignments")
        if not isinstance(raw, list):
            self.error(0, "plan: 'assignments' must be a list")
            raw = []
        out = []
        for i, a in enumerate(raw):
            where = f"assignments[{i}]"
            if not isinstance(a, dict):
                self.error(0, f"{where}: not an object")
                continue
            ent, task, date, slot = a.get("enterprise"), a.get("task"), a.get("date"), \
                a.get("slot")
            experts, leader = a.get("experts"), a.get("leader")
            bad = []
            if not isinstance(ent, str) or not ent:
                bad.append(f"enterprise {ent!r}")
            if task not in TASKS:
                bad.append(f"task {task!r} (must be initial or site)")
            try:
                day = dt.date.fromisoformat(date) if isinstance(date, str) else None
            except ValueError:
                day = None
            if day is None:
                bad.append(f"date {date!r} (must be YYYY-MM-DD)")
            if not isinstance(experts, list) or not all(isinstance(x, str) for x in experts):
                bad.append("experts (must be a list of expert ids)")
            if "leader" not in a:
                bad.append("missing 'leader' key (null for an initial review)")
            elif leader is not None and not isinstance(leader, str):
                bad.append(f"leader {leader!r}")
            if not isinstance(slot, str):
                bad.append(f"slot {slot!r}")
            fact = a.get("fact", False)
            if not isinstance(fact, bool):
                bad.append(f"fact {fact!r} (must be true or false)")
                fact = False
            if bad:
                self.error(0, f"{where} ({ent}, {task}): malformed: " + "; ".join(bad))
                if task not in TASKS or day is None or not isinstance(experts, list) \
                        or not isinstance(ent, str):
                    continue
            rec = {"i": i, "enterprise": ent, "task": task, "date": day,
                   "slot": slot if isinstance(slot, str) else str(slot),
                   "experts": [x for x in experts if isinstance(x, str)],
                   "leader": leader if isinstance(leader, str) else None,
                   "fixed": False, "fact": False, "reserves": None}
            if fact:
                if self.as_of is None:
                    self.error(11, f"{self.label(rec)}: marked as a fact but the plan has no "
                                   f"valid as_of, so it cannot be history; checked as planned")
                elif day > self.as_of:
                    self.error(11, f"{self.label(rec)}: marked as a fact but dated after as_of "
                                   f"{self.as_of}; checked as planned")
                else:
                    rec["fact"] = True
            if "reserves" in a and self.read_reserves:
                rec["reserves"] = self.read_reserve_map(a["reserves"], rec)
            out.append(rec)
        return out

    def check_levels(self, levels):
        if not isinstance(levels, list):
            self.error(0, f"plan: levels must be a list, got {type(levels).__name__}")
            return
        for i, lv in enumerate(levels):
            where = f"plan: levels[{i}]"
            if not isinstance(lv, dict):
                self.error(0, f"{where}: not an object")
                continue
            if not isinstance(lv.get("name"), str) or not lv["name"].strip():
                self.error(0, f"{where}: needs a non-empty string name, got {lv.get('name')!r}")
            for key in ("value", "bound"):
                v = lv.get(key)
                if isinstance(v, bool) or not isinstance(v, (int, float)) or \
                        (isinstance(v, float) and not math.isfinite(v)):
                    self.error(0, f"{where} ({lv.get('name')!r}): {key} must be a number, "
                                  f"got {v!r}")

    def read_reserve_map(self, raw, a):
        """Structural checks of `reserves`; returns {member: [valid reserves]}."""
        b, lab = self.b, self.label(a)
        if not isinstance(raw, dict):
            self.error(0, f"{lab}: reserves must be an object {{member: [expert ids]}}, got "
                          f"{raw!r}")
            return None
        out = {}
        for member, lst in raw.items():
            if member not in a["experts"]:
                self.error(0, f"{lab}: reserves key {member!r} is not a member of the panel")
                continue
            if not isinstance(lst, list) or not all(isinstance(x, str) for x in lst):
                self.error(0, f"{lab}: reserves for {member} must be a list of expert ids, got "
                              f"{lst!r}")
                continue
            good = []
            for r in lst:
                if r in good:
                    self.warn(f"{lab}: reserve {r} listed twice for {member}")
                    continue
                if r in a["experts"]:
                    self.error(0, f"{lab}: reserve {r} for {member} is already on the panel")
                elif r not in b.experts:
                    self.error(0, f"{lab}: reserve {r} for {member} is not in experts.csv")
                elif not b.experts[r]["active"]:
                    self.error(0, f"{lab}: reserve {r} for {member} is not active (active = no)")
                else:
                    good.append(r)
            out[member] = good
        return out

    @staticmethod
    def label(a):
        return f"{a['enterprise']} {a['task']} {a['date']} {a['slot']}"

    # --------------------------------------------------------------------------------------------
    def run(self):
        b = self.b
        self.asg = asg = self.read_assignments()
        infeasible = self.plan.get("status") == "infeasible"

        # Rule 11: every fixed row appears unchanged (expert order aside).
        for f in b.fixed:
            match = None
            for a in asg:
                if (not a["fixed"] and a["enterprise"] == f["enterprise"]
                        and a["task"] == f["task"] and a["date"] == f["date"]
                        and a["slot"] == f["slot"]
                        and sorted(a["experts"]) == sorted(f["experts"])
                        and (a["leader"] or None) == f["leader"]):
                    match = a
                    break
            if match is not None:
                match["fixed"] = True
            elif not infeasible:
                got = [self.label(a) + " " + ";".join(a["experts"]) + f" leader={a['leader']}"
                       for a in asg if a["enterprise"] == f["enterprise"]
                       and a["task"] == f["task"]]
                self.error(11, f"fixed.csv line {f['line']} ({f['enterprise']} {f['task']} "
                               f"{f['date']} {f['slot']} {';'.join(f['experts'])} "
                               f"leader={f['leader']}) is not in the plan unchanged"
                           + (f"; plan has {' | '.join(got)}" if got else ""))

        self.by_task = by_task = {}
        for a in asg:
            by_task.setdefault((a["enterprise"], a["task"]), []).append(a)
        for (ent, task), lst in by_task.items():
            if len(lst) > 1:
                self.breach(4, f"{ent}: {len(lst)} {task} assignments (at most one per "
                               f"enterprise and task): " + ", ".join(self.label(a) for a in lst),
                            all(self.kept(a) for a in lst))

        for a in asg:
            if not self.kept(a):
                self.check_rules_1_to_4(a, by_task)
            self.check_panel(a)
        self.check_load()
        self.check_travel()
        self.check_parallel()
        self.check_unscheduled(by_task, infeasible)
        if self.check_reserves:
            self.check_reserve_swaps()

    # --check-reserves ---------------------------------------------------------------------------
    def check_reserve_swaps(self):
        """Swap each reserve alone into its member's seat; report the breaches the swap adds."""
        def errors_of(plan):
            c = Checker(self.b, plan, self.expect_complete, read_reserves=False)
            c.run()
            return Counter(c.errors)

        base = errors_of(self.plan)
        raw = self.plan["assignments"]
        for a in self.asg:
            if not a["reserves"]:
                continue
            if self.kept(a):
                self.warn(f"{self.label(a)}: reserves on a "
                          f"{'fixed row' if a['fixed'] else 'fact'} are not swap-checked")
                continue
            for member, lst in a["reserves"].items():
                for r in lst:
                    swapped = dict(raw[a["i"]])
                    swapped["experts"] = [r if x == member else x for x in a["experts"]]
                    if a["leader"] == member:
                        swapped["leader"] = r
                    plan = dict(self.plan)
                    plan["assignments"] = raw[:a["i"]] + [swapped] + raw[a["i"] + 1:]
                    new = errors_of(plan) - base
                    role = " and leader" if a["leader"] == member else ""
                    for (rule, text) in sorted(new.elements()):
                        text = text.removeprefix(self.label(a) + ": ")
                        self.error(rule, f"reserve {r} for {member}{role} "
                                         f"({self.label(a)}): {text}")

    # rules 1-4 ----------------------------------------------------------------------------------
    def check_rules_1_to_4(self, a, by_task):
        b, lab = self.b, self.label(a)
        d = a["date"]
        if a["slot"] not in SLOTS:
            self.error(1, f"{lab}: slot {a['slot']!r} is not am or pm")
        if not b.cal.is_working(d):
            why = "an official holiday" if b.cal.official.get(d) == "holiday" else \
                f"a {d.strftime('%A')}"
            self.error(1, f"{lab}: {d} is not a working day ({why})")
        if d < b.start or d > b.end:
            self.error(1, f"{lab}: {d} is outside the batch [{b.start}, {b.end}]")

        ent = b.enterprises.get(a["enterprise"])
        if ent is None:
            self.error(2, f"{lab}: enterprise {a['enterprise']} is not in enterprises.csv")
            return
        if not ent["eligible"]:
            self.error(2, f"{lab}: enterprise {ent['id']} is not eligible ({ent['why']})")
            return

        if d > ent["due"]:
            self.error(4, f"{lab}: after the deadline {ent['due']}")
        if a["task"] == "initial":
            if ent["initial_review_done"] is not None:
                self.error(4, f"{lab}: initial review already done on "
                              f"{ent['initial_review_done']}; only the site inspection may be "
                              f"planned")
            elif not b.initial_plan:
                self.error(4, f"{lab}: [initial_review] plan = false, no initial review may be "
                              f"planned")
            earliest = b.cal.wd(ent["draft_submitted"], b.lead_days)
            if d < earliest:
                self.error(3, f"{lab}: before wd({ent['draft_submitted']}, {b.lead_days}) = "
                              f"{earliest} (draft submitted {ent['draft_submitted']})")
            return

        # site
        if not b.site_plan:
            self.error(4, f"{lab}: [site_inspection] plan = false, no site inspection may be "
                          f"planned")
        initials = by_task.get((ent["id"], "initial"), [])
        if ent["initial_review_done"] is not None:
            base, base_slot, what = ent["initial_review_done"], None, "initial_review_done"
        elif initials:
            first = min(initials, key=lambda x: (x["date"], x["slot"]))
            base, base_slot, what = first["date"], first["slot"], "the initial review"
            if not b.initial_plan and not self.kept(first):
                self.error(4, f"{lab}: [initial_review] plan = false: only enterprises with "
                              f"initial_review_done get a site inspection")
        else:
            self.error(4, f"{lab}: no initial review before it (none in the plan, no "
                          f"initial_review_done)")
            return
        earliest = b.cal.wd(base, b.revision_days)
        if d < earliest:
            self.error(4, f"{lab}: before wd({base}, {b.revision_days}) = {earliest} "
                          f"({what} {base})")
        elif d == base and base_slot is not None and not (base_slot == "am" and a["slot"] == "pm"):
            self.error(4, f"{lab}: same day as {what} ({base} {base_slot}) but not in a later "
                          f"slot")

    # rules 5-7 ----------------------------------------------------------------------------------
    def check_panel(self, a):
        b, lab, fx = self.b, self.label(a), self.kept(a)
        experts = a["experts"]
        size = b.panel_size[a["task"]]
        if len(experts) != size:
            self.breach(5, f"{lab}: panel of {len(experts)} experts, {a['task']} panel_size is "
                           f"{size}", fx)
        dup = sorted({x for x in experts if experts.count(x) > 1})
        if dup:
            self.breach(5, f"{lab}: expert(s) {', '.join(dup)} more than once", fx)
        unknown = [x for x in experts if x not in b.experts]
        if unknown:
            self.breach(5, f"{lab}: unknown expert(s) {', '.join(unknown)}", fx)
        if a["task"] == "initial":
            if a["leader"] is not None:
                self.breach(5, f"{lab}: an initial review has no leader (null), got "
                               f"{a['leader']!r}", fx)
        else:
            ld = a["leader"]
            if ld is None:
                self.breach(5, f"{lab}: site panel has no leader", fx)
            elif ld not in experts:
                self.breach(5, f"{lab}: leader {ld} is not one of the panel's experts", fx)
            elif ld in b.experts and not b.experts[ld]["leader"]:
                self.breach(5, f"{lab}: leader {ld} does not have leader = yes", fx)

        members = [b.experts[x] for x in dict.fromkeys(experts) if x in b.experts]
        ent = b.enterprises.get(a["enterprise"])
        if ent is not None:
            for x in members:
                why = None
                if x["org"] and x["org"] == ent["id"]:
                    why = f"employed by the enterprise {ent['id']}"
                elif x["org"] and ent["consultancy"] and x["org"] == ent["consultancy"]:
                    why = f"employed by its consultancy {ent['consultancy']}"
                else:
                    declared = b.conflicts.get(x["id"], set())
                    if ent["id"] in declared:
                        why = f"declared conflict with {ent['id']}"
                    elif ent["consultancy"] and ent["consultancy"] in declared:
                        why = f"declared conflict with its consultancy {ent['consultancy']}"
                if why:
                    self.breach(6, f"{lab}: expert {x['id']} has a conflict of interest ({why})",
                                fx)

        if b.one_per_org:
            seen = {}
            for x in members:
                if x["org"]:
                    seen.setdefault(x["org"], []).append(x["id"])
            for org, ids in seen.items():
                if len(ids) > 1:
                    self.breach(7, f"{lab}: experts {', '.join(ids)} share organization {org} "
                                   f"(one_per_organization)", fx)
        # A kept row's unknown experts are not checked: what they hold is not known.
        judge = bool(members) and not (fx and unknown)
        if b.require_auditor and judge and not any(x["auditor"] for x in members):
            self.breach(7, f"{lab}: no certified auditor on the panel (require_auditor)", fx)
        if b.require_industry and ent is not None and judge and \
                not any(ent["industry"] in x["specialties"] for x in members):
            self.breach(7, f"{lab}: no expert with specialty {ent['industry']!r} "
                           f"(require_industry)", fx)
        if b.continuity == "require" and a["task"] == "site":
            initials = self.by_task.get((a["enterprise"], "initial"), [])
            if initials and not any(set(i["experts"]) & set(experts) for i in initials):
                self.breach(7, f"{lab}: no initial reviewer on the site panel "
                               f"(continuity = require)",
                            fx and all(self.kept(i) for i in initials))

    # rule 8 -------------------------------------------------------------------------------------
    def check_load(self):
        b = self.b
        tasks = {}  # expert -> list of assignments (an expert listed twice counts once)
        for a in self.asg:
            for x in dict.fromkeys(a["experts"]):
                if x not in b.experts and self.kept(a):
                    continue  # an unknown expert of a fixed row or fact is not checked
                tasks.setdefault(x, []).append(a)
        for x, lst in sorted(tasks.items()):
            if x in b.experts and not b.experts[x]["active"]:
                for a in lst:
                    self.breach(8, f"{self.label(a)}: expert {x} is not active (active = no)",
                                self.kept(a))
            for a in lst:
                for (f, t) in b.unavailable.get(x, []):
                    if f <= a["date"] <= t:
                        self.breach(8, f"{self.label(a)}: expert {x} is unavailable {f}..{t}",
                                    self.kept(a))
                        break
            groups = {}
            for a in lst:
                groups.setdefault(("slot", a["date"], a["slot"]), []).append(a)
            for key, g in groups.items():
                if len(g) > 1:
                    self.breach(8, f"expert {x} has {len(g)} tasks in slot {key[1]} {key[2]}: "
                                   + ", ".join(self.label(a) for a in g),
                                all(self.kept(a) for a in g))

            def cap(groups_of, limit, what):
                for key, g in sorted(groups_of.items(), key=lambda kv: str(kv[0])):
                    if len(g) > limit:
                        self.breach(8, f"expert {x}: {len(g)} {what} {key} (max {limit}): "
                                       + ", ".join(self.label(a) for a in g),
                                    all(self.kept(a) for a in g))

            per_day, per_week, per_kind = {}, {}, {}
            for a in lst:
                per_day.setdefault(a["date"].isoformat(), []).append(a)
                y, w, _ = a["date"].isocalendar()
                per_week.setdefault(f"{y}-W{w:02d}", []).append(a)
                per_kind.setdefault(a["task"], []).append(a)
            cap(per_day, b.max_per_day, "tasks on")
            cap(per_week, b.max_per_week, "tasks in ISO week")
            info = b.experts.get(x, {})
            lim_i = info.get("max_initial") if info.get("max_initial") is not None \
                else b.max_initial
            lim_s = info.get("max_site") if info.get("max_site") is not None else b.max_site
            cap({"in the batch": per_kind.get("initial", [])}, lim_i, "initial reviews")
            cap({"in the batch": per_kind.get("site", [])}, lim_s, "site inspections")

    # rule 9 -------------------------------------------------------------------------------------
    def check_travel(self):
        b = self.b
        by_day = {}
        for a in self.asg:
            if a["task"] != "site":
                continue
            for x in dict.fromkeys(a["experts"]):
                if x not in b.experts and self.kept(a):
                    continue
                by_day.setdefault((x, a["date"]), []).append(a)
        for (x, day), lst in sorted(by_day.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            for i in range(len(lst)):
                for j in range(i + 1, len(lst)):
                    p, q = lst[i], lst[j]
                    ep, eq = b.enterprises.get(p["enterprise"]), b.enterprises.get(q["enterprise"])
                    if ep is None or eq is None:
                        continue
                    m = b.travel_minutes(ep["district"], eq["district"])
                    if m is None:
                        self.warn(f"RULE 9: expert {x} on {day}: travel {ep['district']} -> "
                                  f"{eq['district']} unknown, not checked")
                    elif m > b.max_travel:
                        self.breach(9, f"expert {x} on {day}: site inspections {p['enterprise']} "
                                       f"({ep['district']}) and {q['enterprise']} "
                                       f"({eq['district']}) are {m:.1f} min apart "
                                       f"(max_travel_minutes {b.max_travel})",
                                    self.kept(p) and self.kept(q))

    # rule 10 ------------------------------------------------------------------------------------
    def check_parallel(self):
        groups = {}
        for a in self.asg:
            groups.setdefault((a["date"], a["slot"], a["task"]), []).append(a)
        for (d, s, t), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
            limit = self.b.max_parallel[t]
            if len(g) > limit:
                self.breach(10, f"{d} {s}: {len(g)} {t} tasks in one slot (max_parallel "
                                f"{limit}): " + ", ".join(a["enterprise"] for a in g),
                            all(self.kept(a) for a in g))

    # unscheduled --------------------------------------------------------------------------------
    def check_unscheduled(self, by_task, infeasible):
        b = self.b
        raw = self.plan.get("unscheduled", [])
        if not isinstance(raw, list):
            self.error(0, "plan: 'unscheduled' must be a list")
            raw = []
        covered = set()
        for i, u in enumerate(raw):
            where = f"unscheduled[{i}]"
            if not isinstance(u, dict):
                self.error(0, f"{where}: not an object")
                continue
            ent, task = u.get("enterprise"), u.get("task")
            if not isinstance(ent, str) or not ent:
                self.error(0, f"{where}: bad enterprise {ent!r}")
                continue
            if "task" not in u or (task is not None and task not in TASKS):
                self.error(0, f"{where} ({ent}): task must be null, \"initial\" or \"site\", got "
                              f"{task!r}")
                continue
            for key in ("code", "reason"):
                if not isinstance(u.get(key), str) or not u.get(key).strip():
                    self.error(0, f"{where} ({ent}): needs a non-empty {key}")
            if ent not in b.enterprises:
                self.warn(f"{where}: enterprise {ent!r} is not in enterprises.csv")
            for t in (TASKS if task is None else (task,)):
                covered.add((ent, t))
                if by_task.get((ent, t)) and (task is not None or
                                              all(by_task.get((ent, k)) for k in TASKS)):
                    self.warn(f"{where}: {ent} {t} is listed as unscheduled but is planned")
        if infeasible:
            if self.expect_complete:
                self.error(0, "plan: status is infeasible but a complete plan was expected")
            return
        for ent in b.enterprises.values():
            if not ent["eligible"]:
                continue
            for t in b.needed_tasks(ent):
                if by_task.get((ent["id"], t)):
                    continue
                if self.expect_complete:
                    self.error(0, f"{ent['id']}: {t} not planned (--expect-complete)")
                elif (ent["id"], t) not in covered:
                    self.error(0, f"{ent['id']}: eligible, {t} not planned and not listed in "
                                  f"unscheduled")


# ----------------------------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description="Check a PanelPlan plan.json against FORMAT.md v1 "
                                             "hard rules 1-11.")
    ap.add_argument("batch_dir")
    ap.add_argument("plan_json")
    ap.add_argument("--calendar", action="append",
                    help="official days CSV (date,kind,...); repeatable, later files win; "
                         f"default {DEFAULT_CALENDAR}")
    ap.add_argument("--districts", default=DEFAULT_DISTRICTS,
                    help=f"district centres CSV (code,name_zh,name_en,lat,lon); default "
                         f"{DEFAULT_DISTRICTS}")
    ap.add_argument("--expect-complete", action="store_true",
                    help="every eligible enterprise must have all its tasks planned")
    ap.add_argument("--check-reserves", action="store_true",
                    help="swap each reserve alone into its member's seat and re-check every "
                         "hard rule (reported as 'RULE n: reserve ...')")
    args = ap.parse_args(argv)

    input_warnings = []
    try:
        cal = Calendar()
        for path in args.calendar or [DEFAULT_CALENDAR]:
            cal.load(path)
        cal.load(os.path.join(args.batch_dir, "calendar.csv"), optional_file=True)
        districts = Districts(args.districts)
        if not os.path.isdir(args.batch_dir):
            raise InputError(f"{args.batch_dir}: not a folder")
        batch = Batch(args.batch_dir, cal, districts, input_warnings.append)
        try:
            with open(args.plan_json, encoding="utf-8-sig") as fh:
                plan = json.load(fh)
        except FileNotFoundError:
            raise InputError(f"{args.plan_json}: missing") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.plan_json}: not valid JSON ({exc})") from None
        checker = Checker(batch, plan, args.expect_complete, args.check_reserves)
        checker.run()
    except InputError as exc:
        print(f"checker: unreadable input: {exc}", file=sys.stderr)
        return 2

    years = {a["date"].year for a in checker.asg}
    for y in sorted(years - cal.years):
        input_warnings.append(f"no official holidays known for {y}: only weekends are "
                              f"non-working (add a --calendar file or calendar.csv)")
    for w in input_warnings + checker.warnings:
        print(f"WARNING: {w}")
    for rule, text in sorted(checker.errors, key=lambda e: e[0]):
        print(f"RULE {rule}: {text}")
    print(f"checker: {len(checker.errors)} violations")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
