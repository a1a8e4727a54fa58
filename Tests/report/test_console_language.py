"""What the commands themselves say when they end (what was written, errors with their exit code)
in Chinese under a Chinese locale or `--lang zh`, in English otherwise, from the string table.
Run by `make test` with PANELPLAN_BIN."""
import os
import re
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


if __name__ == "__main__":
    unittest.main()
