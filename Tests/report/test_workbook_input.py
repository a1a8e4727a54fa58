"""Batch folders saved as Excel workbooks, as the bureau keeps its lists: the demo with each CSV
file as its own workbook (experts.xlsx …) and as one batch.xlsx whose sheets carry Chinese names,
with real Excel dates and numbers (written by openpyxl, as Excel would). Each plans exactly like
the UTF-8 demo; an error names the workbook, the sheet, the row and the column.

Run by `make test` with PANELPLAN_BIN naming the built tool.
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "..", "datasets", "shenzhen-demo")
BIN = os.environ.get("PANELPLAN_BIN", "")
if not os.path.isfile(BIN):
    raise SystemExit(f"PANELPLAN_BIN must name the built panelplan tool (got {BIN!r}); run `make test`")

SHEETS_ZH = {"experts": "专家", "enterprises": "企业", "organizations": "单位", "conflicts": "回避",
             "unavailability": "不可用", "affinity": "匹配度", "fixed": "固定安排", "calendar": "日历",
             "travel": "路程"}


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True, timeout=600)


def typed(value):
    """A cell as Excel would hold it: dates as dates, whole numbers as numbers."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return datetime.date(*map(int, value.split("-")))
    if re.fullmatch(r"-?\d{1,9}", value):
        return int(value)
    return value


def to_workbooks(folder, one_workbook):
    book = openpyxl.Workbook() if one_workbook else None
    if book:
        book.remove(book.active)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        stem = name[:-4]
        with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        wb = book or openpyxl.Workbook()
        ws = wb.create_sheet(SHEETS_ZH.get(stem, stem)) if book else wb.active
        ws.append(rows[0])
        for row in rows[1:]:
            ws.append([typed(v) for v in row])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy/m/d"
        if not book:
            wb.save(os.path.join(folder, stem + ".xlsx"))
        os.remove(os.path.join(folder, name))
    if book:
        book.save(os.path.join(folder, "batch.xlsx"))


class WorkbookInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="panelplan-xlsx-in-")
        cls.reference = os.path.join(cls.tmp, "reference")
        r = run("plan", DEMO, "--quiet", "--no-store", "--time-limit", "3600", "--out", cls.reference)
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def copy_demo(self, name):
        folder = os.path.join(self.tmp, name)
        shutil.copytree(DEMO, folder, ignore=shutil.ignore_patterns("panelplan.sqlite", "plan.*"))
        return folder

    def plans_like_the_demo(self, folder):
        out = os.path.join(self.tmp, "out-" + os.path.basename(folder))
        r = run("plan", folder, "--quiet", "--no-store", "--time-limit", "3600", "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "plan.csv"), encoding="utf-8") as a, \
                open(os.path.join(self.reference, "plan.csv"), encoding="utf-8") as b:
            self.assertEqual(a.read(), b.read())

    def test_a_workbook_per_file(self):
        folder = self.copy_demo("each")
        to_workbooks(folder, one_workbook=False)
        self.assertFalse([f for f in os.listdir(folder) if f.endswith(".csv")])
        self.plans_like_the_demo(folder)

    def test_one_batch_workbook_with_chinese_sheet_names(self):
        folder = self.copy_demo("batch")
        to_workbooks(folder, one_workbook=True)
        self.assertEqual(sorted(os.listdir(folder)), ["batch.toml", "batch.xlsx"])
        self.plans_like_the_demo(folder)

    def test_errors_name_the_workbook_sheet_row_and_column(self):
        folder = self.copy_demo("errors")
        to_workbooks(folder, one_workbook=True)
        wb = openpyxl.load_workbook(os.path.join(folder, "batch.xlsx"))
        ws = wb["专家"]
        header = [c.value for c in ws[1]]
        ws.cell(row=7, column=header.index("district") + 1).value = "福天"
        ws = wb["企业"]
        header = [c.value for c in ws[1]]
        ws.cell(row=4, column=header.index("deadline") + 1).value = "2026-13-45"
        wb.save(os.path.join(folder, "batch.xlsx"))
        r = run("check", folder)
        self.assertEqual(r.returncode, 65, r.stdout + r.stderr)
        self.assertIn("batch.xlsx[专家]:7: column 'district': unknown district '福天'", r.stderr)
        self.assertIn("batch.xlsx[企业]:4: column 'deadline': '2026-13-45' is not a date", r.stderr)

    def test_a_broken_workbook_is_one_clear_error(self):
        folder = self.copy_demo("broken")
        os.remove(os.path.join(folder, "experts.csv"))
        with open(os.path.join(folder, "experts.xlsx"), "wb") as f:
            f.write(b"PK\x03\x04 this is not really a workbook")
        r = run("check", folder)
        self.assertEqual(r.returncode, 65)
        self.assertIn("experts.xlsx: not an .xlsx workbook", r.stderr)
        self.assertNotIn("experts.csv: file is missing", r.stderr)

    def test_csv_and_workbook_both_present_warns(self):
        folder = self.copy_demo("both")
        wb = openpyxl.Workbook()
        wb.active.append(["id", "name"])
        wb.save(os.path.join(folder, "experts.xlsx"))
        r = run("check", folder, "--lang", "en")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("experts.xlsx: ignored: experts.csv is read", r.stderr)
        # The demo's name is Chinese: without --lang the warning reads in Chinese.
        r = run("check", folder)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("警告：experts.xlsx：已忽略：读取的是 experts.csv", r.stderr)


if __name__ == "__main__":
    unittest.main()
