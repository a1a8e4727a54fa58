"""What the commands themselves say when they end (what was written, errors with their exit code)
in Chinese under a Chinese locale or `--lang zh`, in English otherwise, from the string table.
Run by `make test` with PANELPLAN_BIN."""
import csv
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

BIN = os.environ.get("PANELPLAN_BIN", "")
if not os.path.isfile(BIN):
    raise SystemExit(f"PANELPLAN_BIN must name the built panelplan tool (got {BIN!r}); run `make test`")


def run(args, lang):
    env = dict(os.environ, LANG=lang, LC_ALL=lang, LC_MESSAGES=lang)
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=env)


class ConsoleLanguage(unittest.TestCase):
    def test_generate_publish_and_verify_draw(self):
        with tempfile.TemporaryDirectory() as root:
            folder = os.path.join(root, "batch")
            en = run(["generate", folder, "--enterprises", "4", "--experts", "12", "--months", "2"], "C.UTF-8")
            self.assertEqual(en.returncode, 0, en.stderr)
            self.assertIn(f"wrote {folder}: 4 enterprises, 12 experts, 2 months from 2026-03-02", en.stdout)
            zh = run(["generate", folder, "--enterprises", "4", "--experts", "12", "--months", "2", "--force"],
                     "zh_CN.UTF-8")
            self.assertIn(f"已写出 {folder}：4 家企业、12 位专家、自 2026-03-02 起 2 个月", zh.stdout)
            cases = [
                (["export", folder, "--out", os.path.join(root, "out"), "--lang", "zh"],
                 f"错误：{os.path.join(folder, 'panelplan.sqlite')} 处没有排期库（请先运行 `panelplan plan`，或用 --db 指定）",
                 None),
                (["publish", folder], "错误：排期库中还没有排期（请先运行 `panelplan plan`）",
                 "error: the store holds no plan yet (run `panelplan plan` first)"),
                (["verify-draw", folder, os.path.join(root, "missing.json")],
                 f"错误：无法读取 {os.path.join(root, 'missing.json')}",
                 f"error: cannot read {os.path.join(root, 'missing.json')}"),
            ]
            for args, chinese, english in cases:
                zh = run(args, "zh_CN.UTF-8")
                self.assertNotEqual(zh.returncode, 0, args)
                self.assertIn(chinese, zh.stderr, args)
                self.assertIsNone(re.search(r"\berror:|\bcannot\b|\bstore holds\b", zh.stderr), zh.stderr)
                if english:
                    en = run(args, "C.UTF-8")
                    self.assertEqual(en.returncode, zh.returncode, args)
                    self.assertIn(english, en.stderr, args)

    def test_plan_and_export_in_the_batch_language(self):
        with tempfile.TemporaryDirectory() as root:
            folder = os.path.join(root, "batch")
            self.assertEqual(run(["generate", folder, "--enterprises", "4", "--experts", "12", "--months", "2"],
                                 "C.UTF-8").returncode, 0)
            plan = run(["plan", folder, "--quiet", "--lang", "zh"], "C.UTF-8")
            self.assertEqual(plan.returncode, 0, plan.stderr)
            self.assertRegex(plan.stdout, r"（排期库 .*panelplan\.sqlite 中的版本 1）")
            again = run(["plan", folder, "--quiet", "--lang", "en"], "C.UTF-8")
            self.assertRegex(again.stdout, r"\(version 2 in .*panelplan\.sqlite\)")
            out = os.path.join(root, "out")
            zh = run(["export", folder, "--out", out, "--format", "json", "--lang", "zh"], "C.UTF-8")
            self.assertEqual(zh.returncode, 0, zh.stderr)
            self.assertRegex(zh.stdout, r"^已写出 \d+ 个文件到 ")
            en = run(["export", folder, "--out", out, "--format", "json", "--lang", "en"], "C.UTF-8")
            self.assertRegex(en.stdout, r"^wrote \d+ files to ")

    def test_whatif_table_in_both_languages(self):
        with tempfile.TemporaryDirectory() as root:
            folder = os.path.join(root, "batch")
            self.assertEqual(run(["generate", folder, "--enterprises", "4", "--experts", "12", "--months", "2"],
                                 "C.UTF-8").returncode, 0)
            zh = run(["whatif", folder, "--lang", "zh"], "C.UTF-8")
            self.assertEqual(zh.returncode, 0, zh.stderr)
            lines = zh.stdout.splitlines()
            self.assertEqual(lines[0].split()[:4], ["情景", "取值", "已安排", "可安排"], lines[0])
            self.assertIn("状态", lines[0])
            self.assertRegex(zh.stdout, r"\n周 +席位 +组长 +审核师")
            self.assertRegex(lines[2], r"^基准（现状） .*(可行|最优|达到时限)")
            self.assertIn("按周的容量，基准（现状）", zh.stdout)
            self.assertIsNone(re.search(r"\b(baseline|scenario|planned|eligible|status|week|seats|leaders|auditors|feasible|"
                                        r"optimal)\b", zh.stdout), zh.stdout)
            en = run(["whatif", folder, "--lang", "en"], "zh_CN.UTF-8")
            self.assertEqual(en.stdout.splitlines()[0].split()[:4], ["scenario", "value", "planned", "eligible"])
            self.assertRegex(en.stdout, r"\nweek +seats +leaders +auditors")


# English words of the nightly job's and verify-draw's sentences; none may reach a Chinese line
# (ids, dates, paths, option names and draw.json's keys are written as they are).
ENGLISH = re.compile(r"\b(version|replanning|as of|freeze|working days|reference|published|changes?|notify|"
                     r"planned|since|the|is|are|recorded|recomputed|input|present|absent|when|content|"
                     r"candidate|declined|earlier|history|locked|cannot|missing|none)\b", re.IGNORECASE)
LOG = re.compile(r"^\S+ (info|warning|error) panelplan\.\w+: \[\w+\] (.*)$")


def log_messages(stderr):
    """The messages of the nightly job's log lines (after the time, level and label)."""
    return [m.group(2) for m in map(LOG.match, stderr.splitlines()) if m]


def chinese(text):
    return any("\u4e00" <= c <= "\u9fff" for c in text)


class NightlyLanguage(unittest.TestCase):
    """`replan` and `decline` log for cron mail, fail and print their changes in the batch's
    language (or --lang); `verify-draw` says what differs in it."""

    def setUp(self):
        self.root = tempfile.mkdtemp()
        self.folder = os.path.join(self.root, "batch")
        r = run(["generate", self.folder, "--enterprises", "6", "--experts", "20", "--months", "2"], "C.UTF-8")
        self.assertEqual(r.returncode, 0, r.stderr)

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def assert_chinese_lines(self, lines):
        self.assertTrue(lines)
        for line in lines:
            self.assertTrue(chinese(line), line)
            self.assertIsNone(ENGLISH.search(line), line)

    def first_assignment(self):
        with open(os.path.join(self.folder, "plan.csv"), encoding="utf-8-sig", newline="") as f:
            return next(csv.DictReader(f))

    def test_replan_and_decline(self):
        for args in (["plan", self.folder, "--quiet"], ["publish", self.folder]):
            self.assertEqual(run(args, "C.UTF-8").returncode, 0, args)
        row = self.first_assignment()
        expert = row["experts"].split(";")[0]
        with open(os.path.join(self.folder, "unavailability.csv"), "a", encoding="utf-8") as f:
            f.write(f"{expert},{row['date']},{row['date']},sick\n")
        zh = run(["replan", self.folder, "--lang", "zh"], "C.UTF-8")
        self.assertEqual(zh.returncode, 3, zh.stderr)
        messages = log_messages(zh.stderr)
        self.assert_chinese_lines(messages)
        self.assertTrue(any(m.startswith("重新排期 ") and "冻结 5 个工作日，参照：已公布的第 1 版" in m for m in messages),
                        messages)
        self.assertTrue(any(re.match(r"第 2 版：已安排 \d+/\d+，\d+ 项变更，需通知 \d+ 位专家$", m) for m in messages),
                        messages)
        self.assertTrue(zh.stdout.startswith("第 2 版，对照已公布的第 1 版："), zh.stdout)
        again = run(["replan", self.folder], "zh_CN.UTF-8")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("自第 2 版以来没有变化：输入和参数都相同", log_messages(again.stderr))
        english = run(["replan", self.folder, "--lang", "en"], "zh_CN.UTF-8")
        self.assertIn("no changes since version 2: inputs and parameters are the same", log_messages(english.stderr))
        back = {lang: run(["replan", self.folder, "--as-of", "2020-01-01", "--lang", lang], "C.UTF-8")
                for lang in ("zh", "en")}
        self.assertEqual(back["zh"].returncode, 64, back["zh"].stderr)
        self.assertEqual(back["en"].returncode, 64, back["en"].stderr)
        self.assert_chinese_lines(log_messages(back["zh"].stderr))
        self.assertIn("早于上次运行的", back["zh"].stderr)
        self.assertIn("is earlier than the last run's", back["en"].stderr)
        row = self.first_assignment()
        member = row["experts"].split(";")[-1]
        decline = run(["decline", self.folder, row["enterprise_id"], row["task"], member, "--as-of", "2026-03-01"],
                      "zh_CN.UTF-8")
        self.assertIn(decline.returncode, (0, 3), decline.stderr)
        messages = log_messages(decline.stderr)
        self.assert_chinese_lines(messages)
        self.assertTrue(any(m.startswith(f"已记录：专家 {member} 谢绝了 {row['enterprise_id']} 于 ") for m in messages),
                        messages)

    def test_verify_draw_differences(self):
        out = os.path.join(self.root, "drawn")
        r = run(["plan", self.folder, "--out", out, "--no-store", "--quiet", "--draw", "--seed-text", "2026-03-01"],
                "C.UTF-8")
        self.assertEqual(r.returncode, 0, r.stderr)
        path = os.path.join(out, "draw.json")
        with open(path, encoding="utf-8") as f:
            draw = json.load(f)
        draw["seed_text"] = "2026-03-02"
        draw["panels"][0]["candidates"][0]["probability"] += 0.125
        tampered = os.path.join(self.root, "tampered.json")
        with open(tampered, "w", encoding="utf-8") as f:
            json.dump(draw, f, ensure_ascii=False, indent=2)
        with open(os.path.join(self.folder, "experts.csv"), "a", encoding="utf-8") as f:
            f.write("\n")
        zh = run(["verify-draw", self.folder, tampered, "--lang", "zh"], "C.UTF-8")
        self.assertEqual(zh.returncode, 1, zh.stderr)
        lines = zh.stdout.splitlines()
        self.assert_chinese_lines(lines)
        self.assertIn("输入文件 experts.csv：内容自抽取以来已改变（SHA-256 不同）", lines)
        self.assertTrue(any(line.startswith("seed：记录为 ") for line in lines), lines)
        self.assertTrue(any("probability（概率）记录为 " in line for line in lines), lines)
        en = run(["verify-draw", self.folder, tampered, "--lang", "en"], "zh_CN.UTF-8")
        self.assertEqual(en.returncode, 1, en.stderr)
        self.assertIn("input experts.csv: its content changed since the draw (SHA-256 differs)", en.stdout)
        self.assertTrue(all(not chinese(line) for line in en.stdout.splitlines()), en.stdout)


if __name__ == "__main__":
    unittest.main()
