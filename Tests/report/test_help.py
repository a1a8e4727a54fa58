"""`--help` as people read it: in Chinese with `--lang zh` or a Chinese locale, in English
otherwise, every command's own texts from the string table. Run by `make test` with PANELPLAN_BIN."""
import os
import re
import subprocess
import unittest

BIN = os.environ.get("PANELPLAN_BIN", "")
if not os.path.isfile(BIN):
    raise SystemExit(f"PANELPLAN_BIN must name the built panelplan tool (got {BIN!r}); run `make test`")

COMMANDS = ["check", "plan", "status", "replan", "decline", "publish", "history", "diff", "export",
            "whatif", "generate", "verify-draw"]


def help_text(command, *extra, lang_env="C.UTF-8"):
    env = dict(os.environ, LANG=lang_env, LC_ALL=lang_env, LC_MESSAGES=lang_env)
    r = subprocess.run([BIN, command, "--help", *extra], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


def own_lines(text):
    """The lines PanelPlan writes: the overview and the arguments' help, without the usage line
    and without argument-parser's own `--version` and `--help` entries."""
    lines = []
    for line in text.splitlines():
        if line.startswith("USAGE:") or re.search(r"--version|-h, --help|Show (the version|help)", line):
            continue
        lines.append(line)
    return "\n".join(lines)


class Help(unittest.TestCase):
    def test_chinese_with_the_flag_and_with_the_locale(self):
        for command in COMMANDS:
            for text in (help_text(command, "--lang", "zh"), help_text(command, lang_env="zh_CN.UTF-8")):
                own = own_lines(text)
                self.assertRegex(own, r"OVERVIEW: .*[\u4e00-\u9fff]", command)
                # Each argument's help: Chinese words, no English sentence (option names,
                # file names and values such as `zh`, `json` stay as typed).
                sentences = re.findall(r"\b(?:The|the|Where|Seconds|Language|Who|Number|Seed)\b [a-z]+", own)
                self.assertEqual(sentences, [], f"{command}:\n{own}")

    def test_english_otherwise(self):
        text = " ".join(help_text("plan").split())
        self.assertIn("Plan dates and panels for every initial review and site inspection of a batch.", text)
        self.assertIn("The batch folder.", text)
        self.assertNotIn("批次", text)
        replan = " ".join(help_text("replan").split())
        self.assertIn("Exit codes: 0 nothing new to announce", replan)
        self.assertIn("退出码：0没有需要公布的新内容", "".join(help_text("replan", "--lang", "zh").split()))


if __name__ == "__main__":
    unittest.main()
