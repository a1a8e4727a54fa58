"""Smoke test of the black-box fuzzer, and unit tests of its mutators.

    PANELPLAN_BIN=.build/debug/panelplan python3 -m unittest discover -s Tests/fuzz -v

The smoke test runs the fuzzer (40 cases, 1 job) against the binary that
PANELPLAN_BIN names and asserts no crash and no hang. It is skipped only when
PANELPLAN_BIN is unset; a PANELPLAN_BIN naming no file is a failure.
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import fuzz_batches as fb  # noqa: E402

SUMMARY = re.compile(r"^fuzz: (\d+) cases, (\d+) crashes, (\d+) hangs, (\d+) unexpected exits$", re.M)

CSV_SAMPLE = (
    "id,name,organization,specialties,auditor,leader,district,max_initial,max_site\n"
    "E001,范永东,U-HITSZ,voc;toxic-substances,no,no,nanshan,,\n"
    "E002,方琴春,C02,printing;air-pollution;voc,yes,no,baoan,,\n"
    "E003,曹立,U-SZTU,coatings,no,yes,pingshan,4,\n"
).encode("utf-8")
TOML_SAMPLE = (
    '[batch]\nname = "示例"\nstart = 2026-04-01\nend = 2026-05-29\n\n'
    "[initial_review]\nplan = true\npanel_size = 3\n\n[load]\nmax_per_day = 2\n"
).encode("utf-8")
JSON_SAMPLE = json.dumps({
    "format": 1, "batch": "b", "status": "feasible", "objective": 1.0, "bound": 1.0, "gap": 0.0,
    "assignments": [
        {"enterprise": "ENT1", "task": "initial", "date": "2026-04-01", "slot": "am",
         "experts": ["E001", "E002", "E003"], "leader": None},
        {"enterprise": "ENT1", "task": "site", "date": "2026-04-20", "slot": "pm",
         "experts": ["E001", "E002", "E003", "E004", "E005"], "leader": "E003"}],
    "unscheduled": [{"enterprise": "ENT2", "task": None, "code": "no-draft", "reason": "x"}],
}, ensure_ascii=False, indent=1).encode("utf-8")
SAMPLES = {"any": CSV_SAMPLE, "csv": CSV_SAMPLE, "toml": TOML_SAMPLE, "json": JSON_SAMPLE}


def seed_folders():
    seeds = [os.path.join(REPO, "datasets", "shenzhen-demo")]
    tiny = os.path.join(REPO, "examples", "tiny")
    if os.path.isdir(tiny):
        seeds.append(tiny)
    return [s for s in seeds if os.path.isdir(s)]


class MutatorTests(unittest.TestCase):
    def test_each_mutator_changes_its_input(self):
        for name, (kind, fn) in fb.MUTATORS.items():
            samples = [SAMPLES[kind]] if kind != "any" else [CSV_SAMPLE, TOML_SAMPLE, JSON_SAMPLE]
            for sample in samples:
                changed = 0
                for s in range(25):
                    out = fn(random.Random(s), sample, None)
                    if out is None:
                        continue
                    self.assertIsInstance(out, bytes, name)
                    self.assertNotEqual(out, sample, "%s returned its input unchanged (seed %d)" % (name, s))
                    changed += 1
                self.assertGreater(changed, 0, "%s never applied to its sample" % name)

    def test_each_mutator_is_deterministic(self):
        for name, (kind, fn) in fb.MUTATORS.items():
            sample = SAMPLES[kind]
            for s in range(5):
                self.assertEqual(fn(random.Random(s), sample, None), fn(random.Random(s), sample, None), name)

    def test_mutate_content_always_changes_and_is_seeded(self):
        for fname, sample in (("experts.csv", CSV_SAMPLE), ("batch.toml", TOML_SAMPLE),
                              ("plan.json", JSON_SAMPLE), ("x.csv", b""), ("batch.toml", b"")):
            outs = set()
            for s in range(30):
                a = fb.mutate_content(random.Random(s), fname, sample)
                b = fb.mutate_content(random.Random(s), fname, sample)
                self.assertEqual(a, b)
                self.assertNotEqual(a[0], sample)
                outs.add(a[0])
            self.assertGreater(len(outs), 10, "too little variety for %s" % fname)

    def test_mutators_cover_the_required_values(self):
        values = set(fb.STRINGS + fb.NUMBERS + fb.DATES + fb.TOML_VALUES)
        for v in ("9223372036854775807", "-1", "1e308", "nan", "inf", "", "0000-00-00",
                  "2026-02-30", "999-12-31", "2026-03-02 9"):
            self.assertIn(v, values)
        self.assertTrue(any(len(v) >= 300 for v in fb.STRINGS))
        self.assertTrue(any("/" in v for v in fb.STRINGS))
        self.assertTrue(any(v.startswith("=HYPERLINK") for v in fb.STRINGS))
        for h in ("[批次]", "[~]", "[#]", "[.]"):
            self.assertIn(h, fb.TOML_HEADERS)

    def test_folder_mutators_change_the_folder(self):
        files = {"batch/batch.toml": TOML_SAMPLE, "batch/experts.csv": CSV_SAMPLE,
                 "batch/enterprises.csv": b"id,name\nENT1,x\nENT2,y\n"}
        for name, fn in fb.FOLDER_MUTATORS.items():
            for s in range(5):
                f1, f2 = dict(files), dict(files)
                d1, d2 = fn(random.Random(s), f1, None), fn(random.Random(s), f2, None)
                self.assertEqual(d1, d2, name)
                self.assertEqual(f1, f2, name)
                if d1 is not None:
                    self.assertNotEqual(f1, files, name)

    def test_cases_are_deterministic(self):
        seeds = seed_folders()
        self.assertTrue(seeds, "no seed folder found")
        seed = fb.Seed(seeds[0], None, 10, dict(os.environ))
        for command in fb.COMMANDS:
            seen = set()
            for i in range(15):
                a = fb.build_case(seed, command, random.Random("7:%d" % i))
                b = fb.build_case(seed, command, random.Random("7:%d" % i))
                self.assertEqual(a, b)
                base, files, muts = a
                self.assertNotEqual(base, files)
                self.assertTrue(muts)
                seen.add(repr(sorted((k, v if isinstance(v, bytes) else "DIR") for k, v in files.items())))
            self.assertGreater(len(seen), 10)

    def test_classify(self):
        def res(rc, err=b"", hung=False):
            return {"rc": rc, "hung": hung, "stderr": err, "stdout": b"", "seconds": 0}
        files = {"batch/experts.csv": b""}
        self.assertEqual(fb.classify(res(0), files), "ok")
        self.assertEqual(fb.classify(res(65, b"error: experts.csv:2: bad"), files), "ok")
        self.assertEqual(fb.classify(res(65, b"error: something"), files), "unnamed65")
        self.assertEqual(fb.classify(res(-11), files), "crash")
        self.assertEqual(fb.classify(res(-4), files), "crash")
        self.assertEqual(fb.classify(res(134), files), "crash")
        self.assertEqual(fb.classify(res(-9, hung=True), files), "hang")
        self.assertEqual(fb.classify(res(70), files), "exit70")
        self.assertEqual(fb.classify(res(1), files), "unexpected")
        self.assertEqual(fb.classify(res(64), files), "unexpected")


class FuzzSmokeTest(unittest.TestCase):
    def test_fuzz_40_cases(self):
        binary = os.environ.get("PANELPLAN_BIN")
        if binary is None:
            self.skipTest("PANELPLAN_BIN is not set: set it to a built panelplan binary "
                          "(e.g. .build/debug/panelplan) to run the fuzz smoke test")
        self.assertTrue(os.path.isfile(binary), "PANELPLAN_BIN=%s: no such file" % binary)
        seeds = seed_folders()
        self.assertTrue(seeds, "no seed folder found")
        out = tempfile.mkdtemp(prefix="panelplan-fuzz-smoke-")
        p = subprocess.run(
            [sys.executable, os.path.join(HERE, "fuzz_batches.py"), "--binary", binary,
             "--seeds", *seeds, "--count", "40", "--jobs", "1", "--seed", "1",
             "--timeout", "30", "--out", out],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=40 * 35)
        m = SUMMARY.search(p.stdout)
        self.assertIsNotNone(m, "no summary line:\n%s\n%s" % (p.stdout, p.stderr[-3000:]))
        cases, crashes, hangs, unexpected = map(int, m.groups())
        self.assertEqual(cases, 40)
        detail = "%s\n%s\nfailing cases saved in %s" % (p.stdout, p.stderr[-3000:], out)
        self.assertEqual(crashes, 0, detail)
        self.assertEqual(hangs, 0, detail)
        self.assertIn(p.returncode, (0, 1), detail)
        if unexpected:
            self.assertEqual(p.returncode, 1, detail)


if __name__ == "__main__":
    unittest.main()
