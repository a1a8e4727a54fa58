"""Tests of the independent plan checker (Tests/checker/check_plan.py).

Run: cd /work/main && python3 -m unittest Tests/checker/test_check_plan.py -v

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
