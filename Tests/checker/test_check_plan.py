"""Tests of the independent plan checker (Tests/checker/check_plan.py).

Run: cd /work/main && python3 -m unittest discover -s Tests/checker -p 'test_*.py' -v

Each mutation test copies the tiny example (examples/tiny) (batch folder + valid plan.json) to a temp dir,
breaks exactly one hard rule, runs the checker as a program and asserts that exactly the intended
RULE number is reported (and exit status 1). Positive variants assert 0 violations.
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_plan.py")


REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
# The repository's own copy of the tiny example and the checker's own reference data.
TINY = os.path.join(REPO, "examples", "tiny")
CHECKER_CALENDAR = os.path.join(HERE, "data", "cn-official-days-2024-2026.csv")
CHECKER_DISTRICTS = os.path.join(HERE, "data", "shenzhen-districts.csv")

RULE_LINE = re.compile(r"^RULE (\d+): ")


def run_checker(batch_dir, plan_path, *extra):
    proc = subprocess.run([sys.executable, CHECKER, batch_dir, plan_path, *extra],
                          capture_output=True, text=True, encoding="utf-8")
    rules = [int(m.group(1)) for m in map(RULE_LINE.match, proc.stdout.splitlines()) if m]
    return proc, rules


class CheckerTestCase(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="checkplan-")
        self.batch = os.path.join(self.tmp, "tiny")
        shutil.copytree(TINY, self.batch)
        self.plan_path = os.path.join(self.batch, "plan.json")
        with open(self.plan_path, encoding="utf-8") as fh:
            self.plan = json.load(fh)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # helpers ------------------------------------------------------------------------------------
    def asg(self, enterprise, task):
        found = [a for a in self.plan["assignments"]
                 if a["enterprise"] == enterprise and a["task"] == task]
        self.assertEqual(len(found), 1, f"{enterprise} {task} in tiny plan")
        return found[0]

    def set_cell(self, filename, row_id, column, value, id_column="id"):
        path = os.path.join(self.batch, filename)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        header = rows[0]
        ci, ii = header.index(column), header.index(id_column)
        hits = 0
        for row in rows[1:]:
            if row[ii] == row_id:
                row[ci] = value
                hits += 1
        self.assertEqual(hits, 1, f"{filename}: row {row_id}")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)

    def append_line(self, filename, line, header=None):
        path = os.path.join(self.batch, filename)
        if not os.path.exists(path) and header:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(header + "\n")
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def toml_replace(self, old, new):
        path = os.path.join(self.batch, "batch.toml")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        self.assertEqual(text.count(old), 1, f"batch.toml: {old!r}")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace(old, new))

    def check(self, *extra, explicit_data=True):
        with open(self.plan_path, "w", encoding="utf-8") as fh:
            json.dump(self.plan, fh, ensure_ascii=False, indent=1)
        args = list(extra)
        if explicit_data:
            args += ["--calendar", CHECKER_CALENDAR, "--districts", CHECKER_DISTRICTS]
        return run_checker(self.batch, self.plan_path, *args)

    def assertOnlyRule(self, rule, *extra):
        proc, rules = self.check(*extra)
        msg = "\n" + proc.stdout + proc.stderr
        self.assertEqual(proc.returncode, 1, msg)
        self.assertTrue(rules, msg)
        self.assertEqual(set(rules), {rule}, msg)
        self.assertTrue(proc.stdout.rstrip().endswith(f"checker: {len(rules)} violations"), msg)
        return proc

    def assertClean(self, *extra):
        proc, rules = self.check(*extra)
        msg = "\n" + proc.stdout + proc.stderr
        self.assertEqual(rules, [], msg)
        self.assertEqual(proc.returncode, 0, msg)
        self.assertEqual(proc.stdout.splitlines()[-1], "checker: 0 violations", msg)
        return proc


class TestValidPlans(CheckerTestCase):

    def test_tiny_example_is_valid_with_explicit_data(self):
        proc = self.assertClean("--expect-complete")
        # ENT009's extension request is late: ignored with a warning (rule 2).
        self.assertIn("WARNING:", proc.stdout)
        self.assertIn("ENT009", proc.stdout)

    def test_tiny_example_is_valid_with_default_data(self):
        proc, rules = run_checker(TINY, os.path.join(TINY, "plan.json"))
        self.assertEqual((proc.returncode, rules), (0, []), proc.stdout + proc.stderr)

    def test_makeup_saturday_is_a_working_day(self):
        a = self.asg("ENT008", "site")
        a["date"] = "2026-05-09"  # Saturday, Labour Day make-up working day
        self.assertClean()

    def test_fixed_row_expert_order_does_not_matter(self):
        self.asg("ENT002", "initial")["experts"] = ["E022", "E003", "E008"]
        self.assertClean()

    def test_fixed_row_breach_is_only_a_warning(self):
        # E003 sits on the fixed ENT002 initial review on 2026-04-03.
        self.append_line("unavailability.csv", "E003,2026-04-03,,sick")
        proc = self.assertClean()
        self.assertIn("WARNING: RULE 8", proc.stdout)

    def test_travel_csv_overrides_great_circle(self):
        # E002 on 2026-05-15: ENT010 (guangming) am, ENT009 (pingshan) pm: ~118 min by formula.
        site = self.asg("ENT009", "site")
        site["experts"] = ["E003", "E004", "E006", "E014", "E002"]
        self.append_line("travel.csv", "guangming,PINGSHAN,30", header="from,to,minutes")
        self.assertClean()

    def test_late_extension_request_is_ignored(self):
        # deadline 2026-05-29 - 3 months = 2026-02-29 -> clamped 2026-02-28; 03-01 is late.
        self.set_cell("enterprises.csv", "ENT009", "extension_requested", "2026-03-01")
        self.assertClean()

    def test_draft_exactly_lead_days_before(self):
        # wd(2026-03-27, 3) = 2026-04-01, the day of ENT004's initial review.
        self.set_cell("enterprises.csv", "ENT004", "draft_submitted", "2026-03-27")
        self.assertClean()

    def test_continuity_require_holds_in_tiny(self):
        self.toml_replace('continuity = "prefer"', 'continuity = "require"')
        self.assertClean()

    def test_unscheduled_entry_covers_missing_task(self):
        self.plan["assignments"].remove(self.asg("ENT010", "site"))
        self.plan["unscheduled"].append({"enterprise": "ENT010", "task": "site",
                                         "code": "no-capacity", "reason": "test (rule 10)"})
        self.assertClean()

    def test_bom_chinese_headers_and_district_names(self):
        path = os.path.join(self.batch, "experts.csv")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        lines = text.splitlines()
        header = lines[0].split(",")
        mapping = {"id": "编号", "name": "姓名", "organization": "单位", "specialties": "专业",
                   "auditor": "审核师", "leader": "组长", "district": "区"}
        lines[0] = ",".join(mapping.get(h, h) for h in header)
        text = "\n".join(lines).replace(",yes,", ",是,").replace(",no,", ",否,")
        with open(path, "w", encoding="utf-8-sig") as fh:
            fh.write(text + "\n")
        # Enterprises with Chinese headers, a BOM, reordered columns and district names.
        epath = os.path.join(self.batch, "enterprises.csv")
        with open(epath, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        emap = {"name": "企业名称", "district": "区", "industry": "行业", "reasons": "强制原因",
                "consultancy": "服务机构", "deadline": "验收截止",
                "draft_submitted": "送审日期"}
        rows[0] = [emap.get(h, h) for h in rows[0]]
        names = {"guangming": "光明区", "longgang": "Longgang", "longhua": "龙华",
                 "pingshan": "PINGSHAN"}
        for r in rows[1:]:
            r[2] = names.get(r[2], r[2])
        rows = [list(reversed(r)) for r in rows]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows(rows)
        with open(epath, "w", encoding="utf-8-sig", newline="") as fh:
            fh.write(buf.getvalue())
        self.assertClean("--expect-complete")


class TestMutations(CheckerTestCase):
    """Each test breaks one hard rule of FORMAT.md in the tiny example."""

    # rule 1 -------------------------------------------------------------------------------------
    def test_rule1_saturday(self):
        self.asg("ENT010", "site")["date"] = "2026-05-16"
        self.assertOnlyRule(1)

    def test_rule1_holiday(self):
        self.asg("ENT008", "site")["date"] = "2026-05-05"  # Tuesday, Labour Day
        self.assertOnlyRule(1)

    def test_rule1_calendar_csv_adds_holiday(self):
        self.append_line("calendar.csv", "2026-05-15,holiday,local day off",
                         header="date,kind,name")
        self.assertOnlyRule(1)

    def test_rule1_bad_slot(self):
        self.asg("ENT008", "site")["slot"] = "evening"
        self.assertOnlyRule(1)

    def test_rule1_outside_batch(self):
        self.toml_replace("end = 2026-05-29", "end = 2026-05-14")
        self.assertOnlyRule(1)

    # rule 2 -------------------------------------------------------------------------------------
    def test_rule2_pending_extension_planned(self):
        self.plan["assignments"].append({
            "enterprise": "ENT011", "task": "initial", "date": "2026-04-07", "slot": "am",
            "experts": ["E016", "E023", "E024"], "leader": None})
        self.assertOnlyRule(2)

    def test_rule2_valid_extension_on_clamped_cutoff(self):
        # deadline 2026-05-29 - 3 months -> 2026-02-28: a request that day is valid and pending.
        self.set_cell("enterprises.csv", "ENT009", "extension_requested", "2026-02-28")
        self.assertOnlyRule(2)

    def test_rule2_penalized(self):
        self.set_cell("enterprises.csv", "ENT012", "penalized", "2026-03-10")
        self.assertOnlyRule(2)

    # rule 3 -------------------------------------------------------------------------------------
    def test_rule3_initial_too_early_after_draft(self):
        # wd(2026-03-30, 3) = 2026-04-02 > 2026-04-01.
        self.set_cell("enterprises.csv", "ENT004", "draft_submitted", "2026-03-30")
        self.assertOnlyRule(3)

    # rule 4 -------------------------------------------------------------------------------------
    def test_rule4_site_too_soon_after_initial(self):
        # wd(2026-04-01, 10) = 2026-04-16 (Qingming 04-04..06 skipped).
        self.asg("ENT004", "site")["date"] = "2026-04-15"
        self.assertOnlyRule(4)

    def test_rule4_site_after_deadline(self):
        self.set_cell("enterprises.csv", "ENT010", "deadline", "2026-05-14")
        self.assertOnlyRule(4)

    def test_rule4_gap_from_initial_review_done(self):
        # ENT005's initial review was done; wd(2026-03-25, 10) = 2026-04-09 > 2026-04-03.
        self.set_cell("enterprises.csv", "ENT005", "initial_review_done", "2026-03-25")
        self.assertOnlyRule(4)

    def test_rule4_same_day_needs_later_slot(self):
        self.toml_replace("revision_days = 10", "revision_days = 0")
        site = self.asg("ENT012", "site")  # initial 2026-04-01 pm
        site["date"], site["slot"] = "2026-04-01", "am"
        site["experts"] = ["E003", "E004", "E010", "E014", "E030"]
        site["leader"] = "E014"
        self.assertOnlyRule(4)

    # rule 5 -------------------------------------------------------------------------------------
    def test_rule5_wrong_panel_size(self):
        self.asg("ENT004", "initial")["experts"] = ["E012", "E028"]
        self.assertOnlyRule(5)

    def test_rule5_duplicate_expert(self):
        self.asg("ENT004", "initial")["experts"] = ["E012", "E028", "E028"]
        self.assertOnlyRule(5)

    def test_rule5_leader_not_in_panel(self):
        self.asg("ENT004", "site")["leader"] = "E014"
        self.assertOnlyRule(5)

    def test_rule5_leader_not_qualified(self):
        self.asg("ENT004", "site")["leader"] = "E005"
        self.assertOnlyRule(5)

    def test_rule5_initial_with_leader(self):
        self.asg("ENT009", "initial")["leader"] = "E013"
        self.assertOnlyRule(5)

    # rule 6 -------------------------------------------------------------------------------------
    def test_rule6_declared_conflict_with_enterprise(self):
        self.append_line("conflicts.csv", "E012,ENT004,former employee")
        self.assertOnlyRule(6)

    def test_rule6_employed_by_consultancy(self):
        # ENT009's consultancy is C01; E011 works for C01.
        self.asg("ENT009", "initial")["experts"] = ["E013", "E011", "E026"]
        self.assertOnlyRule(6)

    def test_rule6_organization_conflict_covers_its_clients(self):
        self.append_line("conflicts.csv", "E021,C01,consulted for them")
        self.assertOnlyRule(6)

    # rule 7 -------------------------------------------------------------------------------------
    def test_rule7_two_experts_of_one_organization(self):
        self.asg("ENT004", "initial")["experts"] = ["E012", "E027", "E028"]
        self.assertOnlyRule(7)

    def test_rule7_no_auditor(self):
        self.asg("ENT004", "initial")["experts"] = ["E001", "E015", "E028"]
        self.assertOnlyRule(7)

    def test_rule7_no_industry_expert(self):
        self.asg("ENT004", "initial")["experts"] = ["E012", "E015", "E001"]
        self.assertOnlyRule(7)

    def test_rule7_continuity_require(self):
        self.toml_replace('continuity = "prefer"', 'continuity = "require"')
        self.asg("ENT009", "site")["experts"] = ["E003", "E004", "E006", "E014", "E029"]
        self.assertOnlyRule(7)

    # rule 8 -------------------------------------------------------------------------------------
    def test_rule8_unavailable_expert_empty_to(self):
        self.append_line("unavailability.csv", "E002,2026-05-15,,sick")
        self.assertOnlyRule(8)

    def test_rule8_two_panels_in_one_slot(self):
        self.asg("ENT008", "initial")["experts"] = ["E007", "E009", "E012"]
        self.assertOnlyRule(8)

    def test_rule8_per_expert_max_initial(self):
        self.set_cell("experts.csv", "E013", "max_initial", "1")
        self.assertOnlyRule(8)

    def test_rule8_max_per_week(self):
        # Several experts have two tasks in the ISO week of 2026-04-01.
        self.toml_replace("max_per_week = 4", "max_per_week = 1")
        proc = self.assertOnlyRule(8)
        self.assertIn("ISO week", proc.stdout)

    # rule 9 -------------------------------------------------------------------------------------
    def test_rule9_same_day_sites_too_far(self):
        self.asg("ENT009", "site")["experts"] = ["E003", "E004", "E006", "E014", "E002"]
        self.assertOnlyRule(9)

    def test_rule9_travel_csv(self):
        self.append_line("travel.csv", "guangming,longhua,90", header="from,to,minutes")
        self.assertOnlyRule(9)

    # rule 10 ------------------------------------------------------------------------------------
    def test_rule10_max_parallel(self):
        self.toml_replace("max_parallel = 4", "max_parallel = 3")
        self.assertOnlyRule(10)

    # rule 11 ------------------------------------------------------------------------------------
    def test_rule11_fixed_row_changed(self):
        self.asg("ENT002", "initial")["slot"] = "pm"
        self.assertOnlyRule(11)

    # plan contract (RULE 0) ---------------------------------------------------------------------
    def test_rule0_left_out_without_unscheduled_entry(self):
        self.plan["assignments"].remove(self.asg("ENT010", "site"))
        self.assertOnlyRule(0)

    def test_rule0_expect_complete(self):
        self.plan["assignments"].remove(self.asg("ENT010", "site"))
        self.plan["unscheduled"].append({"enterprise": "ENT010", "task": "site",
                                         "code": "no-capacity", "reason": "test (rule 10)"})
        self.assertOnlyRule(0, "--expect-complete")

    def test_rule0_bad_status(self):
        self.plan["status"] = "done"
        self.assertOnlyRule(0)


class AmendedFormatCase(CheckerTestCase):
    """Helpers for the amended contract: experts.csv `active`, as_of/fact, reserves, levels."""

    def add_column(self, filename, column, values, default=""):
        """Append a column to a CSV of the batch; values: {row id (first column): cell}."""
        path = os.path.join(self.batch, filename)
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        rows[0].append(column)
        for row in rows[1:]:
            row.append(values.get(row[0], default))
        self.assertEqual(len(values.keys() & {r[0] for r in rows[1:]}), len(values))
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)

    def take_e022_off_planned_panels(self):
        """E022 then sits only on the fixed ENT002 initial review (E014 leads ENT008 instead)."""
        site = self.asg("ENT008", "site")
        site["experts"] = ["E018", "E020", "E014", "E025", "E027"]
        site["leader"] = "E014"

    def make_facts(self, as_of, *keys):
        self.plan["as_of"] = as_of
        for ent, task in keys:
            self.asg(ent, task)["fact"] = True


class TestActiveColumn(AmendedFormatCase):
    """Item 1: experts.csv `active` (default yes); rule 8 for planned tasks only."""

    def test_explicit_active_values_are_clean(self):
        self.add_column("experts.csv", "active", {"E001": "yes", "E002": "是", "E003": "TRUE",
                                                 "E004": "1", "E029": "no"})
        self.assertClean("--expect-complete")

    def test_inactive_expert_on_planned_panel_is_rule8(self):
        self.add_column("experts.csv", "active", {"E021": "no"})
        proc = self.assertOnlyRule(8)
        self.assertIn("E021 is not active", proc.stdout)

    def test_chinese_header_and_boolean(self):
        self.add_column("experts.csv", "在库", {"E021": "否"}, default="是")
        self.assertOnlyRule(8)

    def test_inactive_expert_only_in_fixed_row_is_a_warning(self):
        self.take_e022_off_planned_panels()
        self.assertClean()  # the swap itself is valid
        self.add_column("experts.csv", "active", {"E022": "no"})
        proc = self.assertClean()
        self.assertRegex(proc.stdout, r"WARNING: RULE 8: .*E022 is not active")

    def test_inactive_expert_in_fixed_row_and_on_a_planned_panel(self):
        self.add_column("experts.csv", "active", {"E022": "no"})  # also leads ENT008 site
        proc = self.assertOnlyRule(8)
        self.assertEqual(proc.stdout.count("RULE 8:"), 2, proc.stdout)  # 1 warning + 1 error
        self.assertIn("checker: 1 violations", proc.stdout)

    def test_bad_active_value_is_unreadable(self):
        self.add_column("experts.csv", "active", {"E021": "maybe"})
        proc, _ = self.check()
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)


class TestUnknownExpertIds(AmendedFormatCase):
    """Item 2: unknown expert ids in the optional files are warnings, not errors."""

    def test_unknown_expert_in_conflicts_is_a_warning(self):
        self.append_line("conflicts.csv", "E099,ENT004,left the pool")
        proc = self.assertClean()
        self.assertRegex(proc.stdout, r"WARNING: .*conflicts.csv.*E099")

    def test_unknown_expert_in_unavailability_is_a_warning(self):
        self.append_line("unavailability.csv", "E099,2026-04-01,2026-04-30,left")
        proc = self.assertClean()
        self.assertRegex(proc.stdout, r"WARNING: .*unavailability.*E099")

    def test_unknown_expert_in_affinity_is_a_warning(self):
        self.append_line("affinity.csv", "E099,ENT004,2.5", header="expert_id,enterprise_id,score")
        self.append_line("affinity.csv", "E012,ENT004,-1")
        proc = self.assertClean()
        self.assertRegex(proc.stdout, r"WARNING: .*affinity.*E099")
        self.assertNotIn("E012", proc.stdout)

    def test_fixed_row_with_unknown_expert_present_unchanged_is_clean(self):
        # E099 takes E022's seat in the fixed row and in the plan; E099 is not in experts.csv.
        path = os.path.join(self.batch, "fixed.csv")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace("E003;E008;E022", "E003;E099;E022"))
        self.asg("ENT002", "initial")["experts"] = ["E099", "E022", "E003"]
        proc = self.assertClean()
        self.assertRegex(proc.stdout, r"WARNING: .*fixed.csv.*E099")

    def test_fixed_row_with_unknown_expert_missing_from_plan_is_rule11(self):
        path = os.path.join(self.batch, "fixed.csv")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace("E003;E008;E022", "E003;E099;E022"))
        self.assertOnlyRule(11)  # the plan still has E008

    def test_unknown_expert_on_planned_panel_is_rule5(self):
        self.asg("ENT004", "initial")["experts"] = ["E012", "E099", "E028"]
        proc = self.assertOnlyRule(5)
        self.assertIn("unknown expert(s) E099", proc.stdout)


class TestFacts(AmendedFormatCase):
    """Item 3: `as_of` and `"fact": true`."""

    FIRST_DAY = [("ENT004", "initial"), ("ENT008", "initial"), ("ENT009", "initial"),
                 ("ENT010", "initial"), ("ENT012", "initial")]

    def test_facts_on_or_before_as_of_are_clean(self):
        self.make_facts("2026-04-01", *self.FIRST_DAY)
        self.assertClean("--expect-complete")

    def test_fact_false_is_a_planned_task(self):
        self.plan["as_of"] = "2026-04-01"
        self.asg("ENT004", "initial")["fact"] = False
        self.set_cell("enterprises.csv", "ENT004", "draft_submitted", "2026-03-30")
        self.assertOnlyRule(3)

    def test_fact_is_exempt_from_rules_1_to_4(self):
        # Too early after the draft (rule 3) and outside the batch (rule 1): history, not checked.
        self.set_cell("enterprises.csv", "ENT004", "draft_submitted", "2026-03-30")
        self.toml_replace("start = 2026-04-01", "start = 2026-04-02")
        self.make_facts("2026-04-01", *self.FIRST_DAY)
        self.assertClean()

    def test_fact_breaking_rule7_is_only_a_warning(self):
        self.asg("ENT004", "initial")["experts"] = ["E001", "E015", "E028"]  # no auditor
        self.make_facts("2026-04-02", ("ENT004", "initial"))
        proc = self.assertClean()
        self.assertIn("WARNING: RULE 7:", proc.stdout)

    def test_same_breach_without_fact_is_rule7(self):
        self.asg("ENT004", "initial")["experts"] = ["E001", "E015", "E028"]
        self.plan["as_of"] = "2026-04-02"
        self.assertOnlyRule(7)

    def test_fact_dated_after_as_of_is_rule11(self):
        self.make_facts("2026-04-02", ("ENT004", "site"))  # dated 2026-04-16
        proc = self.assertOnlyRule(11)
        self.assertIn("after as_of", proc.stdout)

    def test_fact_without_as_of_is_rule11(self):
        self.asg("ENT004", "initial")["fact"] = True
        self.assertOnlyRule(11)

    def test_fact_after_as_of_is_checked_as_planned(self):
        self.set_cell("enterprises.csv", "ENT004", "draft_submitted", "2026-03-30")
        self.make_facts("2026-03-31", ("ENT004", "initial"))
        proc, rules = self.check()
        self.assertEqual(sorted(set(rules)), [3, 11], proc.stdout)

    def test_facts_count_toward_caps_of_planned_tasks(self):
        # E013 reviews ENT009 (am) and ENT012 (pm) on 2026-04-01; max_initial 1.
        self.set_cell("experts.csv", "E013", "max_initial", "1")
        self.make_facts("2026-04-01", ("ENT009", "initial"))
        self.assertOnlyRule(8)

    def test_cap_broken_by_facts_only_is_a_warning(self):
        self.set_cell("experts.csv", "E013", "max_initial", "1")
        self.make_facts("2026-04-01", ("ENT009", "initial"), ("ENT012", "initial"))
        proc = self.assertClean()
        self.assertIn("WARNING: RULE 8:", proc.stdout)

    def test_facts_count_toward_max_parallel(self):
        self.toml_replace("max_parallel = 4", "max_parallel = 3")
        self.make_facts("2026-04-01", ("ENT004", "initial"), ("ENT008", "initial"),
                        ("ENT009", "initial"))
        self.assertOnlyRule(10)  # ENT010's planned initial is the 4th in 2026-04-01 am

    def test_inactive_expert_in_a_fact_is_a_warning(self):
        self.add_column("experts.csv", "active", {"E026": "no"})  # only on ENT009 initial
        self.make_facts("2026-04-01", ("ENT009", "initial"))
        proc = self.assertClean()
        self.assertIn("WARNING: RULE 8:", proc.stdout)

    def test_bad_as_of_is_rule0(self):
        self.plan["as_of"] = "2026-04-31"
        self.assertOnlyRule(0)

    def test_non_boolean_fact_is_rule0(self):
        self.plan["as_of"] = "2026-04-01"
        self.asg("ENT004", "initial")["fact"] = "yes"
        self.assertOnlyRule(0)


class TestReserves(AmendedFormatCase):
    """Item 4: `reserves` (structure always; swaps with --check-reserves)."""

    # ENT004 initial 2026-04-01 am: E012 (the only auditor), E015, E028.
    # E017 and E004 are free auditors without conflicts: valid reserves for E012.
    # ENT004 site 2026-04-16 am, leader E009: E007 (leader = yes) is a valid reserve for E009.

    def test_valid_reserves_are_clean_with_and_without_swaps(self):
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E017", "E004"]}
        self.asg("ENT004", "site")["reserves"] = {"E009": ["E007"], "E005": ["E010"]}
        self.assertClean()
        self.assertClean("--check-reserves")

    def test_reserve_on_the_panel_is_a_violation(self):
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E028"]}
        proc = self.assertOnlyRule(0)
        self.assertIn("reserve E028", proc.stdout)

    def test_reserves_key_not_a_member(self):
        self.asg("ENT004", "initial")["reserves"] = {"E013": ["E017"]}
        self.assertOnlyRule(0)

    def test_unknown_reserve(self):
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E099"]}
        self.assertOnlyRule(0)

    def test_inactive_reserve(self):
        self.add_column("experts.csv", "active", {"E017": "no"})
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E017"]}
        proc = self.assertOnlyRule(0, "--check-reserves")
        self.assertEqual(proc.stdout.count("RULE "), 1, proc.stdout)  # not swap-checked again

    def test_malformed_reserves(self):
        self.asg("ENT004", "initial")["reserves"] = ["E017"]
        self.assertOnlyRule(0)
        self.asg("ENT004", "initial")["reserves"] = {"E012": "E017"}
        self.assertOnlyRule(0)

    def test_reserve_with_conflict_is_rule6_with_check_reserves(self):
        self.append_line("conflicts.csv", "E017,ENT004,former employee")
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E004", "E017"]}
        self.assertClean()  # structure only without the flag
        proc = self.assertOnlyRule(6, "--check-reserves")
        self.assertEqual(proc.stdout.count("RULE 6:"), 1, proc.stdout)
        self.assertRegex(proc.stdout, r"RULE 6: reserve E017 for E012 .*conflict of interest")

    def test_reserve_without_auditor_is_rule7(self):
        # E001 is free but not an auditor: without E012 the panel has none.
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E001"]}
        self.assertOnlyRule(7, "--check-reserves")

    def test_busy_reserve_is_rule8(self):
        # E013 reviews ENT009 in the same slot.
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E013"]}
        proc = self.assertOnlyRule(8, "--check-reserves")
        self.assertIn("reserve E013 for E012", proc.stdout)

    def test_leader_reserve_must_be_a_leader(self):
        self.asg("ENT004", "site")["reserves"] = {"E009": ["E017"]}
        self.assertClean()
        proc = self.assertOnlyRule(5, "--check-reserves")
        self.assertIn("leader = yes", proc.stdout)

    def test_reserve_does_not_inherit_existing_violations(self):
        # A rule 7 violation of the plan itself is reported once, not blamed on the reserve.
        self.asg("ENT004", "initial")["experts"] = ["E012", "E027", "E028"]  # both ENT003
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E017"]}
        proc = self.assertOnlyRule(7, "--check-reserves")
        self.assertNotIn("reserve", proc.stdout)

    def test_reserves_on_a_fact_are_not_swap_checked(self):
        self.append_line("conflicts.csv", "E017,ENT004,former employee")
        self.make_facts("2026-04-01", ("ENT004", "initial"))
        self.asg("ENT004", "initial")["reserves"] = {"E012": ["E017"]}
        proc = self.assertClean("--check-reserves")
        self.assertIn("not swap-checked", proc.stdout)


class TestLevels(AmendedFormatCase):
    """Item 5: `levels`, structure only (RULE 0 like the rest of the plan's shape)."""

    def test_levels_well_formed(self):
        self.plan["levels"] = [{"name": "planned", "value": 72, "bound": 72},
                               {"name": "expertise", "value": -1.5, "bound": 0.25}]
        self.assertClean()
        self.plan["levels"] = []
        self.assertClean()

    def test_levels_not_a_list(self):
        self.plan["levels"] = {"planned": 72}
        self.assertOnlyRule(0)

    def test_level_value_not_a_number(self):
        self.plan["levels"] = [{"name": "planned", "value": "72", "bound": 72}]
        self.assertOnlyRule(0)

    def test_level_bound_boolean_or_missing(self):
        self.plan["levels"] = [{"name": "planned", "value": 72, "bound": True},
                               {"name": "travel", "value": 3}]
        proc = self.assertOnlyRule(0)
        self.assertIn("checker: 2 violations", proc.stdout)

    def test_level_without_name(self):
        self.plan["levels"] = [{"value": 72, "bound": 72}]
        self.assertOnlyRule(0)


class TestUnreadableInput(CheckerTestCase):

    def test_missing_experts_csv(self):
        os.remove(os.path.join(self.batch, "experts.csv"))
        proc, _ = self.check()
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)

    def test_plan_not_json(self):
        with open(self.plan_path, "w") as fh:
            fh.write("{not json")
        proc, _ = run_checker(self.batch, self.plan_path)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)


if __name__ == "__main__":
    unittest.main()
