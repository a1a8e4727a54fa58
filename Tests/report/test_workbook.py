"""The Excel workbook (`export --format xlsx`) and the printable notices (`--format notices`), as
the bureau's staff would open them: openpyxl and LibreOffice headless for plan.xlsx, headless
Chromium printing to PDF for the notices; a batch full of hostile names (formula injection).

Run by `make test` with PANELPLAN_BIN naming the built tool.
"""
import csv
import datetime
import glob
import io
import json
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

HOSTILE = ['=HYPERLINK("http://evil.example","点我")', "+86 755 1234", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=cmd"]
SHEETS_ZH = ["日程", "专家工作量", "未安排", "通知"]


def run(*args):
    r = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise AssertionError(f"panelplan {' '.join(args)} exited {r.returncode}:\n{r.stdout}\n{r.stderr}")
    return r


def rename_column(path, column, names):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    k = rows[0].index(column)
    for i, row in enumerate(rows[1:]):
        row[k] = names[i % len(names)] + row[k]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


class WorkbookAndNotices(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="panelplan-workbook-")
        cls.batch = os.path.join(cls.tmp, "batch")
        shutil.copytree(DEMO, cls.batch)
        for f in ("panelplan.sqlite", "plan.json", "plan.csv"):
            if os.path.exists(os.path.join(cls.batch, f)):
                os.remove(os.path.join(cls.batch, f))
        # Every name starts with a character a spreadsheet would take for a formula.
        rename_column(os.path.join(cls.batch, "experts.csv"), "name", HOSTILE)
        rename_column(os.path.join(cls.batch, "enterprises.csv"), "name", HOSTILE)
        run("plan", cls.batch, "--quiet", "--no-store", "--out", cls.batch)
        with open(os.path.join(cls.batch, "plan.json"), encoding="utf-8") as f:
            cls.plan = json.load(f)
        cls.out = os.path.join(cls.tmp, "out")
        run("export", cls.batch, "--plan", os.path.join(cls.batch, "plan.json"), "--format", "all", "--out", cls.out)
        cls.out_en = os.path.join(cls.tmp, "out-en")
        run("export", cls.batch, "--plan", os.path.join(cls.batch, "plan.json"), "--format", "xlsx", "--out",
            cls.out_en, "--lang", "en")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_workbook_sheets_rows_dates_and_no_formula(self):
        wb = openpyxl.load_workbook(os.path.join(self.out, "plan.xlsx"))
        self.assertEqual(wb.sheetnames, SHEETS_ZH)
        schedule = wb["日程"]
        self.assertEqual(schedule.max_row - 1, len(self.plan["assignments"]))
        self.assertEqual(schedule.freeze_panes, "A2")
        self.assertEqual(schedule["A1"].value, "日期")
        self.assertTrue(schedule["A1"].font.bold)
        for row in schedule.iter_rows(min_row=2):
            self.assertIsInstance(row[0].value, datetime.datetime)  # a real Excel date
            self.assertIsInstance(row[8].value, datetime.datetime)  # the deadline
        dates = sorted((a["date"], a["enterprise"]) for a in self.plan["assignments"])
        got = sorted((r[0].value.date().isoformat(), r[3].value) for r in schedule.iter_rows(min_row=2))
        self.assertEqual(got, dates)
        self.assertGreater(schedule.column_dimensions["E"].width, 8)
        self.assertEqual(wb["未安排"].max_row - 1, len(self.plan["unscheduled"]))
        formulas = sum(1 for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f")
        self.assertEqual(formulas, 0)
        # The hostile names are there, verbatim, as text.
        texts = {c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        self.assertTrue(any(t.startswith('=HYPERLINK("http://evil.example"') for t in texts))
        self.assertTrue(any(t.startswith("@SUM(A1:A9)") for t in texts))
        # The workload sheet's counts are numbers that add up to the seats of the plan.
        seats = sum(len(a["experts"]) for a in self.plan["assignments"])
        self.assertEqual(sum(r[5].value for r in wb["专家工作量"].iter_rows(min_row=2)), seats)

    def test_english_workbook(self):
        wb = openpyxl.load_workbook(os.path.join(self.out_en, "plan.xlsx"))
        self.assertEqual(wb.sheetnames, ["schedule", "workload", "unplanned", "notifications"])
        self.assertEqual(wb["schedule"]["A1"].value, "date")

    @unittest.skipUnless(shutil.which("soffice"), "LibreOffice (make test-deps installs it)")
    def test_libreoffice_converts_every_sheet(self):
        conv = os.path.join(self.tmp, "conv")
        # 44 comma, 34 quote, 76 UTF-8, …, -1 every sheet to its own file (LibreOffice ≥ 7.2).
        subprocess.run(["soffice", "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", conv, os.path.join(self.out, "plan.xlsx")],
                       capture_output=True, timeout=300, check=True,
                       env={**os.environ, "HOME": self.tmp})
        files = sorted(glob.glob(os.path.join(conv, "*.csv")))
        self.assertEqual(sorted(os.path.basename(f) for f in files),
                         sorted(f"plan-{s}.csv" for s in SHEETS_ZH))
        with open(os.path.join(conv, "plan-日程.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][:3], ["日期", "时段", "环节"])
        self.assertEqual(len(rows) - 1, len(self.plan["assignments"]))
        self.assertRegex(rows[1][0], r"^\d{4}-\d{2}-\d{2}$")

    def test_csv_cells_are_neutralised(self):
        unsafe = 0
        for name in ("schedule.csv", "workload.csv", "unplanned.csv", "notifications.csv"):
            with open(os.path.join(self.out, name), encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f):
                    unsafe += sum(1 for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r"))
        self.assertEqual(unsafe, 0)

    def test_notices_one_per_enterprise_and_expert(self):
        planned = {a["enterprise"] for a in self.plan["assignments"]}
        seated = {e for a in self.plan["assignments"] for e in a["experts"]}
        with open(os.path.join(self.out, "notices", "enterprises.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertEqual(html.count("<article"), len(planned))
        with open(os.path.join(self.out, "notices", "experts.html"), encoding="utf-8") as f:
            letters = f.read()
        self.assertEqual(letters.count("<article"), len(seated))
        for e in sorted(planned)[:5]:
            self.assertTrue(os.path.exists(os.path.join(self.out, "notices", f"enterprise-{e}.html")))
        # An enterprise's notice states both dates and what to print, and names no expert.
        e = sorted(planned)[0]
        with open(os.path.join(self.out, "notices", f"enterprise-{e}.html"), encoding="utf-8") as f:
            page = f.read()
        for a in self.plan["assignments"]:
            if a["enterprise"] == e:
                y, m, d = (int(x) for x in a["date"].split("-"))
                self.assertIn(f"{y}年{m}月{d}日", page)
                for x in a["experts"]:
                    self.assertNotIn(f"({x})", page)
        self.assertIn("一式六份", page)
        self.assertIn("一式两份", page)
        # Each invitation lists exactly that expert's tasks.
        for x in sorted(seated)[:10]:
            with open(os.path.join(self.out, "notices", f"expert-{x}.html"), encoding="utf-8") as f:
                page = f.read()
            rows = page.count("<tr>") - 1
            self.assertEqual(rows, sum(1 for a in self.plan["assignments"] if x in a["experts"]), x)
        # Chinese by default: no English sentence (three English words in a row) in any notice.
        text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html + letters, flags=re.S)
        text = re.sub(r"evil\.example|HYPERLINK|SUM", " ", text)
        self.assertIsNone(re.search(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}", text))

    def test_notices_print_one_per_page(self):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            self.skipTest("chromium (make test-deps installs it)")
        pdf = os.path.join(self.tmp, "letters.pdf")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                        "file://" + os.path.join(self.out, "notices", "experts.html")],
                       capture_output=True, timeout=300, check=True)
        with open(pdf, "rb") as f:
            data = f.read()
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
        seated = {e for a in self.plan["assignments"] for e in a["experts"]}
        self.assertEqual(pages, len(seated))


if __name__ == "__main__":
    unittest.main()
