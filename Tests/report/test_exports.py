"""Export tests: iCalendar files through a strict real parser, and the HTML report rendered in
headless Chromium. Run by `make test` after the Swift build, which names the tool it built in PANELPLAN_BIN
(needs the `icalendar` package and Debian's `chromium`)."""
import glob
import os
import shutil
import struct
import subprocess
import tempfile
import unittest
import zlib

import icalendar

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("PANELPLAN_BIN", "")
if not os.path.isfile(BIN):
    raise SystemExit(f"PANELPLAN_BIN must name the built panelplan tool (got {BIN!r}); run `make test`")
DEMO = os.path.join(ROOT, "datasets", "shenzhen-demo")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def run(*args):
    r = subprocess.run([BIN, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"panelplan {' '.join(args)} exited {r.returncode}:\n{r.stdout}\n{r.stderr}")
    return r


class ExportTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="panelplan-export-")
        cls.batch = os.path.join(cls.tmp, "batch")
        shutil.copytree(DEMO, cls.batch)
        run("plan", cls.batch, "--quiet", "--no-store", "--out", cls.batch)
        cls.out1 = os.path.join(cls.tmp, "export1")
        cls.out2 = os.path.join(cls.tmp, "export2")
        plan = os.path.join(cls.batch, "plan.json")
        run("export", cls.batch, "--plan", plan, "--format", "all", "--out", cls.out1)
        run("export", cls.batch, "--plan", plan, "--format", "all", "--out", cls.out2, "--lang", "en")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def calendars(self, folder):
        return sorted(glob.glob(os.path.join(folder, "calendars", "*.ics")))

    def test_ics_parse_strictly(self):
        files = self.calendars(self.out1)
        self.assertGreater(len(files), 10)
        for path in files:
            raw = read(path)
            self.assertTrue(raw.endswith(b"\r\n"))
            for line in raw.split(b"\r\n"):
                self.assertLessEqual(len(line), 75, f"{path}: unfolded line")
            cal = icalendar.Calendar.from_ical(raw)
            self.assertEqual(cal.get("VERSION"), "2.0")
            tz = [c for c in cal.walk("VTIMEZONE")]
            self.assertEqual(len(tz), 1)
            self.assertEqual(str(tz[0]["TZID"]), "Asia/Shanghai")
            for ev in cal.walk("VEVENT"):
                for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
                    self.assertIn(key, ev, f"{path}: event without {key}")
                start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
                self.assertLess(start, end)
                self.assertEqual(start.utcoffset().total_seconds(), 8 * 3600)
                self.assertIn((start.hour, start.minute), [(9, 0), (14, 0)])

    def test_each_expert_calendar_holds_only_their_tasks(self):
        import json
        plan = json.loads(read(os.path.join(self.batch, "plan.json")))
        expected = {}
        for a in plan["assignments"]:
            for e in a["experts"]:
                expected.setdefault(e, set()).add(f"{a['enterprise']}-{a['task']}")
        for path in self.calendars(self.out1):
            name = os.path.basename(path)
            if name == "batch.ics":
                cal = icalendar.Calendar.from_ical(read(path))
                self.assertEqual(len(list(cal.walk("VEVENT"))), len(plan["assignments"]))
                continue
            expert = name[len("expert-"):-len(".ics")]
            cal = icalendar.Calendar.from_ical(read(path))
            got = {str(ev["UID"]).split("@")[0].split("-", 2)[2] for ev in cal.walk("VEVENT")}
            self.assertEqual(got, expected[expert], expert)
            for ev in cal.walk("VEVENT"):
                self.assertIn(f"({expert}", str(ev["DESCRIPTION"]))

    def test_reexport_updates_without_duplicates(self):
        store = {}
        for folder in (self.out1, self.out2):
            cal = icalendar.Calendar.from_ical(read(os.path.join(folder, "calendars", "batch.ics")))
            for ev in cal.walk("VEVENT"):
                store[str(ev["UID"])] = ev  # a calendar replaces events by UID
        cal = icalendar.Calendar.from_ical(read(os.path.join(self.out1, "calendars", "batch.ics")))
        self.assertEqual(len(store), len(list(cal.walk("VEVENT"))))

    def test_desk_reviews_are_at_the_bureau_site_inspections_in_the_district(self):
        cal = icalendar.Calendar.from_ical(read(os.path.join(self.out1, "calendars", "batch.ics")))
        for ev in cal.walk("VEVENT"):
            if "initial" in str(ev["UID"]):
                self.assertEqual(str(ev["LOCATION"]), "深圳市生态环境局")
            else:
                self.assertTrue(str(ev["LOCATION"]).endswith("区"), str(ev["LOCATION"]))

    def test_a_released_task_is_cancelled_and_its_expert_keeps_a_file(self):
        import json
        batch = os.path.join(self.tmp, "cancel")
        shutil.copytree(DEMO, batch)
        run("plan", batch, "--quiet")
        run("publish", batch)
        plan = json.loads(read(os.path.join(batch, "plan.json")))
        first = plan["assignments"][0]
        sick = first["experts"][0]
        with open(os.path.join(batch, "unavailability.csv"), "a", encoding="utf-8") as f:
            f.write(f"{sick},{first['date']},{first['date']},病假\n")
        r = subprocess.run([BIN, "replan", batch], capture_output=True, text=True)
        self.assertEqual(r.returncode, 3, r.stderr)
        out = os.path.join(self.tmp, "cancel-export")
        run("export", batch, "--version", "2", "--format", "ics", "--out", out)
        cal = icalendar.Calendar.from_ical(read(os.path.join(out, "calendars", f"expert-{sick}.ics")))
        uid = f"-{first['enterprise']}-{first['task']}@panelplan"
        events = [ev for ev in cal.walk("VEVENT") if str(ev["UID"]).endswith(uid)]
        self.assertEqual(len(events), 1)
        self.assertEqual(str(events[0]["STATUS"]), "CANCELLED")
        others = [ev for ev in cal.walk("VEVENT") if not str(ev["UID"]).endswith(uid)]
        self.assertTrue(all(str(ev["STATUS"]) == "CONFIRMED" for ev in others))
        self.assertTrue(all(int(ev["SEQUENCE"]) < int(events[0]["SEQUENCE"]) for ev in others))

    def test_timeline_ticks_every_month_and_map_labels_stay_inside(self):
        import re
        html = read(os.path.join(self.out1, "report.html")).decode("utf-8")
        timeline = re.search(r'<section id="timeline">.*?</section>', html, re.S).group(0)
        ticks = re.findall(r'<text x="[0-9.]+" y="12"[^>]*>(\d\d)-\d\d</text>', timeline)
        # The demo's horizon runs 2026-03-02..07-01; May 1st is a holiday, its tick still shows.
        self.assertEqual(ticks, ["03", "04", "05", "06", "07"])
        width = float(re.search(r'<svg[^>]*width="(\d+)"', timeline).group(1))
        last = re.findall(r'<text x="([0-9.]+)" y="12" text-anchor="(\w+)"', timeline)[-1]
        self.assertTrue(last[1] == "end" or float(last[0]) + 34 <= width, last)
        chart = re.search(r'<section id="map">.*?</section>', html, re.S).group(0)
        for x, y in re.findall(r'<text x="(-?[0-9.]+)" y="(-?[0-9.]+)">', chart):
            self.assertTrue(0 <= float(x) < 720 and 0 < float(y) <= 320, (x, y))

    def test_excel_sheets_have_bom_and_chinese_headers(self):
        for name in ("schedule.csv", "workload.csv", "unplanned.csv"):
            raw = read(os.path.join(self.out1, name))
            self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), name)
        header = read(os.path.join(self.out1, "schedule.csv")).decode("utf-8-sig").splitlines()[0]
        self.assertTrue(header.startswith("日期,时段,环节"))
        header_en = read(os.path.join(self.out2, "schedule.csv")).decode("utf-8-sig").splitlines()[0]
        self.assertTrue(header_en.startswith("date,slot,task"))

    def test_schedule_lists_reserves_in_calling_order(self):
        import csv
        import io
        import json
        with open(os.path.join(self.batch, "plan.json"), encoding="utf-8") as f:
            plan = json.load(f)
        rows = list(csv.reader(io.StringIO(read(os.path.join(self.out1, "schedule.csv")).decode("utf-8-sig"))))
        column = rows[0].index("候补专家（按呼叫顺序）")
        cells = {(r[3], r[2]): r[column] for r in rows[1:]}
        task_names = {"initial": "初审", "site": "现场验收"}
        checked = 0
        for a in plan["assignments"]:
            cell = cells[(a["enterprise"], task_names[a["task"]])]
            for member, reserves in (a.get("reserves") or {}).items():
                # "name(E001)→name(E045)、name(E077)": the member's reserves, in plan.json's order.
                part = next(p for p in cell.split("；") if p.split("→")[0].endswith(f"({member})"))
                called = [x.rsplit("(", 1)[1].rstrip(")") for x in part.split("→")[1].split("、")]
                self.assertEqual(called, reserves)
                checked += 1
        self.assertGreater(checked, 0)

    def test_html_is_self_contained(self):
        html = read(os.path.join(self.out1, "report.html")).decode("utf-8")
        self.assertNotIn("<script", html)
        self.assertNotIn("<link", html)
        self.assertNotIn("@import", html)
        self.assertNotIn("src=\"http", html)
        for section in ("glance", "calendar", "timeline", "load", "map", "unplanned"):
            self.assertIn(f'id="{section}"', html)
        self.assertIn("@media print", html)

    def test_html_renders_in_headless_chromium(self):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        self.assertIsNotNone(chromium, "Debian's chromium is needed (make test installs it)")
        png = os.path.join(self.tmp, "report.png")
        r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--enable-logging=stderr", "--v=0", f"--screenshot={png}", "--window-size=1280,1800",
                            "file://" + os.path.join(self.out1, "report.html")],
                           capture_output=True, text=True, timeout=120)
        self.assertTrue(os.path.exists(png), r.stderr[-2000:])
        console = [l for l in r.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
        self.assertEqual(console, [], "console errors")
        width, height, ink = png_ink(png)
        self.assertEqual((width, height), (1280, 1800))
        self.assertGreater(ink, 0.02, "the page looks blank")


def png_ink(path):
    """Width, height and the share of non-white pixels of an 8-bit RGB(A) PNG (stdlib only)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4}[color]
            assert depth == 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    ink = total = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if y % 4 == 0:
            for x in range(0, width, 4):
                px = line[x * channels:x * channels + 3]
                total += 1
                if min(px) < 235:
                    ink += 1
    return width, height, ink / max(1, total)


if __name__ == "__main__":
    unittest.main()
